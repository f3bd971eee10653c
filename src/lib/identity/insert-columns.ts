/**
 * Bulk inserts through the database seam: each column bound as one VARCHAR list and unnested in
 * SQL, so thousands of rows go in with one statement on Node and in the browser alike.
 */
import type { Database } from '../db/database.ts';

/** Marks a NULL inside a VARCHAR list bound as a parameter (lists cannot hold NULL). */
const NULL_MARK = '\uE000';

const orNull = (value: string | null | undefined) => value ?? NULL_MARK;

/**
 * Inserts columns of equal length into `table` with one statement. Values are text (or null);
 * `casts` gives a column's SQL type when it is not VARCHAR (e.g. `{ lines: 'INTEGER' }`).
 */
export async function insertColumns(
  db: Database,
  table: string,
  columns: Record<string, (string | null)[]>,
  casts: Record<string, string> = {},
): Promise<void> {
  const names = Object.keys(columns);
  const length = columns[names[0]!]!.length;
  if (length === 0) return;
  const select = names
    .map((name) => {
      const value = `nullif(unnest($${name}), '${NULL_MARK}')`;
      return casts[name] ? `CAST(${value} AS ${casts[name]})` : value;
    })
    .join(', ');
  const params: Record<string, string[]> = {};
  for (const name of names) params[name] = columns[name]!.map(orNull);
  await db.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${select}`, params);
}
