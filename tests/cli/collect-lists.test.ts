import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { makeTempDir } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { appendMbox } from '../collectors/mail/mail-fixture.ts';
import { develMessages } from '../collectors/mail/review-scenario.ts';

const defer = cleanupAfterAll();

describe('barometer collect with lists', () => {
  it('reads a config of lists only, then the lists again from its database', async () => {
    const dir = makeTempDir('barometer-cli-lists-');
    defer(() => rmSync(dir, { recursive: true, force: true }));
    const mbox = join(dir, 'devel.mbox');
    appendMbox(mbox, develMessages().slice(0, 5));
    writeFileSync(
      join(dir, 'p.json'),
      JSON.stringify({
        name: 'p',
        repositories: [],
        lists: [{ source: 'devel.mbox', name: 'devel' }],
      }),
    );
    let now = Date.parse('2020-01-01T00:00:00Z');
    const clock = () => new Date((now += 500));
    const first = await runCli(
      ['collect', 'p.json'],
      { cwd: dir, clock },
      { isTTY: true, columns: 100 },
    );
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/devel: 5 messages added in \d+\.\d s \(mbox\)\n/);
    expect(first.stderr).not.toContain('names no git repositories');
    expect(first.stdout).toMatch(/^collected 0 repositories: 0 commits added/);
    appendMbox(mbox, develMessages().slice(5, 7));
    const again = await runCli(['collect', join('data', 'p.duckdb')], { cwd: dir, clock });
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^devel: 2 messages added in \d+\.\d s \(mbox\)$/m);
  });

  it('fails in one line for a list that is not an archive', async () => {
    const dir = makeTempDir('barometer-cli-lists-');
    defer(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      join(dir, 'p.json'),
      JSON.stringify({ name: 'p', repositories: [], lists: [{ source: '.', name: 'x' }] }),
    );
    const run = await runCli(['collect', 'p.json'], { cwd: dir });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      `barometer collect: ${dir}: not a list archive (a public-inbox epoch, a folder holding git/0.git, or an mbox file) for list x`,
    ]);
  });
});
