/**
 * Copies tables of a Node database into another database (duckdb-wasm in the parity tests), row for
 * row: every column as text, cast back to its type, timestamps to the microsecond.
 */
import type { Database } from '../../src/lib/db/database.ts';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import { wasmDatabase } from '../../src/lib/db/wasm.ts';
import { insertColumns } from '../../src/lib/identity/insert-columns.ts';
import { openWasmEngine } from '../lib/db/wasm-engine.ts';

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

/**
 * A fresh in-memory duckdb-wasm database with Barometer's schema, holding `tables` copied from
 * `from`: the browser's engine over the same rows, for the parity tests. `close` ends the engine.
 */
export async function wasmCopyOf(
  from: NodeDatabase,
  tables: readonly string[],
): Promise<{ wasm: Database; close(): void }> {
  const engine = await openWasmEngine();
  const wasm = wasmDatabase(engine.connection);
  await ensureSchema(wasm);
  await copyTables(from, wasm, tables);
  return { wasm, close: engine.close };
}
