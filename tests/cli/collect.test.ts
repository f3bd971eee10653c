import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { startGitHttpServer } from '../collectors/git/git-http-server.ts';
import { createRepository, makeTempDir, type GitFixture } from '../helpers/git-fixture.ts';
import { capture } from '../helpers/capture.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const defer = cleanupAfterAll();

function fixture(options?: Parameters<typeof createRepository>[0]): GitFixture {
  const repo = createRepository(options);
  defer(() => repo.cleanup());
  return repo;
}

/** A captured stream on a 100-column terminal, or on no terminal. */
const terminal = (isTTY = false) => capture({ isTTY, columns: 100 });

/** Runs `barometer collect ...` in-process with a clock that moves one second per reading. */
async function collect(args: string[], cwd: string, tty = false) {
  const stdout = terminal();
  const stderr = terminal(tty);
  let tick = 0;
  const clock = () => new Date(Date.UTC(2024, 0, 1) + 1000 * tick++);
  const code = await main(['collect', ...args], { stdout, stderr, cwd, clock, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function history(repo: GitFixture, n: number): void {
  for (let i = 0; i < n; i++) {
    repo.commit({
      message: `Change ${i}\n\nAcked-by: Jan <jan@example.org>\n`,
      files: { [`f${i % 3}.txt`]: `${i}\n` },
    });
  }
}

async function count(path: string, sql: string): Promise<unknown[]> {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    return await db.query(sql);
  } finally {
    await db.close();
  }
}

describe('barometer collect', () => {
  it('mines the repository of the current folder into data/<name>.duckdb, then adds nothing', async () => {
    const repo = fixture();
    history(repo, 3);
    mkdirSync(join(repo.dir, 'sub'));
    const first = await collect(['--engine', 'isomorphic-git'], join(repo.dir, 'sub'));
    expect(first.code).toBe(0);
    const db = join(repo.dir, 'sub', 'data', 'work.duckdb');
    // The injected clock moves one second per reading, so the times are whole seconds.
    expect(first.stderr).toMatch(
      /^work \(main\): 3 commits added in \d+\.0 s \(isomorphic-git\)\n$/,
    );
    const [summary, affiliations] = first.stdout.split('\n');
    expect(summary).toMatch(
      /^collected 1 repository: 3 commits added in 0:\d\d \(engine: isomorphic-git\) into (.*)$/,
    );
    expect(summary!.endsWith(` into ${db}`)).toBe(true);
    // collect ends by resolving people and organisations, so figures are ready without another step.
    expect(affiliations).toMatch(
      /^affiliations applied: 3 commits and \d+ reviews? by \d+ (person|people); from unmapped addresses: \d+ commits \(\d+\.\d%\), \d+ reviews \(\d+\.\d%\)/,
    );
    expect(
      await count(db, "SELECT count(*) AS n FROM contributions WHERE kind = 'commit'"),
    ).toEqual([{ n: 3 }]);
    expect(await count(db, 'SELECT count(*) AS n FROM commits')).toEqual([{ n: 3 }]);
    const appliedAt = 'SELECT DISTINCT applied_at FROM affiliation_maps';
    const firstApply = await count(db, appliedAt);
    const second = await collect([], join(repo.dir, 'sub'));
    // Without a target, collect takes the project the last collect here wrote, and says so.
    expect(second.stderr).toMatch(
      /^using data\/work\.duckdb \(work\), collected just now\nwork \(main\): 0 commits added in \d+\.0 s, nothing new\n$/,
    );
    expect(second.stdout).toMatch(
      /^collected 1 repository: 0 commits added in 0:0\d \(engine: none needed\)/,
    );
    // Nothing new and the same maps: contributions are kept, not rebuilt (the clock moved on).
    expect(second.stdout.split('\n')[1]).toBe(affiliations!.replace('applied', 'unchanged'));
    expect(await count(db, appliedAt)).toEqual(firstApply);
    // Another map is applied at once, and so is a new commit.
    const mapFile = join(repo.dir, 'sub', 'map.txt');
    writeFileSync(mapFile, 'example.org Example Ltd\n');
    const third = await collect(['--email-map', mapFile], join(repo.dir, 'sub'));
    expect(third.stdout.split('\n')[1]).toMatch(/^affiliations applied: 3 commits/);
    expect(await count(db, appliedAt)).not.toEqual(firstApply);
    history(repo, 1);
    const fourth = await collect(['--email-map', mapFile], join(repo.dir, 'sub'));
    expect(fourth.stdout.split('\n')[1]).toMatch(/^affiliations applied: 4 commits/);
  });

  it('mines every repository of a project config, remote ones through the cache', async () => {
    const local = fixture();
    history(local, 2);
    const remote = fixture({ bare: true });
    history(remote, 4);
    const server = await startGitHttpServer(remote.root);
    defer(() => server.close());
    const cwd = makeTempDir();
    mkdirSync(join(cwd, 'projects'));
    writeFileSync(
      join(cwd, 'projects', 'demo.json'),
      JSON.stringify({
        name: 'demo',
        repositories: [
          { source: local.dir, name: 'local' },
          { source: `${server.url}/repo.git`, name: 'remote', branch: 'main' },
        ],
      }),
    );
    const run = await collect(['projects/demo.json', '--no-files'], cwd);
    expect(run.code).toBe(0);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        /^local \(main\): 2 commits added in \d+\.0 s \((git-cli|isomorphic-git)\)$/,
      ),
      expect.stringMatching(
        /^remote \(main\): 4 commits added in \d+\.0 s \((git-cli|isomorphic-git)\)$/,
      ),
    ]);
    expect(run.stdout).toMatch(/^collected 2 repositories: 6 commits added in /);
    const db = join(cwd, 'data', 'demo.duckdb');
    expect(existsSync(join(cwd, 'data', 'repos', 'remote.git', 'HEAD'))).toBe(true);
    expect(
      await count(db, 'SELECT repository, count(*) AS n FROM commits GROUP BY 1 ORDER BY 1'),
    ).toEqual([
      { repository: 'local', n: 2 },
      { repository: 'remote', n: 4 },
    ]);
    expect(await count(db, 'SELECT count(*) AS n FROM commit_files')).toEqual([{ n: 0 }]);
    // A database names its repositories: collecting it again fetches them again.
    history(remote, 1);
    const again = await collect([db], cwd);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('remote (main): 1 commit added');
  });

  it('draws a progress bar on a terminal', async () => {
    const repo = fixture();
    history(repo, 2);
    const run = await collect(
      [repo.dir, '--db', join(repo.root, 'x.duckdb'), '--engine', 'isomorphic-git'],
      repo.root,
      true,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('\r\x1b[K');
    expect(run.stderr).toMatch(/work \[#+\] 2\/2 commits {2}\d+\/s {2}0:00 left/);
    // The live line is cleared, then the repository's line replaces it.
    const [live, last] = run.stderr.split('\r\x1b[K').slice(-2);
    expect(live).toMatch(/^work \[#+\] 2\/2 commits/);
    expect(last).toMatch(/^work \(main\): 2 commits added in \d+\.0 s \(isomorphic-git\)\n$/);
  });
});

describe('barometer collect errors: one line and a non-zero exit', () => {
  const cwd = makeTempDir();
  const repo = fixture();
  history(repo, 1);

  const cases: Array<[string, string[], number, RegExp | string]> = [
    [
      'a missing path',
      ['no/such/repo'],
      3,
      'barometer collect: no/such/repo: no such file or folder\n',
    ],
    [
      'a folder that is not a git repository',
      ['.'],
      6,
      'barometer collect: .: not a git repository\n',
    ],
    [
      'an unreachable URL',
      ['http://127.0.0.1:9/x.git'],
      6,
      /^barometer collect: cannot fetch http:\/\/127\.0\.0\.1:9\/x\.git: .*ECONNREFUSED.*\n$/,
    ],
    [
      'an engine that does not exist',
      ['--engine', 'magic'],
      2,
      "barometer collect: --engine must be one of auto, git-cli, isomorphic-git, got 'magic'\n",
    ],
    [
      'an unknown option',
      ['--frobnicate'],
      2,
      "barometer collect: unknown option '--frobnicate' (see barometer collect --help)\n",
    ],
  ];
  for (const [what, args, code, message] of cases) {
    it(what, async () => {
      const run = await collect(args, cwd);
      expect(run.code).toBe(code);
      expect(run.stdout).toBe('');
      if (typeof message === 'string') expect(run.stderr).toBe(message);
      else expect(run.stderr).toMatch(message);
    });
  }

  it('a branch that does not exist', async () => {
    writeFileSync(
      join(cwd, 'branch.json'),
      JSON.stringify({ name: 'b', repositories: [{ source: repo.dir, branch: 'nope' }] }),
    );
    const run = await collect(['branch.json', '--db', 'b.duckdb'], cwd);
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(`barometer collect: branch 'nope' not found in ${repo.dir}\n`);
  });

  it('an invalid config names the file, the field and what was expected', async () => {
    writeFileSync(
      join(cwd, 'bad.json'),
      JSON.stringify({ name: 'bad', repositories: [{ source: repo.dir, branch: 3 }] }),
    );
    const run = await collect(['bad.json'], cwd);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'barometer collect: bad.json: field "repositories[0].branch" must be a non-empty string, got 3\n',
    );
  });

  it('a database path that cannot be written', async () => {
    writeFileSync(join(cwd, 'a-file'), 'not a folder');
    const run = await collect([repo.dir, '--db', 'a-file/x.duckdb'], cwd);
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(
      /^barometer collect: --db .*a-file\/x\.duckdb: cannot write there \(a file is in the way\)\n$/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a database in use by another process', async () => {
    const path = join(cwd, 'busy.duckdb');
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { DuckDBInstance } from '@duckdb/node-api';
         const instance = await DuckDBInstance.create(${JSON.stringify(path)});
         await instance.connect();
         process.stdout.write('ready\\n');
         process.stdin.resume();
         process.stdin.on('end', () => process.exit(0));`,
      ],
      { cwd: projectRoot, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    defer(() => holder.kill());
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      holder.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
    const run = await collect([repo.dir, '--db', path], cwd);
    holder.stdin.end();
    expect(run.code).toBe(4);
    expect(run.stderr).toBe(
      `barometer collect: database ${path} is in use by another Barometer run; wait for it to finish and try again\n`,
    );
  });

  it('shows the stack only with --verbose', async () => {
    const quiet = await collect(['no/such/repo'], cwd);
    expect(quiet.stderr).not.toContain('    at ');
    const stdout = terminal();
    const stderr = terminal();
    expect(await main(['collect', 'no/such/repo', '--verbose'], { stdout, stderr, cwd })).toBe(3);
    expect(stderr.text).toContain('    at ');
  });
});
