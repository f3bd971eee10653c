/**
 * Mines one repository into the database: resolve the branch, skip when nothing is new, detect a
 * rewritten history, stream new commits in batches, then record the head, the `.mailmap` and the
 * run. The stored head moves only at the very end, and every batch is a transaction, so a run
 * killed at any moment loses nothing committed and the next run carries on from there.
 */
import type * as NodeFs from 'node:fs';
import type { RepositoryConfig } from '../../src/lib/config/project-config.ts';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import type { Clock, Logger } from '../../src/lib/effects.ts';
import type { CommitSource, WalkOptions } from './commit-source.ts';
import { storeBranchPositions } from './branch-positions.ts';
import { createGitCliSource, findGit } from './engine-git-cli.ts';
import { createIsomorphicGitSource } from './engine-isomorphic-git.ts';
import { mineNewCommits } from './mine-new-commits.ts';
import type { MiningPool } from './mining-pool.ts';
import { openObjectStore, type ObjectStore } from './object-store.ts';
import { serialDatabase } from './serial-database.ts';
import { hasUrlScheme } from '../../src/lib/config/source-url.ts';
import { cacheGitdir, syncRemote } from './remote-cache.ts';
import { isAncestor, locateGitDir, readMailmap, resolveBranchHead } from './repository-refs.ts';
import { checkShallowHistory } from './shallow-history.ts';

/** Which engine reads history: `auto` takes the git CLI when git is installed. */
export type EngineChoice = 'auto' | 'git-cli' | 'isomorphic-git';

/** Where a run is, for progress bars and logs. */
export interface CollectProgress {
  repository: string;
  phase: 'fetching' | 'mining' | 'done';
  /** Commits stored by this run so far. */
  commitsDone: number;
  /** Commits this run will store, when the engine knows it up front (see `countTotal`); else null. */
  commitsTotal: number | null;
  /** The engine reading history (set once mining starts). */
  engine: CommitSource['engine'] | null;
}

/** Options for {@link collectRepository}. */
export interface CollectOptions {
  db: NodeDatabase;
  /** The repository: a local path (absolute) or an http(s) URL, its name and optional branch. */
  repository: RepositoryConfig;
  /** Default `auto`. */
  engine?: EngineChoice;
  /** Count changed lines per file. Default true; false mines metadata and trailers only. */
  withFiles?: boolean;
  /** `node:fs`. */
  fs: typeof NodeFs;
  logger: Logger;
  clock: Clock;
  /** Folder of the bare clones of remote repositories (`data/repos`). Required for URLs. */
  cacheDir?: string;
  onProgress?: (progress: CollectProgress) => void;
  /**
   * Find out how many commits the run will store, for a progress bar's time left. The isomorphic-git
   * engine knows it anyway; git-cli then runs a second git process beside the walk, which costs
   * about as much CPU as a metadata-only walk. Default false.
   */
  countTotal?: boolean;
  /** Commits per transaction. Default 1000, or 10,000 without files. */
  batchSize?: number;
  /** Called after each batch is committed (tests stop a run here to check resuming). */
  onBatchCommitted?: (batch: number, commitsWritten: number) => void | Promise<void>;
  /** The engine to use instead of choosing one (tests, benchmarks); it then mines in this process. */
  source?: CommitSource;
  /**
   * Worker processes to mine in (`collect --jobs`): a run with at least `poolThreshold` new
   * commits and changed lines is cut into parts mined by them (mine-in-parts.ts). Without a pool,
   * everything is mined in this process. The rows stored are the same either way.
   */
  pool?: MiningPool;
  /** New commits from which the pool is used. Default `POOL_THRESHOLD` of mine-in-parts.ts (5,000). */
  poolThreshold?: number;
  /** Commits per part mined by the pool. Default: see `partSize` in mine-in-parts.ts. */
  partSize?: number;
}

/** What a run did. */
export interface CollectResult {
  repository: string;
  /** The engine that read history (`isomorphic-git` or `git-cli`); `none` when nothing was new. */
  engine: CommitSource['engine'] | 'none';
  branch: string;
  commitsAdded: number;
  /** The head now stored. */
  head: string;
  /** True when the stored head was no longer in the branch's history and the repository was mined again. */
  historyRewritten: boolean;
  /** Wall time by the injected clock, in seconds. */
  seconds: number;
  /** The git directory read (for a URL, its clone under the cache folder). */
  gitdir: string;
  /** Commits left out because they cannot be read (see read-person.ts): id and why. */
  unreadable: Array<{ id: string; reason: string }>;
}

/** The stored state of a repository, if any. */
interface Stored {
  head_commit_id: string | null;
}

/**
 * Picks the engine: `git-cli` when asked (or, for `auto`, when git runs), else isomorphic-git,
 * which needs nothing installed.
 */
export async function chooseSource(choice: EngineChoice, fs: typeof NodeFs): Promise<CommitSource> {
  if (choice === 'isomorphic-git') return createIsomorphicGitSource({ fs });
  if (choice === 'git-cli') return createGitCliSource();
  return (await findGit()) ? createGitCliSource() : createIsomorphicGitSource({ fs });
}

async function loadKnownIds(db: NodeDatabase, repository: string): Promise<Set<string>> {
  const { columns } = await db.columns(
    'SELECT commit_id FROM commits WHERE repository = $repository',
    { repository },
  );
  return new Set(columns[0] as string[]);
}

/**
 * The `barometer_meta` key set while a repository is being mined and cleared when its run ends: if
 * it is there when a run starts, the last run was interrupted and the stored commits may not be
 * closed under ancestry.
 */
const miningKey = (repository: string) => `mining:${repository}`;

/**
 * Deletes a repository's commits, files, trailers and branch positions and forgets its head, in one
 * transaction.
 */
async function forgetHistory(db: NodeDatabase, repository: string): Promise<void> {
  await db.transaction(async () => {
    for (const table of ['commit_files', 'trailers', 'branch_positions', 'commits']) {
      await db.query(`DELETE FROM ${table} WHERE repository = $repository`, { repository });
    }
    await db.query('UPDATE repositories SET head_commit_id = NULL WHERE name = $repository', {
      repository,
    });
  });
}

/** Opens the repository (fetching a remote into the cache first) and resolves its branch head. */
async function openSource(
  options: CollectOptions,
  report: (progress: Partial<CollectProgress>) => void,
): Promise<{ gitdir: string; store: ObjectStore; branch: string; head: string }> {
  const { fs, repository } = options;
  if (hasUrlScheme(repository.source)) {
    if (!options.cacheDir) throw new Error('collectRepository: cacheDir is needed for URLs');
    report({ phase: 'fetching' });
    fs.mkdirSync(options.cacheDir, { recursive: true });
    const synced = await syncRemote({
      fs,
      url: repository.source,
      gitdir: cacheGitdir(options.cacheDir, repository.name),
      ...(repository.branch ? { branch: repository.branch } : {}),
    });
    const store = openObjectStore(fs, synced.gitdir);
    return { gitdir: synced.gitdir, store, branch: synced.branch, head: synced.head };
  }
  const gitdir = locateGitDir(fs, repository.source);
  const store = openObjectStore(fs, gitdir);
  try {
    const resolved = await resolveBranchHead(fs, store, gitdir, repository.branch, {
      repository: repository.source,
    });
    return { gitdir, store, branch: resolved.branch, head: resolved.commitId };
  } catch (error) {
    store.close();
    throw error;
  }
}

/**
 * Mines `options.repository` into `options.db` (creating the schema when needed) and returns what
 * it did. Throws `not-found` (path, branch), `source` (not a repository, unreachable URL, unreadable
 * history) or `database` errors; whatever was committed before an error stays and is resumed.
 */
export async function collectRepository(options: CollectOptions): Promise<CollectResult> {
  const { repository, clock } = options;
  // Repositories mined at the same time share the connection: each statement and transaction alone.
  const db = serialDatabase(options.db);
  const started = clock();
  const name = repository.name;
  const progress: CollectProgress = {
    repository: name,
    phase: 'mining',
    commitsDone: 0,
    commitsTotal: null,
    engine: null,
  };
  const report = (change: Partial<CollectProgress>) => {
    Object.assign(progress, change);
    options.onProgress?.({ ...progress });
  };
  await ensureSchema(db);
  const { gitdir, store, branch, head } = await openSource(options, report);
  try {
    const stored = (
      await db.query<Stored>('SELECT head_commit_id FROM repositories WHERE name = $name', {
        name,
      })
    )[0];
    const storedHead = stored?.head_commit_id ?? null;
    const { fs, logger } = options;
    const shallow = await checkShallowHistory({ db, repository: name, gitdir, fs, logger });
    let engine: CollectResult['engine'] = 'none';
    let commitsAdded = 0;
    let historyRewritten = false;
    /** Each stored commit's parents, to place it on the branch at the end (branch-positions.ts). */
    const mined = new Map<string, readonly string[]>();
    const unreadable: CollectResult['unreadable'] = [];
    /** Parents of commits that could not be stored: the branch's chain runs through them. */
    const passedOver = new Map<string, readonly string[]>();

    if (storedHead !== head || shallow.deepened) {
      const key = miningKey(name);
      const interrupted =
        (await db.query('SELECT 1 FROM barometer_meta WHERE key = $key', { key })).length > 0;
      await db.query(
        `INSERT INTO barometer_meta VALUES ($key, $value)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        { key, value: started.toISOString() },
      );
      const known = await loadKnownIds(db, name);
      if (storedHead && !isAncestor(store, storedHead, head, (id) => known.has(id))) {
        options.logger.info(
          `${name}: history was rewritten (${storedHead.slice(0, 12)} is no longer on ${branch}); mining it again`,
        );
        await forgetHistory(db, name);
        known.clear();
        historyRewritten = true;
      }
      const source = options.source ?? (await chooseSource(options.engine ?? 'auto', options.fs));
      engine = source.engine;
      report({ phase: 'mining', engine });
      const withFiles = options.withFiles ?? true;
      const onBatchCommitted = async (batch: number, written: number) => {
        options.logger.debug(`${name}: ${written} commits stored`);
        report({ commitsDone: written });
        await options.onBatchCommitted?.(batch, written);
      };
      const walk: WalkOptions = {
        gitdir,
        head,
        // A deepened clone brought commits older than the stored head: walk it all again.
        exclude: storedHead && !historyRewritten && !shallow.deepened ? [storedHead] : [],
        isKnown: (id) => known.has(id),
        knownClosed: !interrupted && !shallow.deepened,
        withFiles,
        onUnreadable: (id, reason, parents) => {
          unreadable.push({ id, reason });
          passedOver.set(id, parents);
        },
        ...(options.countTotal || engine === 'isomorphic-git'
          ? { onTotal: (total: number) => report({ commitsTotal: total }) }
          : {}),
      };
      const done = await mineNewCommits({
        db,
        repository: name,
        source,
        walk,
        store,
        known,
        // The engine's own source, when given, mines here: workers cannot be handed it.
        pool: options.source ? undefined : options.pool,
        ...(options.poolThreshold !== undefined ? { poolThreshold: options.poolThreshold } : {}),
        ...(options.partSize !== undefined ? { partSize: options.partSize } : {}),
        ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
        logger: options.logger,
        onTotal: (total) => report({ commitsTotal: total }),
        onBatchCommitted,
      });
      for (const [id, parents] of done.parents) mined.set(id, parents);
      commitsAdded = done.written;
    }

    const mailmap = readMailmap(store, head);
    const finished = clock();
    const seconds = Math.max(0, (finished.getTime() - started.getTime()) / 1000);
    await db.transaction(async () => {
      // The positions describe the stored head, so they land with it.
      if (storedHead !== head) await storeBranchPositions(db, name, head, mined, passedOver);
      await db.query(
        `INSERT INTO repositories (name, source, branch, head_commit_id, last_collected_at)
         VALUES ($name, $source, $branch, $head, $at)
         ON CONFLICT (name) DO UPDATE SET source = excluded.source, branch = excluded.branch,
           head_commit_id = excluded.head_commit_id, last_collected_at = excluded.last_collected_at`,
        { name, source: repository.source, branch, head, at: finished },
      );
      await db.query(
        `INSERT INTO repository_mailmaps (repository, head_commit_id, content)
         VALUES ($name, $head, $content)
         ON CONFLICT (repository) DO UPDATE SET head_commit_id = excluded.head_commit_id,
           content = excluded.content`,
        { name, head, content: mailmap },
      );
      await db.query('DELETE FROM barometer_meta WHERE key = $key', { key: miningKey(name) });
      await db.query(
        `INSERT INTO collect_runs (started_at, finished_at, repository, head_commit_id,
           commits_added, duration_seconds, engine, history_rewritten)
         VALUES ($started, $finished, $name, $head, $added, $seconds, $engine, $rewritten)`,
        {
          started,
          finished,
          name,
          head,
          added: commitsAdded,
          seconds,
          engine,
          rewritten: historyRewritten,
        },
      );
    });
    await shallow.record();
    report({ phase: 'done' });
    return {
      repository: name,
      engine,
      branch,
      commitsAdded,
      head,
      historyRewritten,
      seconds,
      gitdir,
      unreadable,
    };
  } finally {
    store.close();
  }
}
