/**
 * The dashboard's path below the browser, for the parity tests: a Node database exported by
 * `exportData` (Arrow files and manifest) and loaded into a fresh duckdb-wasm, as the page loads it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportData, type ExportOptions } from '../../../src/cli/export-arrow.ts';
import type { Database } from '../../../src/lib/db/database.ts';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { wasmDatabase } from '../../../src/lib/db/wasm.ts';
import { loadArrowTables } from '../../../src/lib/db/wasm-load.ts';
import type { DataManifest } from '../../../src/lib/db/wasm-manifest.ts';
import { openWasmEngine } from './wasm-engine.ts';

/** An export on disk and the duckdb-wasm database it was loaded into. */
export interface LoadedExport {
  /** The export's folder (`manifest.json` and the Arrow files). */
  dataDir: string;
  manifest: DataManifest;
  wasm: Database;
  /** Closes the engine and removes the export. */
  close(): void;
}

/** Exports `node` into a new temporary folder and loads it into a new duckdb-wasm. */
export async function exportToWasm(
  node: NodeDatabase,
  options: ExportOptions,
): Promise<LoadedExport> {
  const dir = mkdtempSync(join(tmpdir(), 'barometer-export-'));
  const dataDir = join(dir, 'data');
  const manifest = await exportData(node, dataDir, options);
  const engine = await openWasmEngine();
  await loadArrowTables(engine.connection, manifest, async (file) =>
    readFileSync(join(dataDir, file)),
  );
  return {
    dataDir,
    manifest,
    wasm: wasmDatabase(engine.connection),
    close() {
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
