/**
 * Streams mined commits into DuckDB in batches: each batch (commits with their changed files and
 * trailers) is appended inside one transaction, so a commit lands whole or not at all, and memory
 * holds a few batches, whatever the history's length.
 */
import type { DuckDBDataChunk } from '@duckdb/node-api';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import type { MinedCommit } from './commit-source.ts';
import { addCommitRows, commitTables, type CommitTables } from './commit-rows.ts';

/** Commits per transaction, by default. */
const DEFAULT_BATCH_COMMITS = 1000;
/** Changed files that end a batch early, by default. */
const DEFAULT_BATCH_FILES = 50_000;

/** Options for {@link CommitWriter}. */
export interface CommitWriterOptions {
  /** Commits per transaction. Default 1000. */
  batchSize?: number;
  /** Changed files that also end a batch early (huge commits). Default 50,000. */
  batchFiles?: number;
  /**
   * Called after each batch is committed, with its 1-based number and the commits written so far;
   * a throw stops the run (it surfaces at the next add or flush).
   */
  onBatchCommitted?: (batch: number, commitsWritten: number) => void | Promise<void>;
}

/** One batch, as data chunks ready for the tables' appenders. */
interface Batch {
  size: number;
  commits: DuckDBDataChunk[];
  commitFiles: DuckDBDataChunk[];
  trailers: DuckDBDataChunk[];
}

/** Batches gathered and not yet committed before `addAll` waits (memory holds at most this many). */
const MAX_UNFINISHED = 3;

/**
 * Appends commits of one repository to `commits`, `commit_files` and `trailers`.
 *
 * Writing is pipelined: while DuckDB commits a batch (its WAL write and fsync run on DuckDB's own
 * thread), the caller goes on reading and gathering the next ones; batches are written one at a
 * time, in order, each in its own transaction, and a failed batch fails every later one and
 * {@link flush}. Call {@link flush} at the end, and {@link settle} on the way out when the walk
 * failed, so no write outlives the run.
 */
export class CommitWriter {
  /** The rows of the batch being filled. */
  private readonly tables: CommitTables;
  private pending = 0;
  private batches = 0;
  /** The last write started; each write starts when the one before has committed. */
  private last: Promise<void> = Promise.resolve();
  /** Writes not yet settled, oldest first (to bound how many wait in memory). */
  private unfinished: Promise<void>[] = [];
  /** Commits committed to the database so far. */
  written = 0;
  private readonly batchSize: number;
  private readonly batchFiles: number;

  constructor(
    private readonly db: NodeDatabase,
    repository: string,
    private readonly options: CommitWriterOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_COMMITS;
    this.batchFiles = options.batchFiles ?? DEFAULT_BATCH_FILES;
    this.tables = commitTables(repository);
  }

  /**
   * Queues commits in order; starts writing each batch as it fills, and waits while
   * {@link MAX_UNFINISHED} batches are unfinished (a failed write surfaces there).
   */
  async addAll(commits: readonly MinedCommit[]): Promise<void> {
    const { tables } = this;
    for (const commit of commits) {
      // Rows go into the chunks at once, so no mined commit outlives this call.
      addCommitRows(commit, tables);
      this.pending++;
      if (this.pending >= this.batchSize || tables.commitFiles.rows >= this.batchFiles) {
        this.startWrite();
        if (this.unfinished.length >= MAX_UNFINISHED) await this.unfinished[0];
      }
    }
  }

  /** Writes every queued commit and waits until all are committed; throws a failed write's error. */
  async flush(): Promise<void> {
    this.startWrite();
    await this.last;
  }

  /** Waits for every batch being written, ignoring the outcome (for error paths). */
  async settle(): Promise<void> {
    await this.last.catch(() => {});
  }

  private startWrite(): void {
    if (this.pending === 0) return;
    const { tables } = this;
    const gathered: Batch = {
      size: this.pending,
      commits: tables.commits.take(),
      commitFiles: tables.commitFiles.take(),
      trailers: tables.trailers.take(),
    };
    this.pending = 0;
    // Chained on the last write, so a failure carries to every later write and to flush.
    const write = this.last.then(() => this.write(gathered));
    // Marked handled now; the rejection is still seen by whoever awaits it next.
    write.catch(() => {});
    this.last = write;
    this.unfinished.push(write);
    void write
      .finally(() => this.unfinished.splice(this.unfinished.indexOf(write), 1))
      .catch(() => {});
  }

  private async write(batch: Batch): Promise<void> {
    const { db } = this;
    await db.transaction(async () => {
      await db.append('commits', batch.commits);
      await db.append('commit_files', batch.commitFiles);
      await db.append('trailers', batch.trailers);
    });
    this.written += batch.size;
    this.batches++;
    await this.options.onBatchCommitted?.(this.batches, this.written);
  }
}
