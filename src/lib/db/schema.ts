import schemaSql from './schema.sql?raw';
import { BarometerError } from '../errors.ts';
import type { Database } from './database.ts';
import { refuseForeignDatabase } from './foreign-database.ts';

/** The schema version written to `barometer_meta`; bump it with a migration when a table changes. */
export const SCHEMA_VERSION = '2';

/**
 * Version 2 stores what version 1 never read from git (each commit's parents, so its place on the
 * branch, and trailers in every tag paragraph), so a version 1 database keeps its GitHub tables and
 * its repositories but forgets their mined history, which the next `collect` mines again.
 */
const FROM_VERSION_1 = `
DROP TABLE IF EXISTS contributions;
DROP TABLE IF EXISTS trailers;
DROP TABLE IF EXISTS commit_files;
DROP TABLE IF EXISTS commits;
UPDATE repositories SET head_commit_id = NULL;
DELETE FROM barometer_meta WHERE key LIKE 'affiliations:%';
`;

/**
 * The stored time of a date git could not read (the epoch, as git itself shows such dates), as a
 * SQL literal: such a time is no date at all, so date ranges and first days leave it out.
 */
export const UNDATED_SQL = `TIMESTAMP '1970-01-01 00:00:00'`;

/** What {@link ensureSchema} did. */
export interface SchemaResult {
  /** The version the database had before an upgrade, or null when none was needed. */
  upgradedFrom: string | null;
}

/** The stored schema version, or null in a database without `barometer_meta`. */
async function storedVersion(db: Database): Promise<string | null> {
  const tables = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'barometer_meta'`,
  );
  if (!tables[0] || tables[0].n === 0) return null;
  const rows = await db.query<{ value: string }>(
    `SELECT value FROM barometer_meta WHERE key = 'schema_version'`,
  );
  return rows[0]?.value ?? null;
}

/**
 * Creates every table that does not exist yet and marks the database as Barometer's, upgrading an
 * older Barometer database first (version 1: its history is forgotten, to be mined again). Throws
 * `database`, before writing anything, when the database holds another tool's tables.
 */
export async function ensureSchema(db: Database): Promise<SchemaResult> {
  await refuseForeignDatabase(db);
  const version = await storedVersion(db);
  let upgradedFrom: string | null = null;
  if (version === '1') {
    await db.exec(`BEGIN TRANSACTION;\n${FROM_VERSION_1}\n${schemaSql}\nCOMMIT;`);
    upgradedFrom = version;
  }
  await db.exec(schemaSql);
  await db.query(
    `INSERT INTO barometer_meta VALUES ('schema_version', $version)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    { version: SCHEMA_VERSION },
  );
  return { upgradedFrom };
}

/**
 * Throws `database` when `db` was not made by Barometer (no `barometer_meta`), so a report on a
 * stranger's file says so in one line instead of failing on a missing table, and when an older
 * Barometer made it (collect upgrades it).
 */
export async function assertBarometerDatabase(db: Database, path: string): Promise<void> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'barometer_meta'`,
  );
  if (!rows[0] || rows[0].n === 0) {
    throw new BarometerError(
      'database',
      `${path} is not a Barometer database (no barometer_meta table); run \`barometer collect\` to make one`,
      { file: path },
    );
  }
  const version = await storedVersion(db);
  if (version !== null && Number(version) < Number(SCHEMA_VERSION)) {
    throw new BarometerError(
      'database',
      `${path} was collected by an older Barometer (schema ${version}); run \`barometer collect\` on it again`,
      { file: path, value: version },
    );
  }
}
