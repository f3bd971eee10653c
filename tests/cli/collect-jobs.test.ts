import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../src/lib/db/node.ts';
import { startGitHttpServer } from '../collectors/git/git-http-server.ts';
import { createRepository, makeTempDir, type GitFixture } from '../helpers/git-fixture.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { collectUntilKilled } from '../helpers/kill-collect.ts';
import { runCli } from '../helpers/run-cli.ts';

const defer = cleanupAfterAll();

function fixture(options?: Parameters<typeof createRepository>[0]): GitFixture {
  const repo = createRepository(options);
  defer(() => repo.cleanup());
  return repo;
}

async function rows(path: string, sql: string): Promise<unknown[]> {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    return await db.query(sql);
  } finally {
    await db.close();
  }
}

/** Every row mining and the affiliation step store, in a stable order. */
async function tables(path: string) {
  const all = (table: string) => rows(path, `SELECT * FROM ${table} ORDER BY ALL`);
  return {
    commits: await all('commits'),
    files: await all('commit_files'),
    trailers: await all('trailers'),
    positions: await all('branch_positions'),
    contributions: await all('contributions'),
    mailmaps: await all('repository_mailmaps'),
    repositories: await rows(
      path,
      'SELECT name, source, branch, head_commit_id FROM repositories ORDER BY name',
    ),
  };
}

/** `count` commits with a trailer and a changed file, with a topic branch merged every 500. */
function history(repo: GitFixture, count: number, tag: string): void {
  for (let done = 0; done < count; done += 500) {
    repo.importCommits(Math.min(450, count - done), (i) => ({
      message: `${tag} ${done + i}\n\nReviewed-by: R${i % 7} <r${i % 7}@example.org>\n`,
      files: { [`src/f${i % 40}.c`]: `${tag} ${done + i}\n`.repeat(1 + (i % 9)) },
    }));
    if (count - done <= 450) break;
    repo.checkout(`topic-${done}`, true);
    repo.importCommits(49, (i) => ({ message: `topic ${i}\n`, files: { [`t/${i}`]: `${i}\n` } }));
    repo.checkout('main');
    repo.merge(`topic-${done}`, { message: `Merge topic ${done}\n` });
  }
}

describe('barometer collect --jobs', () => {
  it('mines a project side by side as one process does; a repository that fails to clone is named, the others land', async () => {
    const served = makeTempDir();
    defer(() => rmSync(served, { recursive: true }));
    const remote = fixture();
    history(remote, 300, 'remote');
    remote.git(['clone', '-q', '--bare', remote.dir, join(served, 'remote.git')]);
    const server = await startGitHttpServer(served);
    defer(() => server.close());
    const large = fixture();
    history(large, 6000, 'large');
    const small = fixture();
    history(small, 12, 'small');

    const databases: string[] = [];
    const runs = [];
    for (const jobs of ['1', '4']) {
      const cwd = makeTempDir();
      defer(() => rmSync(cwd, { recursive: true }));
      writeFileSync(
        join(cwd, 'project.json'),
        JSON.stringify({
          name: 'project',
          repositories: [
            { source: `${server.url}/remote.git`, name: 'remote' },
            { source: large.dir, name: 'large' },
            { source: `${server.url}/missing.git`, name: 'missing' },
            { source: small.dir, name: 'small' },
          ],
        }),
      );
      const db = join(cwd, 'project.duckdb');
      databases.push(db);
      const run = await runCli(
        ['collect', 'project.json', '--db', db, '--jobs', jobs, '--engine', 'git-cli', '--verbose'],
        { cwd, env: {} },
      );
      // The large history is cut into parts for the workers; the others are mined here.
      const split = run.stderr.match(/^\w+: [\d,]+ new commits, mined in \d+ parts .*$/gm) ?? [];
      expect(split.sort()).toEqual(
        jobs === '1' ? [] : ['large: 6000 new commits, mined in 3 parts by 4 worker processes'],
      );
      runs.push(run);
      expect(run.code, run.stderr).toBe(6);
      expect(run.stdout.split('\n')[0]).toMatch(
        new RegExp(
          `^collected 3 of 4 repositories: 6,312 commits added in \\d+:\\d\\d \\(engine: git-cli\\) into ${db}; failed: missing$`,
        ),
      );
      const lines = run.stderr
        .trimEnd()
        .split('\n')
        .filter((l) => !l.includes(' commits stored'));
      // --verbose adds the stack after the one line.
      expect(lines.find((l) => l.startsWith('barometer collect:'))).toMatch(
        /^barometer collect: 1 repository could not be collected: missing \(cannot fetch http:\/\/127\.0\.0\.1:\d+\/missing\.git: .+\)$/,
      );
      // One line per repository that landed, in the order they finished.
      expect(lines.filter((l) => / commits? added in /.test(l)).sort()).toEqual([
        expect.stringMatching(/^large \(main\): 6,000 commits added in [\d.]+ s \(git-cli\)$/),
        expect.stringMatching(/^remote \(main\): 300 commits added in [\d.]+ s \(git-cli\)$/),
        expect.stringMatching(/^small \(main\): 12 commits added in [\d.]+ s \(git-cli\)$/),
      ]);
    }
    const [one, four] = [await tables(databases[0]!), await tables(databases[1]!)];
    expect(one.commits).toHaveLength(6312);
    expect(one.repositories).toHaveLength(3);
    expect(four).toEqual(one);
  });

  it('a run killed with --jobs 4 keeps whole parts, and the next run carries on', async () => {
    const repo = fixture();
    const COMMITS = 6000;
    repo.importCommits(COMMITS, (i) => ({
      message: `Change ${i}\n\nReviewed-by: R${i % 7} <r${i % 7}@example.org>\n`,
      files: { [`src/f${i % 50}.c`]: `${i}\n`.repeat(1 + (i % 9)) },
    }));
    const db = join(repo.root, 'killed.duckdb');
    expect(
      await collectUntilKilled([repo.dir, '--db', db, '--engine', 'git-cli', '--jobs', '4']),
    ).toBe('SIGKILL');
    // Parts of 2,500, 2,500 and 1,000 commits, each merged whole or not at all.
    const [stored] = (await rows(db, 'SELECT count(*) AS n FROM commits')) as Array<{ n: number }>;
    expect([1000, 2500, 3500, 5000]).toContain(stored!.n);
    expect(
      await rows(
        db,
        `SELECT (SELECT count(*) FROM commit_files) AS f, (SELECT count(*) FROM trailers) AS t,
                (SELECT count(*) FROM repositories) AS r,
                (SELECT count(*) FROM barometer_meta WHERE key = 'mining:work') AS marks`,
      ),
    ).toEqual([{ f: stored!.n, t: stored!.n, r: 0, marks: 1 }]);

    const resumed = await runCli(
      ['collect', repo.dir, '--db', db, '--engine', 'git-cli', '--jobs', '4'],
      { cwd: repo.root, env: {} },
    );
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await rows(db, 'SELECT commits_added FROM collect_runs')).toEqual([
      { commits_added: COMMITS - stored!.n },
    ]);
    const fresh = join(repo.root, 'fresh.duckdb');
    const alone = await runCli(
      ['collect', repo.dir, '--db', fresh, '--engine', 'git-cli', '--jobs', '1'],
      { cwd: repo.root, env: {} },
    );
    expect(alone.code, alone.stderr).toBe(0);
    expect(await tables(db)).toEqual(await tables(fresh));
  });

  it('says what is wrong with a --jobs value', async () => {
    const cwd = makeTempDir();
    defer(() => rmSync(cwd, { recursive: true }));
    mkdirSync(join(cwd, 'x'));
    for (const value of ['0', 'many', '-2']) {
      const run = await runCli(['collect', 'x', '--jobs', value], { cwd, env: {} });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `barometer collect: --jobs must be a whole number from 1 to 9999, got '${value}'\n`,
      );
    }
  });
});
