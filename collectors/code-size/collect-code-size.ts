/**
 * Counts source lines at the points of a repository's history a project config asks for
 * (docs/code-size.md), incrementally: a point already counted at the same commit is not listed
 * again, and a blob already counted (as the same path language) is not read again, whatever the
 * number of points holding it. Blob counts are committed in batches as they come, so a run
 * stopped half-way keeps them; the file lists and the points land together at the end.
 */
import { createHash } from 'node:crypto';
import type * as NodeFs from 'node:fs';
import { COUNTER_VERSION, countLines } from '../../src/lib/code-size/count-lines.ts';
import {
  BINARY,
  languageNamed,
  languageOfContent,
  languageOfPath,
} from '../../src/lib/code-size/languages.ts';
import type { CodeSizeConfig } from '../../src/lib/config/code-size-config.ts';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import type { Clock, Logger } from '../../src/lib/effects.ts';
import { insertColumns } from '../../src/lib/identity/insert-columns.ts';
import type { EngineChoice } from '../git/collect-repository.ts';
import { findGit } from '../git/engine-git-cli.ts';
import { isBinaryContent } from '../git/line-diff.ts';
import { openObjectStore } from '../git/object-store.ts';
import { TableChunks } from '../git/table-chunks.ts';
import type { CodeSizeReader } from './code-size-reader.ts';
import { periodPoints, tagPoints, type CodeSizePoint } from './code-size-points.ts';
import { gitCliReader } from './reader-git-cli.ts';
import { objectStoreReader } from './reader-object-store.ts';

/** Options for {@link collectCodeSize}. */
export interface CodeSizeOptions {
  db: NodeDatabase;
  /** The repository's name (the `repository` column). */
  repository: string;
  /** Its git directory (a bare repository or a `.git` folder). */
  gitdir: string;
  config: CodeSizeConfig;
  /** The paths to count (codeSize.files, parsed), or null for every file. */
  files: readonly string[] | null;
  /** Default `auto`: the git CLI when git runs, else the object store. */
  engine?: EngineChoice;
  /** The reader to use instead of choosing one (tests). */
  reader?: CodeSizeReader;
  fs: typeof NodeFs;
  logger: Logger;
  /** "Now": which quarters and years have ended. */
  clock: Clock;
  /** Blob counts per transaction. Default 2,000. */
  batchSize?: number;
  /** Where the run is: points listed, then blobs counted (a total each). */
  onProgress?: (progress: { phase: 'listing' | 'counting'; done: number; total: number }) => void;
}

/** What a run did. */
export interface CodeSizeResult {
  repository: string;
  /** The engine that read trees and blobs; `none` when every point was counted already. */
  engine: CodeSizeReader['engine'] | 'none';
  /** Points now stored. */
  points: number;
  /** Points listed by this run (new, or at a new commit). */
  pointsAdded: number;
  /** Blobs read and counted by this run. */
  blobsCounted: number;
  /** Their bytes. */
  bytesCounted: number;
  /** Wall time by the injected clock, in seconds. */
  seconds: number;
}

const COUNTER_KEY = 'code-size:counter';
const filesKey = (repository: string) => `code-size:files:${repository}`;

async function meta(db: NodeDatabase, key: string): Promise<string | null> {
  const rows = await db.query<{ value: string }>(
    'SELECT value FROM barometer_meta WHERE key = $key',
    { key },
  );
  return rows[0]?.value ?? null;
}

async function setMeta(db: NodeDatabase, key: string, value: string): Promise<void> {
  await db.query(
    `INSERT INTO barometer_meta VALUES ($key, $value)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    { key, value },
  );
}

/** Chooses the reader: the git CLI when asked (or, for `auto`, when git runs), else the store. */
async function chooseReader(
  choice: EngineChoice,
  gitdir: string,
  store: () => CodeSizeReader,
): Promise<CodeSizeReader> {
  if (choice === 'isomorphic-git') return store();
  if (choice === 'git-cli' || (await findGit())) return gitCliReader(gitdir);
  return store();
}

/**
 * Forgets what no longer holds: every blob count when the counter changed (COUNTER_VERSION), and
 * the repository's file lists and points when its file list changed.
 */
async function forgetStale(db: NodeDatabase, repository: string, listHash: string) {
  const counter = String(COUNTER_VERSION);
  if ((await meta(db, COUNTER_KEY)) !== counter) {
    await db.transaction(async () => {
      await db.query('DELETE FROM code_size_blobs');
      await setMeta(db, COUNTER_KEY, counter);
    });
  }
  if ((await meta(db, filesKey(repository))) !== listHash) {
    await db.transaction(async () => {
      await db.query('DELETE FROM code_size_files WHERE repository = $repository', { repository });
      await db.query('DELETE FROM code_size_points WHERE repository = $repository', { repository });
      await setMeta(db, filesKey(repository), listHash);
    });
  }
}

/** Replaces the stored code-line targets (code_size_targets) with the config's. */
async function storeTargets(db: NodeDatabase, targets: Record<string, number>): Promise<void> {
  const areas = Object.keys(targets).sort();
  await db.transaction(async () => {
    await db.query('DELETE FROM code_size_targets');
    await insertColumns(
      db,
      'code_size_targets',
      { area: areas, code: areas.map((area) => String(Math.round(targets[area]!))) },
      { code: 'INTEGER' },
    );
  });
}

/** A row of code_size_blobs. */
interface BlobCount {
  blob: string;
  pathLanguage: string;
  language: string;
  code: number;
  comment: number;
  blank: number;
}

/** The counts of one blob as the languages its paths name ('' = by its first line). */
function countBlob(blob: string, data: Uint8Array, pathLanguages: Iterable<string>): BlobCount[] {
  const binary = isBinaryContent(data);
  return [...pathLanguages].map((pathLanguage) => {
    if (binary) return { blob, pathLanguage, language: BINARY, code: 0, comment: 0, blank: 0 };
    const language = (pathLanguage && languageNamed(pathLanguage)) || languageOfContent(data);
    return { blob, pathLanguage, language: language.name, ...countLines(data, language) };
  });
}

/**
 * Counts `options.repository` at the points its config asks for and stores the points, their
 * file lists and the new blobs' counts (tables code_size_points, code_size_files,
 * code_size_blobs). Throws `source` when git cannot read a tree or blob.
 */
export async function collectCodeSize(options: CodeSizeOptions): Promise<CodeSizeResult> {
  const { db, repository, config, logger } = options;
  const started = options.clock();
  const subset = options.files ? new Set(options.files) : null;
  const listHash = options.files
    ? createHash('sha1').update(options.files.join('\n')).digest('hex')
    : '*';
  await forgetStale(db, repository, listHash);
  await storeTargets(db, config.targets);

  const store = openObjectStore(options.fs, options.gitdir);
  let reader: CodeSizeReader | null = null;
  try {
    const wanted: CodeSizePoint[] = [
      ...(await tagPoints(options.fs, options.gitdir, store, config.tags, logger)),
      ...(config.every ? await periodPoints(db, repository, config.every, options.clock()) : []),
    ];
    const stored = new Map(
      (
        await db.query<{ kind: string; point: string; commit_id: string }>(
          'SELECT kind, point, commit_id FROM code_size_points WHERE repository = $repository',
          { repository },
        )
      ).map((row) => [`${row.kind}\0${row.point}`, row.commit_id]),
    );
    const listed = new Set(stored.values());
    const fresh = wanted.filter((p) => stored.get(`${p.kind}\0${p.point}`) !== p.commit);
    const toList = [...new Set(fresh.map((p) => p.commit))].filter((c) => !listed.has(c));
    const unchanged = fresh.length === 0 && stored.size === wanted.length;
    let blobsCounted = 0;
    let bytesCounted = 0;

    if (!unchanged) {
      reader =
        options.reader ??
        (await chooseReader(options.engine ?? 'auto', options.gitdir, () =>
          objectStoreReader(store),
        ));
      // List the new commits' files into chunks for code_size_files, and gather the blob keys.
      const rows = new TableChunks(['varchar', 'varchar', 'varchar', 'varchar'], repository);
      const keys = new Map<string, Set<string>>();
      for (const [done, commit] of toList.entries()) {
        options.onProgress?.({ phase: 'listing', done, total: toList.length });
        for (const file of await reader.listFiles(commit)) {
          if (subset && !subset.has(file.path)) continue;
          const pathLanguage = languageOfPath(file.path)?.name ?? '';
          rows.row();
          rows.string(1, commit);
          rows.string(2, file.path);
          rows.string(3, file.blob);
          rows.string(4, pathLanguage);
          let set = keys.get(file.blob);
          if (!set) keys.set(file.blob, (set = new Set()));
          set.add(pathLanguage);
        }
      }
      // Leave out the blob keys already counted.
      for (const row of await db.query<{ blob_id: string; path_language: string }>(
        `SELECT blob_id, path_language FROM code_size_blobs
         WHERE blob_id IN (SELECT unnest($ids))`,
        { ids: [...keys.keys()] },
      )) {
        const set = keys.get(row.blob_id);
        set?.delete(row.path_language);
        if (set?.size === 0) keys.delete(row.blob_id);
      }
      const batchSize = options.batchSize ?? 2000;
      let batch: BlobCount[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const counted = batch;
        batch = [];
        await db.transaction(() =>
          insertColumns(
            db,
            'code_size_blobs',
            {
              blob_id: counted.map((c) => c.blob),
              path_language: counted.map((c) => c.pathLanguage),
              language: counted.map((c) => c.language),
              code: counted.map((c) => String(c.code)),
              comment: counted.map((c) => String(c.comment)),
              blank: counted.map((c) => String(c.blank)),
            },
            { code: 'INTEGER', comment: 'INTEGER', blank: 'INTEGER' },
          ),
        );
      };
      const blobs = [...keys.keys()];
      await reader.readBlobs(blobs, async (id, data) => {
        batch.push(...countBlob(id, data, keys.get(id)!));
        blobsCounted++;
        options.onProgress?.({ phase: 'counting', done: blobsCounted, total: blobs.length });
        bytesCounted += data.length;
        if (batch.length >= batchSize) await flush();
      });
      await flush();

      await db.transaction(async () => {
        await db.append('code_size_files', rows.take());
        await db.query('DELETE FROM code_size_points WHERE repository = $repository', {
          repository,
        });
        await insertColumns(
          db,
          'code_size_points',
          {
            repository: wanted.map(() => repository),
            kind: wanted.map((p) => p.kind),
            point: wanted.map((p) => p.point),
            commit_id: wanted.map((p) => p.commit),
            time: wanted.map((p) => p.time.toISOString().replace('T', ' ').replace('Z', '')),
          },
          { time: 'TIMESTAMP' },
        );
        await db.query(
          `DELETE FROM code_size_files WHERE repository = $repository
             AND commit_id NOT IN (SELECT commit_id FROM code_size_points WHERE repository = $repository)`,
          { repository },
        );
      });
    }
    const seconds = Math.max(0, (options.clock().getTime() - started.getTime()) / 1000);
    return {
      repository,
      engine: reader?.engine ?? 'none',
      points: wanted.length,
      pointsAdded: fresh.length,
      blobsCounted,
      bytesCounted,
      seconds,
    };
  } finally {
    reader?.close();
    store.close();
  }
}
