import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { capture } from '../helpers/capture.ts';
import { runCli } from '../helpers/run-cli.ts';

describe('barometer entry', () => {
  it('prints help and lists the commands', async () => {
    const stdout = capture();
    expect(await main(['--help'], { stdout })).toBe(0);
    expect(stdout.text).toContain('collect');
    expect(stdout.text).toContain('report');
  });

  it('rejects an unknown command with one line and exit code 2', async () => {
    const stderr = capture();
    expect(await main(['frobnicate'], { stderr })).toBe(2);
    expect(stderr.text.trim().split('\n')).toHaveLength(1);
    expect(stderr.text).toContain("unknown command 'frobnicate'");
  });
});

describe('hints and errors as the user typed the command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'barometer-hints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('name `npx barometer …` when npm ran it, `barometer …` otherwise, on one line', async () => {
    // A (bare) repository not collected yet.
    for (const part of ['objects', 'refs']) mkdirSync(join(dir, 'tiny', part), { recursive: true });
    writeFileSync(join(dir, 'tiny', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(dir, 'bad.json'), 'not json\nat all\n');
    const npx = { npm_command: 'exec', npm_lifecycle_script: 'barometer' };
    const npmStart = { npm_lifecycle_script: 'node src/cli/barometer.js serve' };
    // What `npm test` (or `npx vitest`) passes on to a barometer it runs is not how a user typed it.
    const tests = { npm_command: 'exec', npm_lifecycle_script: 'vitest run' };
    const option = (env: Record<string, string>) =>
      runCli(['report', '--colour', 'red'], { cwd: dir, env });
    expect((await option(npx)).stderr).toBe(
      "barometer report: unknown option '--colour' (see npx barometer report --help)\n",
    );
    expect((await option(npmStart)).stderr).toContain('(see npx barometer report --help)');
    expect((await option(tests)).stderr).toContain('(see barometer report --help)');
    expect((await option({})).stderr).toContain('(see barometer report --help)');

    // The path the user gave is in the command the hint names.
    const unknown = await runCli(['affiliations', 'unknown', 'tiny'], { cwd: dir, env: npx });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toBe(
      'barometer affiliations: data/tiny.duckdb: no such database; run `npx barometer collect tiny` first\n',
    );
    // A JSON error quoting a line break stays on one line.
    const json = await runCli(['collect', 'bad.json'], { cwd: dir, env: {} });
    expect(json.code).toBe(2);
    expect(json.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(json.stderr).toMatch(/^barometer collect: bad\.json: not valid JSON \(/);
  });
});
