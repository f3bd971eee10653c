import * as fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  collectCodeSize,
  type CodeSizeOptions,
} from '../../../collectors/code-size/collect-code-size.ts';
import type { CodeSizeReader } from '../../../collectors/code-size/code-size-reader.ts';
import { gitCliReader } from '../../../collectors/code-size/reader-git-cli.ts';
import { objectStoreReader } from '../../../collectors/code-size/reader-object-store.ts';
import { collectRepository } from '../../../collectors/git/collect-repository.ts';
import { openObjectStore } from '../../../collectors/git/object-store.ts';
import type { CodeSizeConfig } from '../../../src/lib/config/code-size-config.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';
import { silentLogger } from '../../../src/lib/effects.ts';
import { cleanupAfterAll } from '../../helpers/cleanups.ts';
import { SAMPLES } from '../../helpers/code-size-samples.ts';
import { createRepository, type GitFixture } from '../../helpers/git-fixture.ts';

const defer = cleanupAfterAll();
const NOW = new Date('2021-01-01T00:00:00Z');
const CONFIG: CodeSizeConfig = { tags: ['RELEASE-*'], every: 'year', files: null, targets: {} };
const ENGINES = ['git-cli', 'isomorphic-git'] as const;
type Engine = (typeof ENGINES)[number];

const at = (day: string) => ({ at: `${day}T12:00:00Z` });

/**
 * A history with every sample at RELEASE-1.0, a copy of one file (the same blob), a binary and an
 * empty file; a change on main in 2019 and 2020, and RELEASE-1.1 on a stable branch off main.
 */
function makeRepository(): GitFixture {
  const repo = createRepository();
  defer(() => repo.cleanup());
  const files: Record<string, string | Uint8Array> = Object.fromEntries(
    SAMPLES.map((s) => [s.path, s.content]),
  );
  files['src/copy.c'] = SAMPLES[0]!.content;
  files['img/logo.bin'] = new Uint8Array([0x89, 0x50, 0x00, 0x0a, 0x41]);
  files['src/empty.c'] = '';
  repo.commit({ message: 'Samples\n', files, date: at('2019-03-01') });
  repo.git(['tag', '-a', '-m', 'Release 1.0', 'RELEASE-1.0']);
  repo.git(['tag', 'v1.0-not-matched']);
  repo.commit({
    message: 'More C\n',
    files: { 'src/main.c': `${SAMPLES[0]!.content}int z;\n` },
    date: at('2019-06-01'),
  });
  repo.checkout('stable', true);
  repo.commit({
    message: 'Stable fix\n',
    files: { 'src/fix.c': 'int fix;\n' },
    date: at('2019-07-01'),
  });
  repo.git(['tag', 'RELEASE-1.1']);
  repo.checkout('main');
  repo.commit({
    message: 'Rust grows\n',
    files: { 'rust/more.rs': 'fn x() {}\n' },
    date: at('2020-02-01'),
  });
  return repo;
}

async function minedDatabase(repo: GitFixture): Promise<NodeDatabase> {
  const db = await openNodeDatabase(':memory:');
  defer(() => db.close());
  await ensureSchema(db);
  await collectRepository({
    db,
    repository: { source: repo.path, name: 'repo' },
    engine: 'git-cli',
    fs,
    logger: silentLogger,
    clock: () => NOW,
  });
  return db;
}

function reader(engine: Engine, repo: GitFixture): CodeSizeReader {
  if (engine === 'git-cli') return gitCliReader(repo.gitdir);
  const store = openObjectStore(fs, repo.gitdir);
  const inner = objectStoreReader(store);
  return { ...inner, close: () => (inner.close(), store.close()) };
}

function count(
  db: NodeDatabase,
  repo: GitFixture,
  engine: Engine,
  extra: Partial<CodeSizeOptions> = {},
) {
  return collectCodeSize({
    db,
    repository: 'repo',
    gitdir: repo.gitdir,
    config: CONFIG,
    files: null,
    reader: reader(engine, repo),
    fs,
    logger: silentLogger,
    clock: () => NOW,
    ...extra,
  });
}

/** Every row of the three code-size tables, in a stable order. */
async function tables(db: NodeDatabase) {
  return {
    points: await db.query(
      `SELECT kind, point, commit_id, strftime(time, '%Y-%m-%d') AS day FROM code_size_points
       ORDER BY kind, point`,
    ),
    files: await db.query(
      'SELECT commit_id, path, blob_id, path_language FROM code_size_files ORDER BY ALL',
    ),
    blobs: await db.query('SELECT * FROM code_size_blobs ORDER BY ALL'),
  };
}

/** The files of one point with their counts, by path. */
function pointFiles(db: NodeDatabase, point: string) {
  return db.query<{ path: string; language: string; code: number; comment: number; blank: number }>(
    `SELECT f.path, b.language, b.code, b.comment, b.blank
     FROM code_size_points p
     JOIN code_size_files f USING (repository, commit_id)
     JOIN code_size_blobs b USING (blob_id, path_language)
     WHERE p.point = $point ORDER BY f.path`,
    { point },
  );
}

describe('collectCodeSize', () => {
  let repo: GitFixture;
  const dbs = {} as Record<Engine, NodeDatabase>;

  beforeAll(async () => {
    repo = makeRepository();
    for (const engine of ENGINES) dbs[engine] = await minedDatabase(repo);
  });

  it.each(ENGINES)(
    'counts every file at a release tag with its known lines (%s)',
    async (engine) => {
      const result = await count(dbs[engine], repo, engine);
      expect(result).toMatchObject({ engine, points: 4, pointsAdded: 4 });
      const expected = [
        ...SAMPLES.map(({ path, language, code, comment, blank }) => ({
          path,
          language,
          code,
          comment,
          blank,
        })),
        { path: 'img/logo.bin', language: 'Binary', code: 0, comment: 0, blank: 0 },
        { path: 'src/copy.c', language: 'C', code: 10, comment: 5, blank: 2 },
        { path: 'src/empty.c', language: 'C', code: 0, comment: 0, blank: 0 },
      ].sort((a, b) => (a.path < b.path ? -1 : 1));
      expect(await pointFiles(dbs[engine], 'RELEASE-1.0')).toEqual(expected);
    },
  );

  it('stores the same rows from both engines, each blob counted once', async () => {
    const [cli, store] = [await tables(dbs['git-cli']), await tables(dbs['isomorphic-git'])];
    expect(store).toEqual(cli);
    const rev = (ref: string) => repo.rev(ref);
    expect(cli.points).toEqual([
      { kind: 'tag', point: 'RELEASE-1.0', commit_id: rev('RELEASE-1.0'), day: '2019-03-01' },
      { kind: 'tag', point: 'RELEASE-1.1', commit_id: rev('RELEASE-1.1'), day: '2019-07-01' },
      // The branch as it stood at the end of each year: 2019's last commit, then 2020's.
      { kind: 'year', point: '2019', commit_id: rev('main~1'), day: '2019-06-01' },
      { kind: 'year', point: '2020', commit_id: rev('main'), day: '2020-02-01' },
    ]);
    // main.c and its copy share one blob: one row. The samples, the binary, the empty file, the
    // changed main.c and the two new files make the rest.
    expect(cli.blobs).toHaveLength(SAMPLES.length + 2 + 3);
    const mainBlob = repo.git(['rev-parse', 'RELEASE-1.0:src/main.c']);
    expect(cli.blobs.filter((b) => b.blob_id === mainBlob)).toEqual([
      { blob_id: mainBlob, path_language: 'C', language: 'C', code: 10, comment: 5, blank: 2 },
    ]);
    // The file whose first line decides its language is stored with no path language.
    expect(cli.files.find((f) => f.path === 'tools/start')?.path_language).toBe('');
  });

  it.each(ENGINES)('counts only what is new on the next runs (%s)', async (engine) => {
    const db = await minedDatabase(repo);
    await count(db, repo, engine);
    expect(await count(db, repo, engine)).toMatchObject({ engine: 'none', blobsCounted: 0 });
    repo.git(['tag', 'RELEASE-2.0', 'main']);
    try {
      // The new tag's commit is the 2020 point's: listed already, nothing to read.
      expect(await count(db, repo, engine)).toMatchObject({ pointsAdded: 1, blobsCounted: 0 });
      expect((await tables(db)).points).toHaveLength(5);
    } finally {
      repo.git(['tag', '-d', 'RELEASE-2.0']);
    }
  });

  it.each(ENGINES)(
    'counts only the listed files, and lists again when the list changes (%s)',
    async (engine) => {
      const db = await minedDatabase(repo);
      const files = ['Makefile', 'no/such/file.c', 'src/main.c'];
      await count(db, repo, engine, { files });
      expect((await pointFiles(db, 'RELEASE-1.0')).map((f) => f.path)).toEqual([
        'Makefile',
        'src/main.c',
      ]);
      // Another list: the points are listed again, the blobs are known.
      const again = await count(db, repo, engine, { files: ['src/main.h'] });
      expect(again).toMatchObject({ pointsAdded: 4, blobsCounted: 1 });
      expect((await pointFiles(db, 'RELEASE-1.0')).map((f) => f.path)).toEqual(['src/main.h']);
    },
  );

  it('forgets points the config no longer asks for', async () => {
    const db = await minedDatabase(repo);
    await count(db, repo, 'git-cli');
    await count(db, repo, 'git-cli', { config: { ...CONFIG, every: null } });
    const { points, files } = await tables(db);
    expect(points.map((p) => p.point)).toEqual(['RELEASE-1.0', 'RELEASE-1.1']);
    const commits = new Set(files.map((f) => f.commit_id));
    expect(commits).toEqual(new Set([repo.rev('RELEASE-1.0'), repo.rev('RELEASE-1.1')]));
  });
});
