import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { createRepository, makeTempDir } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const defer = cleanupAfterAll();
const clock = () => new Date('2018-06-01T08:00:00Z');

describe('sub-projects from a config to the report', () => {
  let dir: string;
  const run = (...args: string[]) => runCli(args, { cwd: dir, clock, env: {} });

  beforeAll(async () => {
    dir = makeTempDir('barometer-subprojects-');
    defer(() => rmSync(dir, { recursive: true, force: true }));
    const made: Record<string, number> = { core: 3, 'app-one': 2, 'app-two': 1 };
    const repositories = Object.entries(made).map(([name, n], r) => {
      const repo = createRepository();
      defer(() => repo.cleanup());
      for (let i = 0; i < n; i++) {
        repo.commit({
          message: `${name} change ${i}\n`,
          files: { [`f${i}.txt`]: `${i}\n` },
          author: { name: `Dev ${r}`, email: `dev${r}@${name}.example` },
          date: { at: `2017-0${i + 3}-1${r}T10:00:00Z` },
        });
      }
      return { source: repo.dir, name, branch: 'main' };
    });
    writeFileSync(
      join(dir, 'p.json'),
      JSON.stringify({
        name: 'p',
        repositories,
        subprojects: { Core: ['core'], Apps: ['app-*'], Docs: ['docs-*'] },
      }),
    );
    const collected = await run('collect', 'p.json');
    expect(collected.code).toBe(0);
    expect(collected.stderr).toContain('sub-project Docs: "docs-*" matches no repository or list');
  });

  it('narrows the report to a sub-project given by name, with its line, from the database alone', async () => {
    const result = await run('report', 'data/p.duckdb', '--subproject', 'Apps', '--out', 'out');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sub-projects: Apps; repositories: app-one, app-two');
    const weather = JSON.parse(readFileSync(join(dir, 'out', 'weather.json'), 'utf8'));
    expect(weather.filters).toEqual({
      repositories: ['app-one', 'app-two'],
      paths: [],
      areas: [],
      subprojects: ['Apps'],
    });
    expect(weather.commitsByYear.find((y: { year: number }) => y.year === 2017).commits).toBe(3);
    expect(weather.subprojects).toHaveLength(1);
    const [apps] = weather.subprojects;
    expect(apps.name).toBe('Apps');
    expect(apps.repositories).toEqual(['app-one', 'app-two']);
    expect(apps.projection.commits).toEqual({
      annualGrowth: null,
      low: null,
      high: null,
      months: 14,
    });
    expect(Object.keys(weather.projection)).toEqual(['from', 'to', 'commits', 'contributors']);
    // The CSV says where it came from: the sub-project and the repositories it stands for.
    expect(
      readFileSync(join(dir, 'out', 'subprojects.csv'), 'utf8')
        .split('\r\n')
        .slice(0, 4),
    ).toEqual([
      '# Commits per year by sub-project',
      '"# p · 1 January 2017 – 31 May 2018 · repositories app-one, app-two · sub-project Apps"',
      '"# Source: p, as of 1 June 2018"',
      expect.stringMatching(/^subproject,repositories,/),
    ]);
  });

  it('refuses an unknown sub-project in one line naming the known ones', async () => {
    const result = await run('report', 'data/p.duckdb', '--subproject', 'Kernel');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      "barometer report: unknown sub-project 'Kernel' (known: 'Core', 'Apps', 'Docs')",
    ]);
  });

  it('keeps the sub-projects when the database is collected again without its config', async () => {
    expect((await run('collect', join('data', 'p.duckdb'))).code).toBe(0);
    const result = await run('report', 'data/p.duckdb', '--out', 'again');
    expect(result.code).toBe(0);
    const weather = JSON.parse(readFileSync(join(dir, 'again', 'weather.json'), 'utf8'));
    expect(weather.subprojects.map((s: { name: string }) => s.name)).toEqual(['Core', 'Apps']);
    expect(result.stdout).toContain('Sub-project Core: 3 commits by 1 contributor in 2017');
  });
});
