/**
 * One repository's new commits mined on several cores: the list of commits (one `git rev-list`, or
 * the isomorphic-git walk's list) is cut into parts of consecutive commits, each part is mined by a
 * worker process of the pool into its own part file (mine-part.ts), and each finished part is
 * merged here, by the one process that writes the database, in one transaction. A run killed at
 * any moment keeps the parts it merged, whole, and the next run mines the rest (the `mining:` mark
 * of collect-repository.ts makes it walk past them).
 */
import { rm } from 'node:fs/promises';
import type { CommitSource } from './commit-source.ts';
import { PART_TABLES, type UnreadableCommit } from './mine-part.ts';
import type { MiningPool } from './mining-pool.ts';
import type { SerialDatabase } from './serial-database.ts';

/**
 * Each part is the commits left shared by twice the jobs (within the bounds below): large parts
 * first, then smaller and smaller ones, so that the workers finish close together although git's
 * cost per commit varies.
 */
const SHARES_PER_JOB = 2;
/**
 * Commits per part at least: each part costs its worker about 0.05 s (a DuckDB file opened and
 * closed, a git process) and the merge a few hundredths more.
 */
const MIN_PART = 2500;
/** Commits per part at most: a part file and its merge stay small. */
const MAX_PART = 5000;

/**
 * New commits from which a repository is mined by the pool rather than in the collecting process:
 * two parts at least. Below it, a worker would mine the one part while this process waits, and
 * starting it costs about 0.5 s (an incremental run stays in one process).
 */
export const POOL_THRESHOLD = 2 * MIN_PART;

/**
 * The sizes of the parts `commits` new commits are cut into for `jobs` workers, in order: each
 * the commits left shared by twice the jobs, from 2,500 to 5,000 (the last one what is left).
 */
export function partSizes(commits: number, jobs: number): number[] {
  const sizes: number[] = [];
  for (let left = commits; left > 0;) {
    const share = Math.ceil(left / (Math.max(1, jobs) * SHARES_PER_JOB));
    const size = Math.min(left, MAX_PART, Math.max(MIN_PART, share));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/** Options for {@link mineInParts}. */
export interface MineInPartsOptions {
  db: SerialDatabase;
  pool: MiningPool;
  /** The repository's name. */
  repository: string;
  engine: CommitSource['engine'];
  gitdir: string;
  /** The head being mined (named in error messages). */
  head: string;
  withFiles: boolean;
  /** The commits to mine, each once, in the walk's order. */
  commits: readonly string[];
  /** The sizes of the parts, in order (they add up to the commits). Default: {@link partSizes}. */
  partSizes?: readonly number[];
  /**
   * Called after each part is merged, with the number of parts and of commits merged so far; a
   * throw stops the run (parts merged stay).
   */
  onMerged?: (parts: number, written: number) => void | Promise<void>;
}

/** What the parts gave. */
export interface MinedParts {
  /** Commits stored. */
  written: number;
  /** Each stored commit's parents, as stored (for branch-positions.ts). */
  parents: Map<string, readonly string[]>;
  /** Commits that could not be read, and were not stored. */
  unreadable: UnreadableCommit[];
}

const sqlString = (text: string) => `'${text.replaceAll("'", "''")}'`;

let attachments = 0;

/**
 * Appends a part file's rows to the database in one transaction and adds its commits' parents to
 * `parents`; returns how many commits it held.
 */
async function mergePart(
  db: SerialDatabase,
  file: string,
  parents: Map<string, readonly string[]>,
): Promise<number> {
  const alias = `barometer_part_${++attachments}`;
  return db.exclusive(async () => {
    await db.exec(`ATTACH ${sqlString(file)} AS ${alias} (READ_ONLY)`);
    try {
      await db.transaction(async () => {
        for (const table of PART_TABLES) {
          await db.exec(`INSERT INTO ${table} SELECT * FROM ${alias}.${table}`);
        }
      });
      const { columns, rows } = await db.columns(
        `SELECT commit_id, parent_ids FROM ${alias}.commits`,
      );
      const [ids = [], lists = []] = columns as string[][];
      for (let i = 0; i < rows; i++) {
        const list = lists[i]!;
        parents.set(ids[i]!, list === '' ? [] : list.split(' '));
      }
      return rows;
    } finally {
      await db.exec(`DETACH ${alias}`);
    }
  });
}

/** Deletes a part file in the background (the pool removes its folder at the end anyway). */
function removePartFile(file: string): void {
  for (const suffix of ['', '.wal']) void rm(file + suffix, { force: true }).catch(() => {});
}

/**
 * Mines `options.commits` in parts on the pool's workers and merges each part as it is done (in
 * whatever order they finish). On a failure, no further part starts, the parts being mined are
 * waited for and dropped, and the first error is thrown; the parts merged before it stay.
 */
export async function mineInParts(options: MineInPartsOptions): Promise<MinedParts> {
  const { db, pool, commits } = options;
  const sizes = options.partSizes ?? partSizes(commits.length, pool.jobs);
  const parents = new Map<string, readonly string[]>();
  const unreadable: UnreadableCommit[] = [];
  let written = 0;
  let merged = 0;
  let failure: { error: unknown } | null = null;

  const minePart = async (ids: string[]) => {
    const partFile = pool.partFile();
    try {
      const result = await pool.run({
        repository: options.repository,
        engine: options.engine,
        gitdir: options.gitdir,
        head: options.head,
        commits: ids,
        withFiles: options.withFiles,
        partFile,
      });
      if (failure) return;
      const rows = await mergePart(db, partFile, parents);
      written += rows;
      unreadable.push(...result.unreadable);
      await options.onMerged?.(++merged, written);
    } finally {
      removePartFile(partFile);
    }
  };

  // A few more parts than workers are handed over, so a worker that finishes starts the next at
  // once; the rest wait here, so other repositories' parts can take turns in the pool.
  const running = new Set<Promise<void>>();
  let start = 0;
  for (const size of sizes) {
    while (running.size > pool.jobs && !failure) await Promise.race(running);
    if (failure) break;
    const part: Promise<void> = minePart(commits.slice(start, (start += size)))
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(part));
    running.add(part);
  }
  await Promise.all(running);
  if (failure) throw (failure as { error: unknown }).error;
  return { written, parents, unreadable };
}
