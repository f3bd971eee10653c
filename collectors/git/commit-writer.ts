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

/** Batches gathered and not yet committed before `add` waits (memory holds at most this many). */
const MAX_UNFINISHED = 3;

/**
 * Appends commits of one repository to `commits`, `commit_files` and `trailers`.
 *
 * Writing is pipelined: while DuckDB commits a batch (its WAL write and fsync run on DuckDB's own
 * thread), the caller goes on reading and gathering the next ones; batches are written one at a
 * time, in order, each in its own transaction, and a failed batch stops every later one. Call
 * {@link flush} at the end, and {@link settle} on the way out when the walk failed, so no write
 * outlives the run.
 */
export class CommitWriter {
  private pending: MinedCommit[] = [];
  private pendingFiles = 0;
  private batches = 0;
  /** Writes not yet settled, oldest first; each starts when the one before has committed. */
  private writes: Promise<void>[] = [];
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

  /** Queues a commit; starts writing the batch when it is full. */
  async add(commit: MinedCommit): Promise<void> {
    await this.addAll([commit]);
  }

  /** Queues commits in order; starts writing each batch as it fills. */
  async addAll(commits: readonly MinedCommit[]): Promise<void> {
    for (const commit of commits) {
      this.pending.push(commit);
      this.pendingFiles += commit.files?.length ?? 0;
      if (this.pending.length >= this.batchSize || this.pendingFiles >= this.batchFiles) {
        await this.addRows(this.gatherPending());
      }
    }
  }

  private async addRows(rows: GatheredRows): Promise<void> {
    this.startWrite(rows);
    // Bounded memory, and a failed write stops the walk here.
    if (this.writes.length >= MAX_UNFINISHED) await this.writes[0];
  }

  /** Writes every queued commit and waits until all of them are committed. */
  async flush(): Promise<void> {
    if (this.pending.length > 0) this.startWrite(this.gatherPending());
    await this.writes.at(-1);
  }

  /** Waits for every batch being written, ignoring the outcome (for error paths). */
  async settle(): Promise<void> {
    await this.writes.at(-1)?.catch(() => {});
  }

  private gatherPending(): GatheredRows {
    const batch = this.pending;
    this.pending = [];
    this.pendingFiles = 0;
    return gatherRows(batch);
  }

  private startWrite(gathered: GatheredRows): void {
    const previous = this.writes.at(-1) ?? Promise.resolve();
    const write = previous.then(() => this.write(gathered));
    // Marked handled now; the rejection is still seen by whoever awaits it next.
    write.catch(() => {});
    void write.finally(() => this.writes.splice(this.writes.indexOf(write), 1)).catch(() => {});
    this.writes.push(write);
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
