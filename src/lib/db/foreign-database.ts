/**
 * Barometer writes only into a database that is empty or its own: a DuckDB file some other tool
 * made (with its own `commits` table, say) is refused before anything is written to it.
 */
import { BarometerError } from '../errors.ts';
import type { Database } from './database.ts';

/** Tables named in the refusal before the rest are counted. */
const NAMED = 5;

/**
 * Throws `database` when `db` holds tables or views but no `barometer_meta` table: the file belongs
 * to something else. `db.path`, when the adapter has one, names the file in the message.
 */
export async function refuseForeignDatabase(db: Database & { path?: string }): Promise<void> {
  const rows = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_catalog = current_database() ORDER BY table_name`,
  );
  if (rows.length === 0 || rows.some((row) => row.name === 'barometer_meta')) return;
  const file = db.path ?? 'the database';
  const names = rows.slice(0, NAMED).map((row) => row.name);
  const more = rows.length > NAMED ? ` and ${rows.length - NAMED} more` : '';
  throw new BarometerError(
    'database',
    `${file} is not a Barometer database (it holds ${names.join(', ')}${more}, and no barometer_meta); ` +
      'Barometer writes only into a new database or one it made: give another --db',
    { file },
  );
}
