import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  collectRepository,
  type CollectOptions,
} from '../../../collectors/git/collect-repository.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { silentLogger } from '../../../src/lib/effects.ts';
import { isBarometerError } from '../../../src/lib/errors.ts';
import { createRepository, makeTempDir, type GitFixture } from '../../helpers/git-fixture.ts';
import { startGitHttpServer } from './git-http-server.ts';
import { cleanupAfterAll } from '../../helpers/cleanups.ts';

const defer = cleanupAfterAll();

function fixture(options?: Parameters<typeof createRepository>[0]): GitFixture {
  const repo = createRepository(options);
  defer(() => repo.cleanup());
  return repo;
}

async function database(): Promise<NodeDatabase> {
  const db = await openNodeDatabase(':memory:');
  defer(() => db.close());
  return db;
}

let tick = 0;
/** A clock that moves one second per reading, so durations are exact. */
const clock = () => new Date(Date.UTC(2024, 0, 1) + 1000 * tick++);

function options(
  db: NodeDatabase,
  repo: GitFixture,
  extra: Partial<CollectOptions> = {},
): CollectOptions {
  return {
    db,
    repository: { source: repo.path, name: 'demo' },
    engine: 'isomorphic-git',
    fs,
    logger: silentLogger,
    clock,
    ...extra,
  };
}

/** Everything a repository's rows hold, in a stable order, for exact comparisons. */
async function contents(db: NodeDatabase, repository = 'demo') {
  const p = { repository };
  return {
    commits: await db.query(
      'SELECT * EXCLUDE (repository) FROM commits WHERE repository = $repository ORDER BY commit_id',
      p,
    ),
    files: await db.query(
      'SELECT * EXCLUDE (repository) FROM commit_files WHERE repository = $repository ORDER BY commit_id, path',
      p,
    ),
    trailers: await db.query(
      'SELECT * EXCLUDE (repository) FROM trailers WHERE repository = $repository ORDER BY commit_id, position',
      p,
    ),
    positions: await db.query(
      'SELECT * EXCLUDE (repository) FROM branch_positions WHERE repository = $repository ORDER BY commit_id',
      p,
    ),
  };
}

async function orphans(db: NodeDatabase): Promise<number> {
  const rows = await db.query<{ n: number }>(`
    SELECT (SELECT count(*) FROM commit_files f WHERE NOT EXISTS
              (SELECT 1 FROM commits c WHERE c.repository = f.repository AND c.commit_id = f.commit_id))
         + (SELECT count(*) FROM trailers t WHERE NOT EXISTS
              (SELECT 1 FROM commits c WHERE c.repository = t.repository AND c.commit_id = t.commit_id)) AS n`);
  return rows[0]!.n;
}

function linear(repo: GitFixture, from: number, to: number): string[] {
  const ids: string[] = [];
  for (let i = from; i < to; i++) {
    ids.push(
      repo.commit({
        message: `Change ${i}\n\nBody of ${i}.\n\nReviewed-by: Rev ${i % 3} <rev${i % 3}@example.org>\nSigned-off-by: Ada Lovelace <ada@example.org>\n`,
        files: { [`f${i % 4}.txt`]: `${i}\n`.repeat(1 + (i % 5)) },
      }),
    );
  }
  return ids;
}

describe('collectRepository', () => {
  it('stores commits, files and trailers exactly', async () => {
    const repo = fixture();
    const root = repo.commit({
      message: 'Root\n',
      files: { 'a.txt': 'one\ntwo\n', '.mailmap': 'Ada <ada@example.org> <ada@old.example>\n' },
      date: { at: '2010-05-06T07:08:09Z', tz: '+1400' },
    });
    repo.checkout('topic', true);
    const topic = repo.commit({
      message:
        'Topic: add b\n\nReviewed-by: in the body <no@example.org> is not a trailer\nso says git.\n\nAcked-by: Jan Beulich <jbeulich@suse.com>\nreviewed-BY: jan@suse.com\nCc: Someone\n',
      files: { 'b.bin': new Uint8Array([0, 1, 2, 10, 3]) },
      author: { name: 'Bob', email: 'bob@example.org' },
      date: { at: '2010-05-07T00:00:00Z', tz: '-1200' },
    });
    repo.checkout('main');
    const empty = repo.commit({
      message: 'Nothing changes\n',
      date: { at: '2010-05-08T00:00:00Z', tz: '+0000' },
    });
    const merge = repo.merge('topic', {
      message: 'Merge topic\n\nSigned-off-by: Ada <ada@example.org>',
      date: { at: '2010-05-09T00:00:00Z', tz: '+0100' },
    });
    const db = await database();
    const result = await collectRepository(options(db, repo));
    expect(result).toMatchObject({
      repository: 'demo',
      engine: 'isomorphic-git',
      branch: 'main',
      commitsAdded: 4,
      head: merge,
      historyRewritten: false,
    });
    const { commits, files, trailers } = await contents(db);
    const ada = {
      author_name: 'Ada Lovelace',
      author_email: 'ada@example.org',
      committer_name: 'Ada Lovelace',
      committer_email: 'ada@example.org',
    };
    expect(commits).toEqual(
      [
        {
          commit_id: root,
          parent_count: 0,
          ...ada,
          author_time: new Date('2010-05-06T07:08:09Z'),
          author_utc_offset_minutes: 840,
          committer_time: new Date('2010-05-06T07:08:09Z'),
          committer_utc_offset_minutes: 840,
          subject: 'Root',
          parent_ids: '',
        },
        {
          commit_id: topic,
          parent_count: 1,
          author_name: 'Bob',
          author_email: 'bob@example.org',
          committer_name: 'Bob',
          committer_email: 'bob@example.org',
          author_time: new Date('2010-05-07T00:00:00Z'),
          author_utc_offset_minutes: -720,
          committer_time: new Date('2010-05-07T00:00:00Z'),
          committer_utc_offset_minutes: -720,
          subject: 'Topic: add b',
          parent_ids: root,
        },
        {
          commit_id: empty,
          parent_count: 1,
          ...ada,
          author_time: new Date('2010-05-08T00:00:00Z'),
          author_utc_offset_minutes: 0,
          committer_time: new Date('2010-05-08T00:00:00Z'),
          committer_utc_offset_minutes: 0,
          subject: 'Nothing changes',
          parent_ids: root,
        },
        {
          commit_id: merge,
          parent_count: 2,
          ...ada,
          author_time: new Date('2010-05-09T00:00:00Z'),
          author_utc_offset_minutes: 60,
          committer_time: new Date('2010-05-09T00:00:00Z'),
          committer_utc_offset_minutes: 60,
          subject: 'Merge topic',
          parent_ids: `${empty} ${topic}`,
        },
      ].sort((a, b) => (a.commit_id < b.commit_id ? -1 : 1)),
    );
    expect(files).toEqual(
      [
        {
          commit_id: root,
          path: '.mailmap',
          old_path: null,
          lines_added: 1,
          lines_deleted: 0,
          is_binary: false,
        },
        {
          commit_id: root,
          path: 'a.txt',
          old_path: null,
          lines_added: 2,
          lines_deleted: 0,
          is_binary: false,
        },
        {
          commit_id: topic,
          path: 'b.bin',
          old_path: null,
          lines_added: null,
          lines_deleted: null,
          is_binary: true,
        },
      ].sort((a, b) =>
        a.commit_id < b.commit_id ? -1 : a.commit_id > b.commit_id ? 1 : a.path < b.path ? -1 : 1,
      ),
    );
    expect(trailers).toEqual(
      [
        {
          commit_id: topic,
          position: 0,
          key: 'Acked-by',
          value: 'Jan Beulich <jbeulich@suse.com>',
          person_name: 'Jan Beulich',
          person_email: 'jbeulich@suse.com',
          git_trailer: true,
        },
        {
          commit_id: topic,
          position: 1,
          key: 'Reviewed-by',
          value: 'jan@suse.com',
          person_name: null,
          person_email: 'jan@suse.com',
          git_trailer: true,
        },
        {
          commit_id: topic,
          position: 2,
          key: 'Cc',
          value: 'Someone',
          person_name: null,
          person_email: null,
          git_trailer: true,
        },
        {
          commit_id: merge,
          position: 0,
          key: 'Signed-off-by',
          value: 'Ada <ada@example.org>',
          person_name: 'Ada',
          person_email: 'ada@example.org',
          git_trailer: true,
        },
      ].sort((a, b) =>
        a.commit_id < b.commit_id ? -1 : a.commit_id > b.commit_id ? 1 : a.position - b.position,
      ),
    );
    // The first-parent chain is root, empty, merge; the merge brings the topic onto the branch.
    expect(
      await db.query(
        'SELECT commit_id, position, first_parent FROM branch_positions ORDER BY position, first_parent DESC',
      ),
    ).toEqual([
      { commit_id: root, position: 1, first_parent: true },
      { commit_id: empty, position: 2, first_parent: true },
      { commit_id: merge, position: 3, first_parent: true },
      { commit_id: topic, position: 3, first_parent: false },
    ]);
    expect(await db.query('SELECT * FROM repositories')).toEqual([
      {
        name: 'demo',
        source: repo.path,
        branch: 'main',
        head_commit_id: merge,
        last_collected_at: expect.any(Date),
      },
    ]);
    expect(await db.query('SELECT * FROM repository_mailmaps')).toEqual([
      {
        repository: 'demo',
        head_commit_id: merge,
        content: 'Ada <ada@example.org> <ada@old.example>\n',
      },
    ]);
    expect(
      await db.query(
        'SELECT repository, head_commit_id, commits_added, engine, history_rewritten FROM collect_runs',
      ),
    ).toEqual([
      {
        repository: 'demo',
        head_commit_id: merge,
        commits_added: 4,
        engine: 'isomorphic-git',
        history_rewritten: false,
      },
    ]);
  });

  it('adds nothing on a second run, then only what is new', async () => {
    const repo = fixture({ bare: true });
    linear(repo, 0, 5);
    const db = await database();
    expect((await collectRepository(options(db, repo))).commitsAdded).toBe(5);
    const again = await collectRepository(options(db, repo));
    expect(again).toMatchObject({ commitsAdded: 0, engine: 'none', historyRewritten: false });
    const more = linear(repo, 5, 8);
    const third = await collectRepository(options(db, repo));
    expect(third).toMatchObject({ commitsAdded: 3, head: more[2], historyRewritten: false });
    expect(
      await db.query('SELECT count(*) AS n, count(DISTINCT commit_id) AS d FROM commits'),
    ).toEqual([{ n: 8, d: 8 }]);
    expect(
      await db.query('SELECT commits_added, engine FROM collect_runs ORDER BY started_at'),
    ).toEqual([
      { commits_added: 5, engine: 'isomorphic-git' },
      { commits_added: 0, engine: 'none' },
      { commits_added: 3, engine: 'isomorphic-git' },
    ]);
    expect(await db.query('SELECT content FROM repository_mailmaps')).toEqual([{ content: '' }]);
    // The same history mined in one go gives the same rows.
    const fresh = await database();
    await collectRepository(options(fresh, repo));
    expect(await contents(db)).toEqual(await contents(fresh));
  });

  it('detects a rewritten history and mines it again without duplicates or orphans', async () => {
    const repo = fixture({ bare: true });
    const ids = linear(repo, 0, 6);
    const db = await database();
    await collectRepository(options(db, repo));
    repo.reset(ids[2]!);
    linear(repo, 100, 102);
    repo.push(true);
    const result = await collectRepository(options(db, repo));
    expect(result).toMatchObject({ commitsAdded: 5, historyRewritten: true });
    const fresh = await database();
    await collectRepository(options(fresh, repo));
    expect(await contents(db)).toEqual(await contents(fresh));
    expect((await contents(db)).commits.map((c) => c.commit_id)).not.toContain(ids[5]);
    expect(await orphans(db)).toBe(0);
    expect(
      await db.query('SELECT history_rewritten FROM collect_runs ORDER BY started_at'),
    ).toEqual([{ history_rewritten: false }, { history_rewritten: true }]);
  });

  it('keeps every batch committed before an interruption and carries on', async () => {
    const repo = fixture();
    linear(repo, 0, 10);
    const db = await database();
    const stop = new Error('killed');
    await expect(
      collectRepository(
        options(db, repo, {
          batchSize: 3,
          onBatchCommitted: (batch) => {
            if (batch === 2) throw stop;
          },
        }),
      ),
    ).rejects.toBe(stop);
    expect(await db.query('SELECT count(*) AS n FROM commits')).toEqual([{ n: 6 }]);
    expect(await db.query('SELECT count(*) AS n FROM repositories')).toEqual([{ n: 0 }]);
    expect(await orphans(db)).toBe(0);
    // Every stored commit has its files and trailers (a commit lands whole).
    expect(await db.query('SELECT count(*) AS n FROM trailers')).toEqual([{ n: 12 }]);
    const resumed = await collectRepository(options(db, repo, { batchSize: 3 }));
    expect(resumed.commitsAdded).toBe(4);
    const fresh = await database();
    await collectRepository(options(fresh, repo));
    expect(await contents(db)).toEqual(await contents(fresh));
  });

  it('resumes a run of either engine with the other, though git-cli stores newest first', async () => {
    const repo = fixture();
    linear(repo, 0, 10);
    repo.checkout('side', true);
    linear(repo, 10, 12);
    repo.checkout('main');
    linear(repo, 12, 14);
    repo.merge('side', { message: 'Merge side\n' });
    const fresh = await database();
    await collectRepository(options(fresh, repo));
    for (const [first, second] of [
      ['git-cli', 'isomorphic-git'],
      ['isomorphic-git', 'git-cli'],
    ] as const) {
      const db = await database();
      const stop = new Error('killed');
      await expect(
        collectRepository(
          options(db, repo, {
            engine: first,
            batchSize: 3,
            onBatchCommitted: (batch) => {
              if (batch === 2) throw stop;
            },
          }),
        ),
      ).rejects.toBe(stop);
      expect(await db.query('SELECT count(*) AS n FROM commits')).toEqual([{ n: 6 }]);
      // The interrupted run is remembered, so the next one does not stop at the commits it stored.
      expect(await db.query(`SELECT key FROM barometer_meta WHERE key LIKE 'mining:%'`)).toEqual([
        { key: 'mining:demo' },
      ]);
      const resumed = await collectRepository(options(db, repo, { engine: second }));
      expect(resumed.commitsAdded).toBe(15 - 6);
      expect(await contents(db)).toEqual(await contents(fresh));
      expect(await db.query(`SELECT key FROM barometer_meta WHERE key LIKE 'mining:%'`)).toEqual(
        [],
      );
    }
  });

  it('gives the same rows through the git CLI engine', async () => {
    const repo = fixture();
    linear(repo, 0, 4);
    repo.commit({ message: 'binary', files: { 'x.bin': new Uint8Array([1, 0, 2]) } });
    repo.commit({ message: 'rename', renames: [['f0.txt', 'moved/f0.txt']] });
    repo.commit({
      message: 'Caf\u00e9',
      author: { name: 'J\u00fcrgen', email: 'j@example.org' },
      encoding: 'ISO-8859-1',
    });
    const a = await database();
    const b = await database();
    expect((await collectRepository(options(a, repo, { engine: 'isomorphic-git' }))).engine).toBe(
      'isomorphic-git',
    );
    expect((await collectRepository(options(b, repo, { engine: 'git-cli' }))).engine).toBe(
      'git-cli',
    );
    expect(await contents(a)).toEqual(await contents(b));
  });

  it('mines metadata only without files', async () => {
    const repo = fixture();
    linear(repo, 0, 3);
    const db = await database();
    await collectRepository(options(db, repo, { withFiles: false }));
    expect(
      await db.query(
        'SELECT (SELECT count(*) FROM commits) AS c, (SELECT count(*) FROM commit_files) AS f, (SELECT count(*) FROM trailers) AS t',
      ),
    ).toEqual([{ c: 3, f: 0, t: 6 }]);
  });

  it('mines a configured branch and names a missing one', async () => {
    const repo = fixture();
    linear(repo, 0, 2);
    repo.checkout('release', true);
    linear(repo, 2, 3);
    repo.checkout('main');
    const db = await database();
    const result = await collectRepository(
      options(db, repo, { repository: { source: repo.path, name: 'demo', branch: 'release' } }),
    );
    expect(result).toMatchObject({ branch: 'release', commitsAdded: 3 });
    const error = await collectRepository(
      options(db, repo, { repository: { source: repo.path, name: 'demo', branch: 'nope' } }),
    ).catch((e: unknown) => e);
    expect(isBarometerError(error, 'not-found')).toBe(true);
    expect((error as Error).message).toBe(`branch 'nope' not found in ${repo.path}`);
  });
});

describe('the default branch', () => {
  it("is a clone's origin/HEAD, not the branch checked out", async () => {
    const upstream = fixture({ bare: true });
    linear(upstream, 0, 3);
    const clone = join(makeTempDir(), 'clone');
    defer(() => fs.rmSync(clone, { recursive: true, force: true }));
    upstream.git(['clone', '-q', upstream.gitdir, clone]);
    upstream.git(['-C', clone, 'checkout', '-q', '-b', 'feature']);
    upstream.git(['-C', clone, 'commit', '-q', '--allow-empty', '-m', 'local only'], {
      GIT_AUTHOR_NAME: 'L',
      GIT_AUTHOR_EMAIL: 'l@example.org',
      GIT_COMMITTER_NAME: 'L',
      GIT_COMMITTER_EMAIL: 'l@example.org',
    });
    const db = await database();
    const result = await collectRepository(
      options(db, upstream, { repository: { source: clone, name: 'clone' } }),
    );
    expect(result).toMatchObject({
      branch: 'origin/main',
      commitsAdded: 3,
      head: upstream.gitDir(['rev-parse', 'main']),
    });
  });
});

describe('a linked work tree', () => {
  it('is mined from the repository it belongs to', async () => {
    const repo = fixture();
    linear(repo, 0, 2);
    const linked = join(repo.root, 'linked');
    repo.git(['worktree', 'add', '-q', '-b', 'side', linked]);
    const db = await database();
    const result = await collectRepository(
      options(db, repo, { repository: { source: linked, name: 'linked', branch: 'main' } }),
    );
    expect(result).toMatchObject({ branch: 'main', commitsAdded: 2, head: repo.rev('main') });
  });
});

describe('remote repositories over HTTP', () => {
  it('clones into the cache, then fetches only new objects', async () => {
    const repo = fixture({ bare: true });
    linear(repo, 0, 4);
    const server = await startGitHttpServer(repo.root);
    defer(() => server.close());
    const cacheDir = makeTempDir();
    defer(() => fs.rmSync(cacheDir, { recursive: true, force: true }));
    const db = await database();
    // What a clone killed half-way leaves behind is cleared, not reused.
    fs.mkdirSync(join(cacheDir, 'remote.git.partial-1'), { recursive: true });
    const remote = { source: `${server.url}/repo.git`, name: 'remote' };
    const first = await collectRepository(options(db, repo, { repository: remote, cacheDir }));
    expect(first).toMatchObject({ commitsAdded: 4, branch: 'main', head: repo.rev() });
    expect(fs.readdirSync(cacheDir)).toEqual(['remote.git']);
    expect(fs.existsSync(join(cacheDir, 'remote.git', 'HEAD'))).toBe(true);
    const packDir = join(cacheDir, 'remote.git', 'objects', 'pack');
    const packsBefore = new Set(fs.readdirSync(packDir).filter((f) => f.endsWith('.idx')));
    linear(repo, 4, 5);
    const second = await collectRepository(options(db, repo, { repository: remote, cacheDir }));
    expect(second).toMatchObject({ commitsAdded: 1, head: repo.rev() });
    const newPacks = fs
      .readdirSync(packDir)
      .filter((f) => f.endsWith('.idx') && !packsBefore.has(f));
    expect(newPacks).toHaveLength(1);
    // The new pack holds the new commit, its tree and its blob: nothing old travelled again.
    expect(fs.readFileSync(join(packDir, newPacks[0]!)).readUInt32BE(8 + 255 * 4)).toBe(3);
    const local = await database();
    await collectRepository(
      options(local, repo, { repository: { source: repo.path, name: 'remote' } }),
    );
    expect(await contents(db, 'remote')).toEqual(await contents(local, 'remote'));
  });

  it('names an unreachable URL, a missing repository and a missing branch in one line', async () => {
    const repo = fixture({ bare: true });
    linear(repo, 0, 1);
    const server = await startGitHttpServer(repo.root);
    defer(() => server.close());
    const cacheDir = makeTempDir();
    const db = await database();
    const fail = (source: string, branch?: string) =>
      collectRepository(
        options(db, repo, {
          repository: { source, name: 'r', ...(branch ? { branch } : {}) },
          cacheDir,
        }),
      ).then(
        () => {
          throw new Error('expected a failure');
        },
        (e: unknown) => (isBarometerError(e) ? `${e.code}: ${e.message}` : String(e)),
      );
    await server.close();
    const closed = await fail(`${server.url}/repo.git`);
    expect(closed).toMatch(
      new RegExp(`^source: cannot fetch ${server.url}/repo.git: .*ECONNREFUSED`),
    );
    const live = await startGitHttpServer(repo.root);
    defer(() => live.close());
    expect(await fail(`${live.url}/missing.git`)).toBe(
      `source: cannot fetch ${live.url}/missing.git: HTTP 404`,
    );
    expect(await fail(`${live.url}/repo.git`, 'nope')).toBe(
      `not-found: branch 'nope' not found at ${live.url}/repo.git`,
    );
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });
});
