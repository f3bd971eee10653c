/**
 * Copies tables of a Node database into another database (duckdb-wasm in the parity tests), row for
 * row: every column as text, cast back to its type, timestamps to the microsecond.
 */
import type { Database } from '../../src/lib/db/database.ts';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import { insertColumns } from '../../src/lib/identity/insert-columns.ts';

/** Copies `tables` (each must exist in both) from `from` into `to`. */
export async function copyTables(
  from: NodeDatabase,
  to: Database,
  tables: readonly string[],
): Promise<void> {
  for (const table of tables) {
    const columns = await from.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
       WHERE table_name = $table ORDER BY ordinal_position`,
      { table },
    );
    const select = columns
      .map((c) =>
        c.type === 'TIMESTAMP'
          ? `strftime(${c.name}, '%Y-%m-%d %H:%M:%S.%f') AS ${c.name}`
          : `CAST(${c.name} AS VARCHAR) AS ${c.name}`,
      )
      .join(', ');
    const rows = await from.query<Record<string, string | null>>(`SELECT ${select} FROM ${table}`);
    if (rows.length === 0) continue;
    await insertColumns(
      to,
      table,
      Object.fromEntries(columns.map((c) => [c.name, rows.map((row) => row[c.name] ?? null)])),
      Object.fromEntries(columns.filter((c) => c.type !== 'VARCHAR').map((c) => [c.name, c.type])),
    );
  }
}
