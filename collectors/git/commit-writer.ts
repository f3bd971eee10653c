/**
 * Streams mined commits into DuckDB in batches: each batch (commits with their changed files and
 * trailers) is appended inside one transaction, so a commit lands whole or not at all, and memory
 * holds a few batches, whatever the history's length.
 */
import {
  BOOLEAN,
  DuckDBDataChunk,
  DuckDBTimestampValue,
  INTEGER,
  SMALLINT,
  TIMESTAMP,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import type { MinedCommit } from './commit-source.ts';
import { gatherRows, type GatheredRows, type TableRows } from './gathered-rows.ts';

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

/**
 * Column types of the three tables after their `repository` column, in column order (see
 * src/lib/db/schema.sql).
 */
const COMMIT_TYPES = [
  VARCHAR,
  INTEGER,
  VARCHAR,
  VARCHAR,
  TIMESTAMP,
  SMALLINT,
  VARCHAR,
  VARCHAR,
  TIMESTAMP,
  SMALLINT,
  VARCHAR,
];
const FILE_TYPES = [VARCHAR, VARCHAR, VARCHAR, INTEGER, INTEGER, BOOLEAN];
const TRAILER_TYPES = [VARCHAR, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR];

/** DuckDB's largest data chunk, in rows. */
const CHUNK_ROWS = 2048;

/**
 * Appends one table's rows as data chunks of up to {@link CHUNK_ROWS} rows (far fewer native calls
 * than row by row), with `repository` in front of every row.
 */
async function appendRows(
  db: NodeDatabase,
  table: string,
  types: DuckDBType[],
  repository: string,
  rows: TableRows,
): Promise<void> {
  if (rows.rows === 0) return;
  const allTypes = [VARCHAR, ...types];
  const timestamps = types.flatMap((type, i) => (type === TIMESTAMP ? [i] : []));
  const appender = await db.connection.createAppender(table);
  try {
    for (let start = 0; start < rows.rows; start += CHUNK_ROWS) {
      const end = Math.min(rows.rows, start + CHUNK_ROWS);
      const columns: DuckDBValue[][] = [new Array<string>(end - start).fill(repository)];
      rows.columns.forEach((column, i) => {
        const part = column.slice(start, end);
        columns.push(
          timestamps.includes(i)
            ? part.map((value) => new DuckDBTimestampValue(value as bigint))
            : (part as DuckDBValue[]),
        );
      });
      const chunk = DuckDBDataChunk.create(allTypes, end - start);
      chunk.setColumns(columns);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
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
  private pending: MinedCommit[] = [];
  private pendingFiles = 0;
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
    private readonly repository: string,
    private readonly options: CommitWriterOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_COMMITS;
    this.batchFiles = options.batchFiles ?? DEFAULT_BATCH_FILES;
  }

  /**
   * Queues commits in order; starts writing each batch as it fills, and waits while
   * {@link MAX_UNFINISHED} batches are unfinished (a failed write surfaces there).
   */
  async addAll(commits: readonly MinedCommit[]): Promise<void> {
    for (const commit of commits) {
      this.pending.push(commit);
      this.pendingFiles += commit.files?.length ?? 0;
      if (this.pending.length >= this.batchSize || this.pendingFiles >= this.batchFiles) {
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
    if (this.pending.length === 0) return;
    const gathered = gatherRows(this.pending);
    this.pending = [];
    this.pendingFiles = 0;
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

  private async write(batch: GatheredRows): Promise<void> {
    const { db, repository } = this;
    await db.transaction(async () => {
      await appendRows(db, 'commits', COMMIT_TYPES, repository, batch.commits);
      await appendRows(db, 'commit_files', FILE_TYPES, repository, batch.commitFiles);
      await appendRows(db, 'trailers', TRAILER_TYPES, repository, batch.trailers);
    });
    this.written += batch.size;
    this.batches++;
    await this.options.onBatchCommitted?.(this.batches, this.written);
  }
}
