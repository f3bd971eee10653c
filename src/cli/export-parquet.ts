/**
 * `barometer export --parquet DIR`: every table of a Barometer database (the raw tables and those
 * derived from them) as Parquet files written by DuckDB, partitioned by repository where a table
 * has a `repository` column (`DIR/commits/repository=xen.git/data_0.parquet`, values URL-encoded
 * as Hive does, NULL as `__HIVE_DEFAULT_PARTITION__`), the others one file each
 * (`DIR/messages/data_0.parquet`). A table with no rows is one empty file that keeps its columns.
 * `DIR/barometer-export.json` lists what was written. The folder is filled beside DIR and renamed
 * into place, so an interrupted export leaves the previous one whole; a DIR holding anything else
 * is refused. See docs/warehouses.md.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { NodeDatabase } from '../lib/db/node.ts';
import { BarometerError } from '../lib/errors.ts';
import type { Clock } from '../lib/effects.ts';

/** The file that marks a folder as an export of Barometer's, and says what it holds. */
export const PARQUET_MANIFEST = 'barometer-export.json';

/** One exported table. */
export interface ParquetTable {
  name: string;
  /** True when its files are partitioned by `repository`. */
  partitioned: boolean;
  rows: number;
  /** Parquet files written and their bytes together. */
  files: number;
  bytes: number;
}

/** `barometer-export.json`, format version 1. */
export interface ParquetManifest {
  format: 'barometer-parquet';
  version: 1;
  project: string;
  /** UTC instant it was written, ISO 8601. */
  exportedAt: string;
  tables: ParquetTable[];
}

/** A path as a SQL string literal. */
const literal = (path: string) => `'${path.replaceAll("'", "''")}'`;
/** A table or column name as a SQL identifier. */
const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every regular file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Throws `bad-input` unless `dir` is missing, empty, or an earlier export (its manifest and the
 * table folders it names, nothing else): an export never deletes what it did not write.
 */
export function checkExportFolder(dir: string, shown: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) {
    throw new BarometerError('bad-input', `--parquet ${shown}: a file is in the way`, {
      field: '--parquet',
      file: shown,
    });
  }
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  let written: string[] | null = null;
  try {
    const manifest = JSON.parse(
      readFileSync(join(dir, PARQUET_MANIFEST), 'utf8'),
    ) as ParquetManifest;
    if (manifest.format === 'barometer-parquet' && Array.isArray(manifest.tables)) {
      written = manifest.tables.map((t) => t.name);
    }
  } catch {
    written = null;
  }
  const stranger = entries
    .sort()
    .find((entry) => written === null || (entry !== PARQUET_MANIFEST && !written.includes(entry)));
  if (stranger !== undefined) {
    throw new BarometerError(
      'bad-input',
      `--parquet ${shown}: the folder holds '${stranger}' that no Barometer export wrote; give an empty or new folder`,
      { field: '--parquet', file: shown, value: stranger },
    );
  }
}

/** The tables of `db` with whether each has a `repository` column, by name. */
async function tablesOf(db: NodeDatabase): Promise<Array<{ name: string; partitioned: boolean }>> {
  const rows = await db.query<{ name: string; partitioned: boolean }>(
    `SELECT t.table_name AS name,
            bool_or(c.column_name = 'repository') AS partitioned
     FROM information_schema.tables AS t
     JOIN information_schema.columns AS c
       ON c.table_schema = t.table_schema AND c.table_name = t.table_name
     WHERE t.table_schema = 'main' AND t.table_type = 'BASE TABLE'
     GROUP BY t.table_name
     ORDER BY t.table_name`,
  );
  return rows;
}

/** Writes one table into `folder` (made here): partitioned, one file, or one empty file. */
async function writeTable(
  db: NodeDatabase,
  table: { name: string; partitioned: boolean },
  folder: string,
): Promise<ParquetTable> {
  const [{ rows } = { rows: 0 }] = await db.query<{ rows: number }>(
    `SELECT count(*) AS rows FROM ${identifier(table.name)}`,
  );
  const name = identifier(table.name);
  if (table.partitioned && rows > 0) {
    await db.exec(`COPY ${name} TO ${literal(folder)} (FORMAT parquet, PARTITION_BY (repository))`);
  } else if (table.partitioned) {
    // No rows make no partition: one empty file in the NULL partition keeps the columns and
    // lets the same glob read the table.
    const empty = join(folder, 'repository=__HIVE_DEFAULT_PARTITION__');
    mkdirSync(empty, { recursive: true });
    await db.exec(
      `COPY (SELECT * EXCLUDE (repository) FROM ${name}) TO ${literal(join(empty, 'data_0.parquet'))} (FORMAT parquet)`,
    );
  } else {
    mkdirSync(folder, { recursive: true });
    await db.exec(`COPY ${name} TO ${literal(join(folder, 'data_0.parquet'))} (FORMAT parquet)`);
  }
  const files = filesUnder(folder);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return { name: table.name, partitioned: table.partitioned, rows, files: files.length, bytes };
}

/**
 * Exports every table of `db` to `dir` as Parquet (see the module comment) and returns the
 * manifest written. Throws `bad-input` for a folder it may not replace ({@link checkExportFolder}).
 */
export async function exportParquet(
  db: NodeDatabase,
  dir: string,
  options: { project: string; clock: Clock; shown?: string },
): Promise<ParquetManifest> {
  checkExportFolder(dir, options.shown ?? dir);
  const staging = join(dirname(dir), `.${basename(dir)}.tmp-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const tables: ParquetTable[] = [];
    for (const table of await tablesOf(db)) {
      tables.push(await writeTable(db, table, join(staging, table.name)));
    }
    const manifest: ParquetManifest = {
      format: 'barometer-parquet',
      version: 1,
      project: options.project,
      exportedAt: options.clock().toISOString(),
      tables,
    };
    writeFileSync(join(staging, PARQUET_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
    return manifest;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The files of an export, relative to its folder, sorted (for messages and tests). */
export function exportedFiles(dir: string): string[] {
  return filesUnder(dir)
    .map((file) => relative(dir, file))
    .sort();
}
