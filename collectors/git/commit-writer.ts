/**
 * Streams mined commits into DuckDB in batches: each batch (commits with their changed files and
 * trailers) is appended inside one transaction, so a commit lands whole or not at all and memory
 * holds one batch, whatever the history's length.
 */
import { DuckDBTimestampValue, type DuckDBAppender } from '@duckdb/node-api';
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

function varcharOrNull(appender: DuckDBAppender, value: string | null): void {
  if (value === null) appender.appendNull();
  else appender.appendVarchar(value);
}

function intOrNull(appender: DuckDBAppender, value: number | null): void {
  if (value === null) appender.appendNull();
  else appender.appendInteger(value);
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
    await this.db.transaction(async () => {
      const commits = await this.db.connection.createAppender('commits');
      const files = await this.db.connection.createAppender('commit_files');
      const trailers = await this.db.connection.createAppender('trailers');
      try {
        for (const commit of batch) this.append(commits, files, trailers, commit);
        commits.flushSync();
        files.flushSync();
        trailers.flushSync();
      } finally {
        commits.closeSync();
        files.closeSync();
        trailers.closeSync();
      }
    });
    this.written += batch.length;
    this.batches++;
    await this.options.onBatchCommitted?.(this.batches, this.written);
  }

  private append(
    commits: DuckDBAppender,
    files: DuckDBAppender,
    trailers: DuckDBAppender,
    commit: MinedCommit,
  ): void {
    const repo = this.repository;
    commits.appendVarchar(repo);
    commits.appendVarchar(commit.id);
    commits.appendInteger(commit.parents.length);
    commits.appendVarchar(commit.author.name);
    commits.appendVarchar(commit.author.email);
    commits.appendTimestamp(timestamp(commit.author.time));
    commits.appendSmallInt(commit.author.utcOffsetMinutes);
    commits.appendVarchar(commit.committer.name);
    commits.appendVarchar(commit.committer.email);
    commits.appendTimestamp(timestamp(commit.committer.time));
    commits.appendSmallInt(commit.committer.utcOffsetMinutes);
    commits.appendVarchar(subjectOf(commit.message));
    commits.endRow();
    // Merges get no files: their changes are the merged commits' own.
    if (commit.files && commit.parents.length <= 1) {
      for (const file of uniqueFiles(commit.files)) {
        files.appendVarchar(repo);
        files.appendVarchar(commit.id);
        files.appendVarchar(file.path);
        varcharOrNull(files, file.oldPath);
        intOrNull(files, file.isBinary ? null : file.linesAdded);
        intOrNull(files, file.isBinary ? null : file.linesDeleted);
        files.appendBoolean(file.isBinary);
        files.endRow();
      }
    }
    for (const trailer of parseTrailers(commit.message)) {
      trailers.appendVarchar(repo);
      trailers.appendVarchar(commit.id);
      trailers.appendInteger(trailer.position);
      trailers.appendVarchar(trailer.key);
      trailers.appendVarchar(trailer.value);
      varcharOrNull(trailers, trailer.personName);
      varcharOrNull(trailers, trailer.personEmail);
      trailers.endRow();
    }
  }
}
