/**
 * The dashboard's data: the export's manifest, the weather report precomputed for the default
 * view, and duckdb-wasm — the engine runs in a Web Worker, is started once per page and the
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
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import { cachedDatabase } from './cached-database.ts';

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

let manifestLoading: Promise<DataManifest> | undefined;
let reportLoading: Promise<WeatherReport | null> | undefined;
let engineLoading: Promise<Database> | undefined;

/** The export's manifest (fetched once, revalidated with the server). */
export function loadManifest(base = DATA_URL): Promise<DataManifest> {
  manifestLoading ??= fetch(`${base}manifest.json`, { cache: 'no-cache' }).then(async (response) => {
    if (!response.ok) throw new Error(`${base}manifest.json: HTTP ${response.status}`);
    return parseDataManifest(await response.json());
  });
  return manifestLoading;
}

/**
 * The weather report of the default view as the export computed it (same SQL, DuckDB for Node),
 * or null: drawn at once, before the engine has started.
 */
export function loadDefaultReport(manifest: DataManifest, base = DATA_URL): Promise<WeatherReport | null> {
  reportLoading ??= manifest.report
    ? fetch(`${base}${manifest.report}`, { cache: 'no-cache' }).then((response) =>
        response.ok ? (response.json() as Promise<WeatherReport>) : null,
      )
    : Promise.resolve(null);
  return reportLoading;
}

/**
 * Starts the engine and loads the export's tables into it (once; later calls share the promise).
 * The data files download while the engine starts; the tables are inserted one by one.
 */
export function loadEngine(manifest: DataManifest, base = DATA_URL): Promise<Database> {
  engineLoading ??= (async () => {
    const engine = startEngine();
    const files = new Map(manifest.tables.map((t) => [t.file, fetchBytes(`${base}${t.file}`)]));
    // Failures surface when each file is awaited below; none goes unhandled meanwhile.
    for (const file of files.values()) file.catch(() => {});
    const connection = await engine;
    performance.mark('barometer:engine-ready');
    await loadArrowTables(
      connection,
      manifest,
      (file) => files.get(file) ?? fetchBytes(`${base}${file}`),
    );
    performance.mark('barometer:data-loaded');
    return cachedDatabase(wasmDatabase(connection));
  })();
  return engineLoading;
}
