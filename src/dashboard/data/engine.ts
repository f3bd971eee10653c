/**
 * duckdb-wasm for the dashboard: the engine runs in a Web Worker, is started once per page and the
 * export's tables are loaded into it once; every panel then queries the same connection through
 * the database seam. The .wasm and worker files are served beside the page (HTTP-cached), never
 * fetched from elsewhere.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Database } from '../../lib/db/database.ts';
import { wasmDatabase } from '../../lib/db/wasm.ts';
import { loadArrowTables } from '../../lib/db/wasm-load.ts';
import { parseDataManifest, type DataManifest } from '../../lib/db/wasm-manifest.ts';
import { cachedDatabase } from './cached-database.ts';

/** The loaded data: the export's manifest and a database holding its tables. */
export interface LoadedData {
  manifest: DataManifest;
  db: Database;
}

/** Where the export lives, relative to the page. */
export const DATA_URL = 'data/';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function startEngine(): Promise<AsyncDuckDBConnection> {
  const worker = new Worker(workerUrl);
  const duckdb = new AsyncDuckDB(new VoidLogger(), worker);
  performance.mark('barometer:worker');
  await duckdb.instantiate(wasmUrl);
  performance.mark('barometer:instantiated');
  await duckdb.open({});
  return duckdb.connect();
}

let loading: Promise<LoadedData> | undefined;

/**
 * Starts the engine and loads the export (once; later calls share the same promise). The engine
 * starts while the manifest and then every data file download; the tables are inserted one by one
 * once both are there.
 */
export function loadData(base = DATA_URL): Promise<LoadedData> {
  loading ??= (async () => {
    const engine = startEngine();
    const manifest = await fetch(`${base}manifest.json`, { cache: 'no-cache' }).then(
      async (response) => {
        if (!response.ok) throw new Error(`${base}manifest.json: HTTP ${response.status}`);
        return parseDataManifest(await response.json());
      },
    );
    const files = new Map(manifest.tables.map((t) => [t.file, fetchBytes(`${base}${t.file}`)]));
    // Failures surface when each file is awaited below; none goes unhandled meanwhile.
    for (const file of files.values()) file.catch(() => {});
    const connection = await engine;
    performance.mark('barometer:engine-ready');
    await loadArrowTables(connection, manifest, (file) => files.get(file) ?? fetchBytes(`${base}${file}`));
    performance.mark('barometer:data-loaded');
    return { manifest, db: cachedDatabase(wasmDatabase(connection)) };
  })();
  return loading;
}
