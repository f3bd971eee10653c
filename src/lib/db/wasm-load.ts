/**
 * Loads an export (Arrow IPC stream files, one per table, listed in a manifest) into duckdb-wasm,
 * the same way in the dashboard and in the parity test. Arrow, not Parquet: duckdb-wasm 1.32 has
 * no Parquet reader built in (it downloads the `parquet` extension at first use, and the dashboard
 * must work with the network closed), while Arrow IPC is read by duckdb-wasm's own code.
 */
import type { DataManifest } from './wasm-manifest.ts';

/** What loading needs from a duckdb-wasm connection (async and blocking connections both fit). */
export interface ArrowInsertTarget {
  insertArrowFromIPCStream(
    buffer: Uint8Array,
    options: { name: string; create?: boolean },
  ): Promise<void> | void;
  query(sql: string): unknown;
}

/** Reads one data file of the export by its file name (`contributions.arrow`): fetch, or fs. */
export type ReadDataFile = (file: string) => Promise<Uint8Array>;

/**
 * Creates (or replaces) the table `name` from one Arrow IPC stream file. A table with no rows is
 * made from its file too: the file carries the schema.
 */
export async function loadArrowTable(
  connection: ArrowInsertTarget,
  name: string,
  bytes: Uint8Array,
): Promise<void> {
  await connection.query(`DROP TABLE IF EXISTS "${name.replaceAll('"', '""')}"`);
  await connection.insertArrowFromIPCStream(bytes, { name, create: true });
}

/**
 * Creates one table per manifest entry from its Arrow file. Files are fetched concurrently and
 * inserted one by one (a connection runs one statement at a time).
 */
export async function loadArrowTables(
  connection: ArrowInsertTarget,
  manifest: DataManifest,
  read: ReadDataFile,
): Promise<void> {
  const pending = manifest.tables.map((table) => ({ table, bytes: read(table.file) }));
  for (const { table, bytes } of pending) {
    await loadArrowTable(connection, table.name, await bytes);
  }
}
