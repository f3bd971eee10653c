/**
 * A newcomer's first hour, as the README tells it: install with `npm link` (into a prefix of the
 * test's own), run the quick start in a repository, then the Xen-style example from a folder outside
 * the clone, where every follow-up command without a target reports on the project collected last.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { createRepository, makeTempDir } from '../helpers/git-fixture.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const defer = cleanupAfterAll();

/** `npm link` into a fresh prefix: the documented install, without touching the machine's own. */
function install(): { env: NodeJS.ProcessEnv } {
  const prefix = makeTempDir('barometer-prefix-');
  defer(() => rmSync(prefix, { recursive: true, force: true }));
  const env = { ...process.env, npm_config_prefix: prefix, TZ: 'UTC' };
  execFileSync('npm', ['link', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: projectRoot,
    env,
    stdio: 'pipe',
  });
  return { env: { ...env, PATH: `${join(prefix, 'bin')}${delimiter}${process.env.PATH}` } };
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `barometer ...` as a user types it in `cwd`, found on the PATH. */
function barometer(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn('barometer', args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** Starts `barometer serve` in `cwd`, fetches the page it names, and stops it. */
function serveOnce(cwd: string, env: NodeJS.ProcessEnv): Promise<{ line: string; page: string }> {
  return new Promise((done, fail) => {
    const child = spawn('barometer', ['serve', '--port', '0'], { cwd, env });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^(Barometer dashboard for .*: (http:\/\/127\.0\.0\.1:\d+\/))$/m.exec(out);
      if (!match) return;
      fetch(match[2]!)
        .then((response) => response.text())
        .then((page) => done({ line: match[1]!, page }), fail)
        .finally(() => child.kill('SIGINT'));
    });
    child.on('close', (code) => {
      if (!/Barometer dashboard for/.test(out)) fail(new Error(`serve exited ${code}: ${err}`));
    });
  });
}

describe("a newcomer's first hour", () => {
  it('installs, runs the quick start, and follow-ups use the last collected project', async () => {
    const { env } = install();
    // Quick start: in a repository of one's own, `barometer serve` mines it and serves it.
    const mine = createRepository();
    defer(() => mine.cleanup());
    mine.commit({ message: 'Start\n', author: { name: 'Me', email: 'me@intel.com' } });
    const quick = await serveOnce(mine.dir, env);
    expect(quick.line).toMatch(/^Barometer dashboard for work: /);
    expect(quick.page).toContain('<title>');

    // The Xen-style example, from a notes folder outside the clone and outside any repository.
    const xen = createRepository();
    defer(() => xen.cleanup());
    const people = [
      { name: 'Jan', email: 'jan@suse.com' },
      { name: 'Andrew', email: 'andrew@citrix.com' },
      { name: 'Stefano', email: 'stefano@amd.com' },
    ];
    xen.importCommits(60, (i) => ({
      message: `Change ${i}\n\nReviewed-by: ${people[(i + 1) % 3]!.name} <${people[(i + 1) % 3]!.email}>\n`,
      author: people[i % 3]!,
      date: { at: Date.UTC(2015, 0, 1) / 1000 + i * 86_400 * 20 },
      files: { [`f${i % 4}.c`]: `int x = ${i};\n` },
    }));
    const notes = makeTempDir('barometer-notes-');
    defer(() => rmSync(notes, { recursive: true, force: true }));
    const collect = await barometer(['collect', xen.dir], notes, env);
    expect(collect.code, collect.stderr).toBe(0);
    expect(collect.stdout).toContain('60 commits added');
    expect(collect.stdout).toContain(`into ${join(notes, 'data', 'work.duckdb')}`);

    const using = /^using data\/work\.duckdb \(work\), collected (just now|\d+ minutes? ago)$/m;
    const report = await barometer(['report', '--as-of', '2019-01-01', '--out', 'out'], notes, env);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stderr).toMatch(using);
    expect(report.stdout).toMatch(/^Weather report: work$/m);
    const weather = JSON.parse(readFileSync(join(notes, 'out', 'weather.json'), 'utf8'));
    expect(weather.totalCommits).toBe(60);
    // `--out` writes the figures too, as SVG and PNG.
    expect(readdirSync(join(notes, 'out'))).toEqual(
      expect.arrayContaining(['commits-by-year.svg', 'commits-by-year.png']),
    );

    const unknown = await barometer(['affiliations', 'unknown'], notes, env);
    expect(unknown.code, unknown.stderr).toBe(0);
    expect(unknown.stderr).toMatch(using);
    expect(unknown.stdout).toMatch(/of 60 commits/);

    const again = await barometer(['collect'], notes, env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(using);
    expect(again.stdout).toContain('0 commits added');

    const served = await serveOnce(notes, env);
    expect(served.line).toMatch(/^Barometer dashboard for work: /);

    // A folder with two databases and no record of the last collect: the choices, and a stop.
    const other = join(notes, 'elsewhere');
    mkdirSync(join(other, 'data'), { recursive: true });
    for (const name of ['a', 'b']) {
      expect(
        (await barometer(['collect', xen.dir, '--db', `data/${name}.duckdb`], other, env)).code,
      ).toBe(0);
    }
    rmSync(join(other, 'data', 'last-collect.json'));
    const ambiguous = await barometer(['report'], other, env);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr.trim()).toBe(
      'barometer report: no target given and no record of the last collect here; name one of: data/a.duckdb, data/b.duckdb',
    );
  });
});
