/**
 * Input a careless user gives, each answered with one line naming the file, field or flag, and a
 * non-zero exit, never a stack overflow, a raw system error or a hang.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDashboardBuild } from '../../src/cli/dashboard-build.ts';
import { silentLogger } from '../../src/lib/effects.ts';
import { BarometerError } from '../../src/lib/errors.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { createRepository, makeTempDir } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const BAROMETER = fileURLToPath(new URL('../../src/cli/barometer.js', import.meta.url));
const defer = cleanupAfterAll();
let cwd: string;
let repo: string;

beforeAll(async () => {
  cwd = makeTempDir();
  defer(() => rmSync(cwd, { recursive: true, force: true }));
  const fixture = createRepository();
  defer(() => fixture.cleanup());
  for (let i = 0; i < 3; i++) fixture.commit({ message: `c${i}\n` });
  repo = fixture.dir;
  const collected = await runCli(['collect', repo, '--db', 'p.duckdb'], { cwd, env: {} });
  expect(collected.code, collected.stderr).toBe(0);
});

const report = (...args: string[]) =>
  runCli(['report', 'p.duckdb', '--as-of', '2021-01-01', ...args], { cwd, env: {} });

describe('one clear line for', () => {
  it('a config nested thousands of levels deep', async () => {
    writeFileSync(join(cwd, 'deep.json'), `{"name": "p", "repositories": ${'['.repeat(50_000)}}`);
    const run = await runCli(['collect', 'deep.json'], { cwd, env: {} });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'barometer collect: deep.json: nested more than 64 levels deep\n',
    });
  });

  it('"__proto__" as an address under organisations', async () => {
    writeFileSync(
      join(cwd, 'proto.json'),
      `{"name": "p", "repositories": ["${repo}"], "affiliations": {"organisations": {"__proto__": "X"}}}`,
    );
    const run = await runCli(['collect', 'proto.json'], { cwd, env: {} });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'barometer collect: proto.json: field "affiliations.organisations.__proto__" must be an ' +
        'e-mail address or a domain, got "X"\n',
    );
  });

  it('an --out with a file in the way', async () => {
    writeFileSync(join(cwd, 'a-file'), '');
    const run = await report('--out', 'a-file/out');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'barometer report: --out a-file/out: cannot write there (a file is in the way)\n',
    );
  });

  it('an --out the file system will not make (/proc/x), at once', async () => {
    const run = await report('--out', '/proc/x', '--figures', 'svg');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'barometer report: --out /proc/x: cannot write there (the file system does not allow it there)\n',
    );
  });

  it('a --db in a folder the file system will not make, at once', async () => {
    const run = await runCli(['collect', repo, '--db', '/proc/x/p.duckdb'], { cwd, env: {} });
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(
      'barometer collect: --db /proc/x/p.duckdb: cannot write there (the file system does not allow it there)\n',
    );
  });

  it('an --out the user may not write to', () => {
    const shared = makeTempDir();
    defer(() => rmSync(shared, { recursive: true, force: true }));
    chmodSync(shared, 0o755);
    const locked = join(shared, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    // As root, permissions do not apply: run the command as the user nobody.
    const asUser =
      process.getuid?.() === 0
        ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups']
        : [];
    const db = join(cwd, 'p.duckdb');
    chmodSync(cwd, 0o755);
    const args = [
      process.execPath,
      BAROMETER,
      'report',
      db,
      '--as-of',
      '2021-01-01',
      '--out',
      join(locked, 'out'),
    ];
    const [command, ...rest] = [...asUser, ...args];
    const result = spawnSync(command!, rest, {
      cwd: shared,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: shared, TZ: 'UTC' },
    });
    expect(result.stderr).toBe(
      `barometer report: --out ${join(locked, 'out')}: cannot write there (permission denied)\n`,
    );
    expect(result.status).toBe(2);
  });

  it('a SQLite file named .duckdb, without DuckDB fetching an extension', async () => {
    const path = join(cwd, 'lite.duckdb');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080)]));
    const run = await runCli(['report', 'lite.duckdb'], { cwd, env: {} });
    expect(run.code).toBe(5);
    expect(run.stderr).toBe(
      `barometer report: ${path} is a SQLite file, not a DuckDB database; give the path of a .duckdb made by barometer collect\n`,
    );
  });

  it('a dashboard build folder that cannot be written', async () => {
    writeFileSync(join(cwd, 'not-a-folder'), '');
    const buildRoot = join(cwd, 'not-a-folder', 'dist');
    let error: unknown;
    try {
      await ensureDashboardBuild(silentLogger, buildRoot);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BarometerError);
    expect((error as BarometerError).message).toBe(
      `the dashboard must be built, and ${buildRoot} cannot be written (ENOTDIR); run \`npm run build\` ` +
        'there once as the user who installed Barometer',
    );
  });
});
