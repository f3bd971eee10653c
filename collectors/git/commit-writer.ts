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
  /** Called after each batch is committed, with its 1-based number and the commits written so far. */
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

/** Rows of one table gathered column by column, appended as data chunks (far fewer native calls than row by row). */
class Columns {
  readonly columns: DuckDBValue[][];
  constructor(private readonly types: DuckDBType[]) {
    this.columns = types.map(() => []);
  }
  add(...values: DuckDBValue[]): void {
    for (let i = 0; i < values.length; i++) this.columns[i]!.push(values[i]!);
  }
  get rows(): number {
    return this.columns[0]!.length;
  }
  async append(db: NodeDatabase, table: string): Promise<void> {
    if (this.rows === 0) return;
    const appender = await db.connection.createAppender(table);
    try {
      for (let start = 0; start < this.rows; start += CHUNK_ROWS) {
        const end = Math.min(this.rows, start + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(this.types, end - start);
        chunk.setColumns(this.columns.map((column) => column.slice(start, end)));
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

/** Appends commits of one repository to `commits`, `commit_files` and `trailers`. */
export class CommitWriter {
  private pending: MinedCommit[] = [];
  private pendingFiles = 0;
  private batches = 0;
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

  /** Queues a commit; writes the batch when it is full. */
  async add(commit: MinedCommit): Promise<void> {
    this.pending.push(commit);
    this.pendingFiles += commit.files?.length ?? 0;
    if (this.pending.length >= this.batchSize || this.pendingFiles >= this.batchFiles) {
      await this.flush();
    }
  }

  /** Writes every queued commit in one transaction. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingFiles = 0;
    const commits = new Columns(COMMIT_TYPES);
    const files = new Columns(FILE_TYPES);
    const trailers = new Columns(TRAILER_TYPES);
    for (const commit of batch) this.gather(commits, files, trailers, commit);
    await this.db.transaction(async () => {
      await commits.append(this.db, 'commits');
      await files.append(this.db, 'commit_files');
      await trailers.append(this.db, 'trailers');
    });
    this.written += batch.length;
    this.batches++;
    await this.options.onBatchCommitted?.(this.batches, this.written);
  }

  private gather(commits: Columns, files: Columns, trailers: Columns, commit: MinedCommit): void {
    const repo = this.repository;
    commits.add(
      repo,
      commit.id,
      commit.parents.length,
      commit.author.name,
      commit.author.email,
      timestamp(commit.author.time),
      commit.author.utcOffsetMinutes,
      commit.committer.name,
      commit.committer.email,
      timestamp(commit.committer.time),
      commit.committer.utcOffsetMinutes,
      subjectOf(commit.message),
    );
    // Merges get no files: their changes are the merged commits' own.
    if (commit.files && commit.parents.length <= 1) {
      for (const file of uniqueFiles(commit.files)) {
        files.add(
          repo,
          commit.id,
          file.path,
          file.oldPath,
          file.isBinary ? null : file.linesAdded,
          file.isBinary ? null : file.linesDeleted,
          file.isBinary,
        );
      }
    }
    for (const trailer of parseTrailers(commit.message)) {
      trailers.add(
        repo,
        commit.id,
        trailer.position,
        trailer.key,
        trailer.value,
        trailer.personName,
        trailer.personEmail,
      );
    }
  }
}
