import * as fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  collectRepository,
  type CollectOptions,
  type CollectResult,
} from '../../../collectors/git/collect-repository.ts';
import { mineInParts, partSizes } from '../../../collectors/git/mine-in-parts.ts';
import { MiningPool } from '../../../collectors/git/mining-pool.ts';
import { serialDatabase } from '../../../collectors/git/serial-database.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';
import { silentLogger } from '../../../src/lib/effects.ts';
import { isBarometerError } from '../../../src/lib/errors.ts';
import { createRepository, type GitFixture } from '../../helpers/git-fixture.ts';
import { cleanupAfterAll } from '../../helpers/cleanups.ts';

const defer = cleanupAfterAll();
const REGISTER = fileURLToPath(new URL('../../../src/cli/register.js', import.meta.url));
const pool = new MiningPool({ jobs: 4, nodeArguments: ['--import', REGISTER] });
afterAll(() => pool.close());

const clock = () => new Date(Date.UTC(2024, 0, 1));
const committer = 'committer C <c@example.org> 1700000000 +0000\n';

/**
 * A history with what mining must get right: renames (unchanged and changed), a binary file, a
 * mode change, merges, a latin-1 commit, dates before 1970 and at every time zone extreme,
 * trailers, and two commits no engine can read (their parents still carry the branch).
 */
function build(repo: GitFixture): void {
  repo.commit({
    message: 'root\n\nSigned-off-by: Ada <ada@example.org>\n',
    files: {
      'a.txt': 'one\ntwo\nthree\n',
      'keep.txt': Array.from({ length: 120 }, (_, i) => `line ${i}\n`).join(''),
      'dir with space/ünï.txt': 'x\n',
      'logo.png': new Uint8Array([137, 80, 78, 71, 0, 1, 2, 3]),
    },
    date: { at: '1999-12-31T23:59:59Z', tz: '+1400' },
  });
  repo.rawCommit(
    `author Neg <neg@example.org> -86400 +0100\n${committer}`,
    'before 1970\n\nReviewed-by: Rev <rev@example.org>\n',
  );
  repo.importCommits(40, (i) => ({
    message: `change ${i}\n\nReviewed-by: R${i % 3} <r${i % 3}@example.org>\nAcked-by: a${i}@example.org\n`,
    files: { [`src/f${i % 7}.c`]: `${i}\n`.repeat(1 + (i % 5)) },
    date: { at: Date.UTC(2001, 0, 1 + i) / 1000, tz: i % 2 ? '-1200' : '+0545' },
  }));
  repo.checkout('side', true);
  repo.commit({
    message: 'renames and a binary edit\n',
    renames: [
      ['a.txt', 'b.txt'],
      ['keep.txt', 'moved/keep.txt'],
    ],
    files: {
      'moved/keep.txt': Array.from({ length: 120 }, (_, i) => `line ${i % 40 ? i : 'x'}\n`).join(
        '',
      ),
      'logo.png': new Uint8Array([137, 80, 78, 71, 9, 9]),
    },
  });
  fs.chmodSync(join(repo.dir, 'b.txt'), 0o755);
  repo.git(['update-index', '--chmod=+x', 'b.txt']);
  repo.commit({ message: 'mode change only\n' });
  repo.checkout('main');
  repo.commit({ message: 'main moves on\n', files: { 'src/f1.c': 'main\n' } });
  repo.merge('side', { message: 'Merge side\n' });
  repo.commit({
    message: 'Ça va très bien\n',
    author: { name: 'Zoë Mañana', email: 'zoe@example.org' },
    encoding: 'ISO-8859-1',
    files: { 'src/f2.c': 'ç\n' },
  });
  repo.rawCommit(`author Nodate <nodate@example.org>\n${committer}`, 'no date\n');
  repo.rawCommit(`author Far <far@example.org> 99999999999999 +0000\n${committer}`, 'far\n');
  repo.importCommits(30, (i) => ({
    message: `later ${i}\n\nTested-by: T <t@example.org>\n`,
    files: { [`lib/g${i % 4}.c`]: `${i}\n` },
  }));
}

/** Commits {@link build} makes that can be stored (two more cannot be read). */
const STORED = 77;

async function database(): Promise<NodeDatabase> {
  const db = await openNodeDatabase(':memory:');
  await ensureSchema(db);
  defer(() => db.close());
  return db;
}

/** Every row mining stores for the repository, in a stable order. */
async function tables(db: NodeDatabase) {
  const all = (table: string) => db.query(`SELECT * FROM ${table} ORDER BY ALL`);
  return {
    commits: await all('commits'),
    files: await all('commit_files'),
    trailers: await all('trailers'),
    positions: await all('branch_positions'),
    heads: await db.query('SELECT name, branch, head_commit_id FROM repositories'),
    marks: await db.query(`SELECT key FROM barometer_meta WHERE key LIKE 'mining:%'`),
  };
}

/** Collects the repository at `source` (a path) as `demo`. */
function run(
  db: NodeDatabase,
  source: string,
  extra: Partial<CollectOptions>,
): Promise<CollectResult> {
  return collectRepository({
    db,
    repository: { source, name: 'demo' },
    fs,
    logger: silentLogger,
    clock,
    ...extra,
  });
}

const sorted = (result: CollectResult) =>
  result.unreadable.map((u) => `${u.id} ${u.reason}`).sort();

describe('collect in parts on worker processes (--jobs 4) stores what one process stores', () => {
  for (const engine of ['git-cli', 'isomorphic-git'] as const) {
    it(`with ${engine}: a first run, an incremental run and a rewritten history`, async () => {
      const repo = createRepository();
      defer(() => repo.cleanup());
      build(repo);
      const [alone, split] = [await database(), await database()];
      // Parts of 10 commits: every part boundary a history can have (merges, renames, unreadable
      // commits) falls between parts somewhere.
      const jobs = { engine, pool, poolThreshold: 1, partSize: 10 } as const;
      const partsBefore = pool.stats().parts;

      const first = [await run(alone, repo.path, { engine }), await run(split, repo.path, jobs)];
      expect(first[1]!.commitsAdded).toBe(first[0]!.commitsAdded);
      expect(first[0]!.commitsAdded).toBe(STORED);
      expect(sorted(first[1]!)).toEqual(sorted(first[0]!));
      expect(sorted(first[0]!)).toHaveLength(2);
      expect(await tables(split)).toEqual(await tables(alone));
      expect(pool.stats().parts - partsBefore).toBe(Math.ceil((STORED + 2) / 10));

      repo.checkout('topic', true);
      repo.importCommits(9, (i) => ({ message: `topic ${i}\n`, files: { [`t${i}`]: `${i}\n` } }));
      repo.checkout('main');
      repo.commit({ message: 'fix\n', files: { 'src/f3.c': 'fixed\n' } });
      repo.merge('topic', { message: 'Merge topic\n' });
      const again = [await run(alone, repo.path, { engine }), await run(split, repo.path, jobs)];
      expect(again.map((r) => r.commitsAdded)).toEqual([11, 11]);
      expect(await tables(split)).toEqual(await tables(alone));

      repo.reset('HEAD~3');
      repo.importCommits(12, (i) => ({
        message: `redo ${i}\n`,
        files: { [`r${i % 2}`]: `${i}\n` },
      }));
      const rewritten = [
        await run(alone, repo.path, { engine }),
        await run(split, repo.path, jobs),
      ];
      expect(rewritten.map((r) => r.historyRewritten)).toEqual([true, true]);
      expect(rewritten[1]!.commitsAdded).toBe(rewritten[0]!.commitsAdded);
      expect(await tables(split)).toEqual(await tables(alone));
      expect((await tables(split)).marks).toEqual([]);
    });
  }

  for (const engine of ['git-cli', 'isomorphic-git'] as const) {
    it(`with ${engine}: a shallow clone, and what unshallowing it brought`, async () => {
      const origin = createRepository();
      defer(() => origin.cleanup());
      build(origin);
      const clone = join(origin.root, 'clone');
      origin.git(['clone', '-q', '--depth', '25', `file://${origin.dir}`, clone]);
      const [alone, split] = [await database(), await database()];
      const jobs = { engine, pool, poolThreshold: 1, partSize: 8 } as const;
      const first = [await run(alone, clone, { engine }), await run(split, clone, jobs)];
      expect(first[1]!.commitsAdded).toBe(first[0]!.commitsAdded);
      expect(first[0]!.commitsAdded).toBeGreaterThanOrEqual(25);
      expect(await tables(split)).toEqual(await tables(alone));

      origin.git(['-C', clone, 'fetch', '-q', '--unshallow']);
      const deepened = [await run(alone, clone, { engine }), await run(split, clone, jobs)];
      expect(deepened[1]!.commitsAdded).toBe(deepened[0]!.commitsAdded);
      expect(first[0]!.commitsAdded + deepened[0]!.commitsAdded).toBe(STORED);
      expect(await tables(split)).toEqual(await tables(alone));
    });
  }

  it('keeps the parts merged before a failure, and the next run mines the rest', async () => {
    const repo = createRepository();
    defer(() => repo.cleanup());
    build(repo);
    const [alone, split] = [await database(), await database()];
    await run(alone, repo.path, { engine: 'git-cli' });
    const stop = new Error('stopped after the second part');
    await expect(
      run(split, repo.path, {
        engine: 'git-cli',
        pool,
        poolThreshold: 1,
        partSize: 10,
        onBatchCommitted: (part) => {
          if (part === 2) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const kept = await split.query<{ n: number; files: number }>(
      `SELECT count(*) AS n, (SELECT count(*) FROM commit_files) AS files FROM commits`,
    );
    expect(kept[0]!.n).toBeGreaterThanOrEqual(18);
    expect(kept[0]!.n).toBeLessThan(STORED);
    expect((await tables(split)).marks).toEqual([{ key: 'mining:demo' }]);
    expect((await tables(split)).heads).toEqual([]);

    const resumed = await run(split, repo.path, { engine: 'git-cli', pool, poolThreshold: 1 });
    expect(resumed.commitsAdded).toBe(STORED - kept[0]!.n);
    expect(await tables(split)).toEqual(await tables(alone));
  });

  it('throws what a worker threw, and the pool carries on', async () => {
    const repo = createRepository();
    defer(() => repo.cleanup());
    build(repo);
    const db = serialDatabase(await database());
    const missing = '0123456789abcdef0123456789abcdef01234567';
    const mine = (commits: string[]) =>
      mineInParts({
        db,
        pool,
        repository: 'demo',
        engine: 'git-cli',
        gitdir: repo.gitdir,
        head: repo.rev(),
        withFiles: true,
        commits,
      });
    const error = await mine([missing]).catch((e: unknown) => e);
    expect(isBarometerError(error, 'source')).toBe(true);
    expect((error as Error).message).toMatch(/^git log failed in .*: fatal: bad object 0123456/);
    expect((await mine([repo.rev()])).written).toBe(1);
    expect(await db.query('SELECT count(*) AS n FROM commits')).toEqual([{ n: 1 }]);
  });

  it('cuts a history into parts of 2,500 to 5,000 commits, smaller towards the end', () => {
    expect(partSizes(50_464, 2)).toEqual([
      5000, 5000, 5000, 5000, 5000, 5000, 5000, 3866, 2900, 2500, 2500, 2500, 1198,
    ]);
    expect(partSizes(6000, 4)).toEqual([2500, 2500, 1000]);
    expect(partSizes(5000, 1)).toEqual([2500, 2500]);
    const linux = partSizes(1_300_000, 16);
    expect(linux.reduce((a, b) => a + b)).toBe(1_300_000);
    expect(linux.slice(0, 200).every((size) => size === 5000)).toBe(true);
  });
});
