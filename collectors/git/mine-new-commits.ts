/**
 * Where a run's new commits are mined: in this process (mine-in-process.ts), or, with a pool of
 * worker processes and enough new commits with changed lines, in parts on several cores
 * (mine-in-parts.ts). Both store the same rows.
 */
import type { Logger } from '../../src/lib/effects.ts';
import type { CommitSource, WalkOptions } from './commit-source.ts';
import { commitsToMine } from './engine-isomorphic-git.ts';
import { listCommits } from './git-cli-rev-list.ts';
import { mineInParts, partSizes, POOL_THRESHOLD } from './mine-in-parts.ts';
import { mineInProcess } from './mine-in-process.ts';
import type { MiningPool } from './mining-pool.ts';
import type { ObjectStore } from './object-store.ts';
import type { SerialDatabase } from './serial-database.ts';

/** Options for {@link mineNewCommits}. */
export interface MineNewCommitsOptions {
  db: SerialDatabase;
  repository: string;
  source: CommitSource;
  /** The walk; its `onUnreadable` hears of unreadable commits from the workers too. */
  walk: WalkOptions;
  /** The repository's objects (the isomorphic-git engine lists the commits from it). */
  store: ObjectStore;
  /** Ids already stored; commits mined in this process are added. */
  known: Set<string>;
  /** Worker processes; none: everything is mined here. */
  pool?: MiningPool | undefined;
  /** New commits from which the pool is used. Default {@link POOL_THRESHOLD}. */
  poolThreshold?: number;
  /** Commits per part (tests). Default: `partSizes` of mine-in-parts.ts. */
  partSize?: number;
  /** Commits per transaction in this process. Default 1000, or 10,000 without files. */
  batchSize?: number;
  logger: Logger;
  /** Told how many commits the run will store, when that is known. */
  onTotal: (commits: number) => void;
  /** Called after each transaction (batch or part) with its number and the commits stored so far. */
  onBatchCommitted: (batch: number, written: number) => Promise<void>;
}

/**
 * Mines the walk's commits and returns how many were stored and each stored commit's parents.
 * Metadata-only runs stay in this process: a whole history takes about a second there, less than
 * starting the workers.
 */
export async function mineNewCommits(
  options: MineNewCommitsOptions,
): Promise<{ written: number; parents: Map<string, readonly string[]> }> {
  const { source, walk } = options;
  const pool = walk.withFiles ? options.pool : undefined;
  const threshold = options.poolThreshold ?? POOL_THRESHOLD;
  // With workers at hand, list the new commits first: with enough of them, the workers mine them,
  // started as soon as the list is long enough, while git lists the rest.
  const warm = (listedSoFar: number) => listedSoFar >= threshold && pool?.warm();
  const listed = !pool
    ? null
    : source.engine === 'git-cli'
      ? await listCommits({}, walk, warm)
      : commitsToMine(options.store, walk);
  if (pool && listed && listed.length >= threshold) {
    options.onTotal(listed.length);
    const n = listed.length;
    const size = options.partSize;
    const sizes = size
      ? Array.from({ length: Math.ceil(n / size) }, (_, i) => Math.min(size, n - i * size))
      : partSizes(n, pool.jobs);
    options.logger.debug(
      `${options.repository}: ${n} new commits, mined in ${sizes.length} parts by ${pool.jobs} worker processes`,
    );
    const parts = await mineInParts({
      db: options.db,
      pool,
      repository: options.repository,
      engine: source.engine,
      gitdir: walk.gitdir,
      head: walk.head,
      withFiles: walk.withFiles,
      commits: listed,
      partSizes: sizes,
      onMerged: options.onBatchCommitted,
    });
    for (const { id, reason, parents } of parts.unreadable)
      walk.onUnreadable?.(id, reason, parents);
    return { written: parts.written, parents: parts.parents };
  }
  return mineInProcess({
    db: options.db,
    repository: options.repository,
    source,
    // Listed already: the engine need not walk the history again.
    walk: listed ? { ...walk, commits: listed } : walk,
    known: options.known,
    // Without files a commit is a few hundred bytes of native chunk memory: larger batches mean
    // fewer appender flushes and commits (10,000 was 15% faster than 2,500 on both bench
    // histories; 20,000 was no faster and used 10 MB more).
    batchSize: options.batchSize ?? (walk.withFiles ? 1000 : 10_000),
    logger: options.logger,
    onBatchCommitted: options.onBatchCommitted,
  });
}
