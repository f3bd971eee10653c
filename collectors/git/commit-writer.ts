/**
 * Streams mined commits into DuckDB in batches: each batch (commits with their changed files and
 * trailers) is appended inside one transaction, so a commit lands whole or not at all and memory
 * holds one batch, whatever the history's length.
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
import type { MinedCommit, MinedFile } from './commit-source.ts';
import { subjectOf } from './parse-commit.ts';
import { parseTrailers } from './parse-trailers.ts';

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

const timestamp = (date: Date) => new DuckDBTimestampValue(BigInt(date.getTime()) * 1000n);

/** Column types of the three tables, in their column order (see src/lib/db/schema.sql). */
const COMMIT_TYPES = [
  VARCHAR,
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
const FILE_TYPES = [VARCHAR, VARCHAR, VARCHAR, VARCHAR, INTEGER, INTEGER, BOOLEAN];
const TRAILER_TYPES = [VARCHAR, VARCHAR, INTEGER, VARCHAR, VARCHAR, VARCHAR, VARCHAR];

/** DuckDB's largest data chunk, in rows. */
const CHUNK_ROWS = 2048;

/**
 * Rows of one table gathered column by column in chunks of {@link CHUNK_ROWS}, appended as data
 * chunks: far fewer native calls than row by row, and no copying of columns to cut them into chunks.
 */
class Columns {
  private readonly chunks: DuckDBValue[][][] = [];
  private current: DuckDBValue[][] | null = null;
  private count = 0;
  constructor(private readonly types: DuckDBType[]) {}
  /** The columns to push one row's values onto (one value each, in column order). */
  row(): DuckDBValue[][] {
    if (this.count % CHUNK_ROWS === 0) {
      this.current = this.types.map(() => []);
      this.chunks.push(this.current);
    }
    this.count++;
    return this.current!;
  }
  get rows(): number {
    return this.count;
  }
  async append(db: NodeDatabase, table: string): Promise<void> {
    if (this.count === 0) return;
    const appender = await db.connection.createAppender(table);
    try {
      for (const columns of this.chunks) {
        const chunk = DuckDBDataChunk.create(this.types, columns[0]!.length);
        chunk.setColumns(columns);
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
  }
}

/**
 * One row per path: a path git lists twice (a type change shown as a deletion and an addition)
 * becomes one row with the counts summed.
 */
function uniqueFiles(files: MinedFile[]): MinedFile[] {
  const byPath = new Map<string, MinedFile>();
  for (const file of files) {
    const prior = byPath.get(file.path);
    if (!prior) {
      byPath.set(file.path, file);
      continue;
    }
    const binary = prior.isBinary || file.isBinary;
    byPath.set(file.path, {
      path: file.path,
      oldPath: prior.oldPath ?? file.oldPath,
      linesAdded: binary ? null : (prior.linesAdded ?? 0) + (file.linesAdded ?? 0),
      linesDeleted: binary ? null : (prior.linesDeleted ?? 0) + (file.linesDeleted ?? 0),
      isBinary: binary,
    });
  }
  return [...byPath.values()];
}

/** The rows of one batch, gathered and ready to append. */
interface GatheredBatch {
  commits: Columns;
  files: Columns;
  trailers: Columns;
  size: number;
}

/**
 * Appends commits of one repository to `commits`, `commit_files` and `trailers`.
 *
 * Writing is pipelined: while DuckDB commits one batch (on its own thread), the caller goes on
 * reading and gathering the next one; at most one batch is being written at any time, and each
 * batch is still one transaction. Call {@link flush} at the end, and {@link settle} on the way out
 * when the walk failed, so no write outlives the run.
 */
export class CommitWriter {
  private pending: MinedCommit[] = [];
  private pendingFiles = 0;
  private batches = 0;
  /** The batch being written, if any; its failure surfaces at the next add or flush. */
  private inFlight: Promise<void> | null = null;
  /** Commits committed to the database so far. */
  written = 0;
  private readonly batchSize: number;
  private readonly batchFiles: number;

  constructor(
    private readonly db: NodeDatabase,
    private readonly repository: string,
    private readonly options: CommitWriterOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.batchFiles = options.batchFiles ?? 50_000;
  }

  /** Queues a commit; starts writing the batch when it is full. */
  async add(commit: MinedCommit): Promise<void> {
    this.pending.push(commit);
    this.pendingFiles += commit.files?.length ?? 0;
    if (this.pending.length >= this.batchSize || this.pendingFiles >= this.batchFiles) {
      await this.startBatch();
    }
  }

  /** Writes every queued commit and waits until all of them are committed. */
  async flush(): Promise<void> {
    await this.startBatch();
    const inFlight = this.inFlight;
    this.inFlight = null;
    await inFlight;
  }

  /** Waits for the batch being written, if any, ignoring its outcome (for error paths). */
  async settle(): Promise<void> {
    await this.inFlight?.catch(() => {});
    this.inFlight = null;
  }

  private async startBatch(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingFiles = 0;
    // Gathered while the previous batch is still being committed.
    const gathered = this.gatherBatch(batch);
    const previous = this.inFlight;
    this.inFlight = null;
    await previous;
    const write = this.write(gathered);
    // Marked handled now; the rejection is still seen by whoever awaits it next.
    write.catch(() => {});
    this.inFlight = write;
  }

  private async write(batch: GatheredBatch): Promise<void> {
    await this.db.transaction(async () => {
      await batch.commits.append(this.db, 'commits');
      await batch.files.append(this.db, 'commit_files');
      await batch.trailers.append(this.db, 'trailers');
    });
    this.written += batch.size;
    this.batches++;
    await this.options.onBatchCommitted?.(this.batches, this.written);
  }

  private gatherBatch(batch: MinedCommit[]): GatheredBatch {
    const gathered: GatheredBatch = {
      commits: new Columns(COMMIT_TYPES),
      files: new Columns(FILE_TYPES),
      trailers: new Columns(TRAILER_TYPES),
      size: batch.length,
    };
    for (const commit of batch) this.gather(gathered, commit);
    return gathered;
  }

  private gather({ commits, files, trailers }: GatheredBatch, commit: MinedCommit): void {
    const repo = this.repository;
    const id = commit.id;
    const c = commits.row();
    c[0]!.push(repo);
    c[1]!.push(id);
    c[2]!.push(commit.parents.length);
    c[3]!.push(commit.author.name);
    c[4]!.push(commit.author.email);
    c[5]!.push(timestamp(commit.author.time));
    c[6]!.push(commit.author.utcOffsetMinutes);
    c[7]!.push(commit.committer.name);
    c[8]!.push(commit.committer.email);
    c[9]!.push(timestamp(commit.committer.time));
    c[10]!.push(commit.committer.utcOffsetMinutes);
    c[11]!.push(subjectOf(commit.message));
    // Merges get no files: their changes are the merged commits' own.
    if (commit.files && commit.parents.length <= 1) {
      for (const file of uniqueFiles(commit.files)) {
        const f = files.row();
        f[0]!.push(repo);
        f[1]!.push(id);
        f[2]!.push(file.path);
        f[3]!.push(file.oldPath);
        f[4]!.push(file.isBinary ? null : file.linesAdded);
        f[5]!.push(file.isBinary ? null : file.linesDeleted);
        f[6]!.push(file.isBinary);
      }
    }
    for (const trailer of parseTrailers(commit.message)) {
      const t = trailers.row();
      t[0]!.push(repo);
      t[1]!.push(id);
      t[2]!.push(trailer.position);
      t[3]!.push(trailer.key);
      t[4]!.push(trailer.value);
      t[5]!.push(trailer.personName);
      t[6]!.push(trailer.personEmail);
    }
  }
}
