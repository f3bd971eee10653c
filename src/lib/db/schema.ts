import schemaSql from './schema.sql?raw';
import { BarometerError } from '../errors.ts';
import type { Database } from './database.ts';
import { refuseForeignDatabase } from './foreign-database.ts';

/** The schema version written to `barometer_meta`; bump it with a migration when a table changes. */
export const SCHEMA_VERSION = '1';

/**
 * Creates every table that does not exist yet and marks the database as Barometer's. Throws
 * `database`, before writing anything, when the database holds another tool's tables.
 */
export async function ensureSchema(db: Database): Promise<void> {
  await refuseForeignDatabase(db);
  await db.exec(schemaSql);
  await db.query(
    `INSERT INTO barometer_meta VALUES ('schema_version', $version) ON CONFLICT (key) DO NOTHING`,
    { version: SCHEMA_VERSION },
  );
}

/**
 * Throws `database` when `db` was not made by Barometer (no `barometer_meta`), so a report on a
 * stranger's file says so in one line instead of failing on a missing table.
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
}
