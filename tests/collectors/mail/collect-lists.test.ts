import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectLists, type CollectListsOptions } from '../../../collectors/mail/collect-lists.ts';
import type { ListConfig } from '../../../src/lib/config/project-config.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { silentLogger } from '../../../src/lib/effects.ts';
import { cleanupAfterAll } from '../../helpers/cleanups.ts';
import { makeTempDir } from '../../helpers/git-fixture.ts';
import { appendMbox, inboxEpoch, type FixtureMail } from './mail-fixture.ts';
import { badMessages, buildScenario, develMessages, otherMessages } from './review-scenario.ts';

const defer = cleanupAfterAll();
const clock = () => new Date('2020-01-01T00:00:00Z');

async function collect(
  db: NodeDatabase,
  lists: ListConfig[],
  extra: Partial<CollectListsOptions> = {},
) {
  return collectLists({
    db,
    lists,
    fs,
    logger: silentLogger,
    clock,
    cacheDir: join(makeTempDir(), 'repos'),
    ...extra,
  });
}

async function open(): Promise<NodeDatabase> {
  const db = await openNodeDatabase(':memory:');
  defer(() => db.close());
  return db;
}

/** Every raw mail table, sorted, for comparing two databases. */
async function rawTables(db: NodeDatabase) {
  return {
    messages: await db.query('SELECT * FROM messages ORDER BY message_id'),
    references: await db.query('SELECT * FROM message_references ORDER BY message_id, position'),
    lists: await db.query('SELECT * FROM message_lists ORDER BY message_id, list'),
    files: await db.query('SELECT * FROM message_files ORDER BY message_id, path'),
    tags: await db.query('SELECT * FROM message_tags ORDER BY message_id, position'),
  };
}

describe('collecting mailing lists', () => {
  const scenario = buildScenario();
  defer(() => fs.rmSync(scenario.root, { recursive: true, force: true }));
  defer(() => scenario.repo.cleanup());
  const lists: ListConfig[] = [
    { source: scenario.inbox, name: 'devel' },
    { source: scenario.mbox, name: 'other' },
  ];

  it('stores each message once with its fields, files and tags, and counts what it could not read', async () => {
    const db = await open();
    const results = await collect(db, lists, { engine: 'git-cli' });
    expect(results).toEqual([
      {
        list: 'devel',
        archives: 1,
        engines: ['git-cli'],
        read: develMessages().length + badMessages().length + 2,
        // The spam is added, then removed.
        added: develMessages().length + badMessages().length - 1 + 1,
        duplicates: 0,
        removed: 1,
        problems: { noMessageId: 1, unreadableDate: 1, brokenMime: 1, unknownCharset: 1, huge: 1 },
        restarted: false,
        seconds: 0,
      },
      {
        list: 'other',
        archives: 1,
        engines: ['mbox'],
        read: 2,
        added: 1,
        duplicates: 1,
        removed: 0,
        problems: { noMessageId: 0, unreadableDate: 0, brokenMime: 0, unknownCharset: 0, huge: 0 },
        restarted: false,
        seconds: 0,
      },
    ]);
    const [c3] = await db.query(`SELECT * FROM messages WHERE message_id = 'c3@corp-b.com'`);
    expect(c3).toEqual({
      message_id: 'c3@corp-b.com',
      list: 'devel',
      blob_id: expect.stringMatching(/^[0-9a-f]{40}$/),
      from_name: 'Bob Builder',
      from_email: 'Bob@Corp-B.com',
      time: new Date('2017-12-01T00:00:00Z'),
      time_from_archive: false,
      subject: '[Devel] [PATCH] docs: fix typo',
      in_reply_to: null,
      is_patch: true,
      patch_version: 1,
      patch_number: 1,
      patch_total: 1,
      patch_subject: 'docs: fix typo',
      bytes: expect.any(Number),
    });
    // The cross-post is one message read from both lists.
    expect(
      await db.query(
        `SELECT list FROM message_lists WHERE message_id = 'c3@corp-b.com' ORDER BY list`,
      ),
    ).toEqual([{ list: 'devel' }, { list: 'other' }]);
    // The unreadable date falls back on the epoch commit's committer date; the spam is gone.
    expect(
      await db.query(
        `SELECT time, time_from_archive FROM messages WHERE message_id = 'bad-date@corp-e.com'`,
      ),
    ).toEqual([{ time: new Date('2018-04-02T00:00:00Z'), time_from_archive: true }]);
    expect(
      await db.query(`SELECT count(*) AS n FROM messages WHERE message_id = 'spam@spam.example'`),
    ).toEqual([{ n: 0 }]);
    expect(
      await db.query(
        `SELECT message_id, path FROM message_files WHERE message_id LIKE 'c1-v1-%' ORDER BY 1`,
      ),
    ).toEqual([
      { message_id: 'c1-v1-1@corp-a.com', path: 'xen/arch/arm/bar.c' },
      { message_id: 'c1-v1-2@corp-a.com', path: 'tools/libs/x.c' },
    ]);
    // Tags at the first column only: the quoted one in Bob's review is not stored.
    expect(
      await db.query(
        `SELECT message_id, key, person_name, person_email FROM message_tags ORDER BY message_id, position`,
      ),
    ).toEqual([
      {
        message_id: 'general-re@corp-b.com',
        key: 'Reviewed-by',
        person_name: null,
        person_email: null,
      },
      {
        message_id: 'r-alice-c3@corp-a.com',
        key: 'Reviewed-by',
        person_name: 'Alice Arm',
        person_email: 'alice@corp-a.com',
      },
      {
        message_id: 'r-bob-1@corp-b.com',
        key: 'Reviewed-by',
        person_name: 'Bob Builder',
        person_email: 'bob@corp-b.com',
      },
      {
        message_id: 'r-carol-2@home.example',
        key: 'Acked-by',
        person_name: 'Carol Cloud',
        person_email: 'carol@home.example',
      },
      {
        message_id: 'r-frank-c3@corp-f.com',
        key: 'Acked-by',
        person_name: 'Frank Free',
        person_email: 'frank@corp-f.com',
      },
    ]);
    expect(
      await db.query(
        `SELECT referenced_id FROM message_references WHERE message_id = 'r-alice-1@corp-a.com' ORDER BY position`,
      ),
    ).toEqual([
      { referenced_id: 'c1-v1-0@corp-a.com' },
      { referenced_id: 'c1-v1-1@corp-a.com' },
      { referenced_id: 'r-bob-1@corp-b.com' },
    ]);
    const [run] = await db.query(`SELECT * FROM mail_collect_runs WHERE list = 'devel'`);
    expect(run).toMatchObject({
      engine: 'git-cli',
      messages_added: 23,
      removed: 1,
      no_message_id: 1,
      huge: 1,
    });
  });

  it('stores the same rows with either engine, parsing in a worker thread or in place', async () => {
    const viaGit = await open();
    const viaStore = await open();
    const inPlace = await open();
    await collect(viaGit, lists, { engine: 'git-cli', parser: 'worker' });
    await collect(inPlace, lists, { engine: 'git-cli', parser: 'in-place' });
    expect(await rawTables(inPlace)).toEqual(await rawTables(viaGit));
    expect(await collect(viaStore, lists, { engine: 'isomorphic-git' })).toMatchObject([
      { engines: ['isomorphic-git'], added: 23, removed: 1 },
      { engines: ['mbox'], added: 1 },
    ]);
    expect(await rawTables(viaStore)).toEqual(await rawTables(viaGit));
  });

  for (const engine of ['git-cli', 'isomorphic-git'] as const) {
    it(`reads only what was added since the last run (${engine}), in a new epoch too`, async () => {
      const root = makeTempDir('barometer-mail-inc-');
      defer(() => fs.rmSync(root, { recursive: true, force: true }));
      const inbox = join(root, 'inbox');
      const epoch0 = inboxEpoch(inbox, 0);
      const first = develMessages().slice(0, 4);
      epoch0.append(first.map((mail) => ({ mail })));
      const mbox = join(root, 'x.mbox');
      appendMbox(mbox, otherMessages().slice(1));
      const db = await open();
      const config = [
        { source: inbox, name: 'devel' },
        { source: mbox, name: 'other' },
      ];
      expect((await collect(db, config, { engine })).map((r) => [r.read, r.added])).toEqual([
        [4, 4],
        [1, 1],
      ]);
      // Nothing new: nothing read.
      expect((await collect(db, config, { engine })).map((r) => [r.read, r.engines])).toEqual([
        [0, []],
        [0, []],
      ]);
      const later: FixtureMail[] = develMessages().slice(4, 7);
      epoch0.append(later.map((mail) => ({ mail })));
      inboxEpoch(inbox, 1).append(
        develMessages()
          .slice(7, 9)
          .map((mail) => ({ mail })),
      );
      appendMbox(mbox, [
        {
          id: 'late@x.org',
          from: 'Late <late@x.org>',
          time: '2019-01-01T00:00:00Z',
          subject: 'late',
        },
      ]);
      const second = await collect(db, config, { engine });
      expect(second.map((r) => [r.archives, r.read, r.added])).toEqual([
        [2, 5, 5],
        [1, 1, 1],
      ]);
      expect(await db.query('SELECT count(*) AS n FROM messages')).toEqual([{ n: 11 }]);
      expect(
        await db.query(
          `SELECT epoch, last_commit_id FROM mail_sources WHERE list = 'devel' ORDER BY epoch`,
        ),
      ).toEqual([
        { epoch: 'git/0.git', last_commit_id: epoch0.log().at(-1) },
        { epoch: 'git/1.git', last_commit_id: expect.stringMatching(/^[0-9a-f]{40}$/) },
      ]);
    });
  }

  it('resumes a run stopped after a stored batch, storing nothing twice', async () => {
    const stopped = await open();
    await expect(
      collect(stopped, lists, {
        batchSize: 5,
        // The worker thread is ended too when a run stops half-way.
        parser: 'worker',
        onBatchCommitted: (stored) => {
          if (stored >= 10) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const [partial] = await stopped.query<{ n: number }>('SELECT count(*) AS n FROM messages');
    expect(partial!.n).toBe(10);
    const resumed = await collect(stopped, lists, { batchSize: 5 });
    expect(resumed[0]).toMatchObject({
      read: develMessages().length + badMessages().length + 2 - 10,
      added: 13,
    });
    const clean = await open();
    await collect(clean, lists);
    expect(await rawTables(stopped)).toEqual(await rawTables(clean));
  });

  it('reads the archive asked for even inside a git hook that set GIT_DIR and friends', async () => {
    const elsewhere = makeTempDir('barometer-hook-');
    defer(() => fs.rmSync(elsewhere, { recursive: true, force: true }));
    const saved = { ...process.env };
    Object.assign(process.env, {
      GIT_DIR: elsewhere,
      GIT_OBJECT_DIRECTORY: join(elsewhere, 'objects'),
      GIT_INDEX_FILE: join(elsewhere, 'index'),
    });
    try {
      const db = await open();
      expect((await collect(db, lists, { engine: 'git-cli' }))[0]).toMatchObject({
        added: 23,
        removed: 1,
      });
    } finally {
      for (const name of ['GIT_DIR', 'GIT_OBJECT_DIRECTORY', 'GIT_INDEX_FILE']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    }
  });

  it('says which source is not an archive', async () => {
    const db = await open();
    const dir = makeTempDir('barometer-not-archive-');
    defer(() => fs.rmSync(dir, { recursive: true, force: true }));
    await expect(collect(db, [{ source: dir, name: 'x' }])).rejects.toThrow(/not a list archive/);
    await expect(collect(db, [{ source: join(dir, 'missing'), name: 'x' }])).rejects.toThrow(
      /no such file or folder/,
    );
    fs.writeFileSync(join(dir, 'not.mbox'), 'hello\n');
    await expect(collect(db, [{ source: join(dir, 'not.mbox'), name: 'x' }])).rejects.toThrow(
      /not an mbox file/,
    );
  });
});
