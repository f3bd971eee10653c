/**
 * The rows a batch of mined commits becomes in `commits`, `commit_files` and `trailers`, gathered
 * column by column as plain values (pure; the writer appends them to DuckDB).
 */
import type { MinedCommit, MinedFile } from './commit-source.ts';
import { subjectOf } from './parse-commit.ts';
import { parseTrailers } from './parse-trailers.ts';

/** A cell: text, a number, a flag, a time in microseconds since the epoch (bigint), or null. */
export type Cell = string | number | boolean | bigint | null;

/**
 * One table's rows, column by column in the table's column order without the leading
 * `repository` column, which is the same for every row and added by the writer.
 */
export interface TableRows {
  columns: Cell[][];
  rows: number;
}

/** The rows of one batch of commits. */
export interface GatheredRows {
  /** Commits in the batch. */
  size: number;
  commits: TableRows;
  commitFiles: TableRows;
  trailers: TableRows;
}

/** Microseconds since the epoch; one BigInt where the product is exact (before the year 2255). */
function micros(date: Date): bigint {
  const ms = date.getTime();
  return Math.abs(ms) < 9e12 ? BigInt(ms * 1000) : BigInt(ms) * 1000n;
}

function table(width: number): TableRows {
  return { columns: Array.from({ length: width }, () => []), rows: 0 };
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

/**
 * Gathers `commits` into rows: one per commit (with its subject), one per changed file of a
 * non-merge commit, one per trailer of its message.
 */
export function gatherRows(commits: MinedCommit[]): GatheredRows {
  const out: GatheredRows = {
    size: commits.length,
    commits: table(11),
    commitFiles: table(6),
    trailers: table(6),
  };
  const c = out.commits.columns;
  const f = out.commitFiles.columns;
  const t = out.trailers.columns;
  for (const commit of commits) {
    const id = commit.id;
    c[0]!.push(id);
    c[1]!.push(commit.parents.length);
    c[2]!.push(commit.author.name);
    c[3]!.push(commit.author.email);
    c[4]!.push(micros(commit.author.time));
    c[5]!.push(commit.author.utcOffsetMinutes);
    c[6]!.push(commit.committer.name);
    c[7]!.push(commit.committer.email);
    c[8]!.push(micros(commit.committer.time));
    c[9]!.push(commit.committer.utcOffsetMinutes);
    c[10]!.push(subjectOf(commit.message));
    // Merges get no files: their changes are the merged commits' own.
    if (commit.files && commit.parents.length <= 1) {
      for (const file of uniqueFiles(commit.files)) {
        f[0]!.push(id);
        f[1]!.push(file.path);
        f[2]!.push(file.oldPath);
        f[3]!.push(file.isBinary ? null : file.linesAdded);
        f[4]!.push(file.isBinary ? null : file.linesDeleted);
        f[5]!.push(file.isBinary);
      }
    }
    for (const trailer of parseTrailers(commit.message)) {
      t[0]!.push(id);
      t[1]!.push(trailer.position);
      t[2]!.push(trailer.key);
      t[3]!.push(trailer.value);
      t[4]!.push(trailer.personName);
      t[5]!.push(trailer.personEmail);
    }
  }
  out.commits.rows = commits.length;
  out.commitFiles.rows = f[0]!.length;
  out.trailers.rows = t[0]!.length;
  return out;
}
