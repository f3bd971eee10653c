/**
 * The rows a mined commit becomes in `commits`, `commit_files` and `trailers`, written cell by cell
 * into the tables' data chunks.
 */
import type { MinedCommit, MinedFile } from './commit-source.ts';
import { subjectOf } from './parse-commit.ts';
import { parseTrailers } from './parse-trailers.ts';
import { TableChunks, type ColumnKind } from './table-chunks.ts';

/** The three tables a commit's rows go to (see src/lib/db/schema.sql for their columns). */
export interface CommitTables {
  commits: TableChunks;
  commitFiles: TableChunks;
  trailers: TableChunks;
}

/** Column kinds of `commits`, `commit_files` and `trailers` after their `repository` column. */
const COMMIT_COLUMNS: readonly ColumnKind[] = [
  'varchar',
  'integer',
  'varchar',
  'varchar',
  'timestamp',
  'smallint',
  'varchar',
  'varchar',
  'timestamp',
  'smallint',
  'varchar',
  'varchar',
];
const FILE_COLUMNS: readonly ColumnKind[] = [
  'varchar',
  'varchar',
  'varchar',
  'integer',
  'integer',
  'boolean',
];
const TRAILER_COLUMNS: readonly ColumnKind[] = [
  'varchar',
  'integer',
  'varchar',
  'varchar',
  'varchar',
  'varchar',
  'boolean',
];

/** Empty row builders for the three tables, for one repository's commits. */
export function commitTables(repository: string): CommitTables {
  return {
    commits: new TableChunks(COMMIT_COLUMNS, repository),
    commitFiles: new TableChunks(FILE_COLUMNS, repository),
    trailers: new TableChunks(TRAILER_COLUMNS, repository),
  };
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
 * Adds a commit's rows: one in `commits` (with its subject), one in `commit_files` per changed file
 * of a non-merge commit, one in `trailers` per trailer of its message.
 */
export function addCommitRows(commit: MinedCommit, tables: CommitTables): void {
  const id = commit.id;
  const c = tables.commits;
  c.row();
  c.string(1, id);
  c.integer(2, commit.parents.length);
  c.string(3, commit.author.name);
  c.string(4, commit.author.email);
  c.timestamp(5, commit.author.time.getTime());
  c.smallint(6, commit.author.utcOffsetMinutes);
  c.string(7, commit.committer.name);
  c.string(8, commit.committer.email);
  c.timestamp(9, commit.committer.time.getTime());
  c.smallint(10, commit.committer.utcOffsetMinutes);
  c.string(11, subjectOf(commit.message));
  c.string(12, commit.parents.join(' '));
  // Merges get no files: their changes are the merged commits' own.
  if (commit.files && commit.parents.length <= 1) {
    const f = tables.commitFiles;
    for (const file of uniqueFiles(commit.files)) {
      f.row();
      f.string(1, id);
      f.string(2, file.path);
      f.string(3, file.oldPath);
      f.integer(4, file.isBinary ? null : file.linesAdded);
      f.integer(5, file.isBinary ? null : file.linesDeleted);
      f.boolean(6, file.isBinary);
    }
  }
  const t = tables.trailers;
  for (const trailer of parseTrailers(commit.message)) {
    t.row();
    t.string(1, id);
    t.integer(2, trailer.position);
    t.string(3, trailer.key);
    t.string(4, trailer.value);
    t.string(5, trailer.personName);
    t.string(6, trailer.personEmail);
    t.boolean(7, trailer.gitTrailer);
  }
}
