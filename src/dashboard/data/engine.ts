/**
 * The dashboard's data: the export's manifest, the weather report precomputed for the default
 * view, and duckdb-wasm — the engine runs in a Web Worker, is started once per page (at page
 * start, before the app mounts) and the export's tables are loaded into it once; every panel then
 * queries the same connection through the database seam. The .wasm and worker files are served
 * beside the page (HTTP-cached), never fetched from elsewhere.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Database, Row, SqlParams } from '../../lib/db/database.ts';
import { wasmDatabase } from '../../lib/db/wasm.ts';
import { loadArrowTable } from '../../lib/db/wasm-load.ts';
import {
  parseDataManifest,
  type DataManifest,
  type ManifestTable,
} from '../../lib/db/wasm-manifest.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import { cachedDatabase } from './cached-database.ts';
import { scopedDatabase } from './scoped-database.ts';

/** Where the export lives, relative to the page. */
export const DATA_URL = 'data/';

/**
 * The tables loaded first, in this order: what the first chart of any view reads (the rest, read
 * only by metrics the overview does not show, follow in the manifest's order).
 */
export const FIRST_TABLES = [
  'contributions',
  'commits',
  'repositories',
  'github_repositories',
  'commit_files',
] as const;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

let connecting: Promise<AsyncDuckDBConnection> | undefined;
let manifestLoading: Promise<DataManifest> | undefined;
let reportLoading: Promise<WeatherReport | null> | undefined;
let engineLoading: Promise<Database> | undefined;

/**
 * Starts the worker and the engine (once; later calls share the promise). It needs nothing from
 * the export, so the page starts it before anything else: compiling the engine is most of a cold
 * load.
 */
export function startEngine(): Promise<AsyncDuckDBConnection> {
  connecting ??= (async () => {
    const worker = new Worker(workerUrl);
    const duckdb = new AsyncDuckDB(new VoidLogger(), worker);
    performance.mark('barometer:worker');
    await duckdb.instantiate(wasmUrl);
    performance.mark('barometer:instantiated');
    await duckdb.open({});
    return duckdb.connect();
  })();
  return connecting;
}

/** The export's manifest (fetched once, revalidated with the server). */
export function loadManifest(base = DATA_URL): Promise<DataManifest> {
  manifestLoading ??= fetch(`${base}manifest.json`, { cache: 'no-cache' }).then(async (response) => {
    if (!response.ok) throw new Error(`${base}manifest.json: HTTP ${response.status}`);
    return parseDataManifest(await response.json());
  });
  return manifestLoading;
}

/**
 * Everything at page start, before the app mounts: the engine, the manifest, and then the data
 * files (when the export has contributions). Failures surface where the app awaits them.
 */
export function startLoading(base = DATA_URL): void {
  startEngine().catch(() => {});
  loadManifest(base).then(
    (manifest) => {
      if (manifest.defaultView) loadEngine(manifest, base).catch(() => {});
    },
    () => {},
  );
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
 * The manifest's tables split into those loaded at once, in the order of {@link FIRST_TABLES},
 * and the others (loaded when a query first names them).
 */
export function loadingOrder(tables: readonly ManifestTable[]): {
  first: ManifestTable[];
  later: ManifestTable[];
} {
  const first = FIRST_TABLES.flatMap((name) => tables.filter((t) => t.name === name));
  return { first, later: tables.filter((t) => !first.includes(t)) };
}

/**
 * Starts the engine and loads the export's tables into it (once; later calls share the promise).
 * The data files of {@link FIRST_TABLES} download while the engine starts and are inserted one by
 * one; the database is ready before they all are: each query waits only for the tables it names
 * (so the first chart is drawn once `contributions` is in), and a table no chart reads (the
 * GitHub pull requests) is fetched and loaded only when a query names it.
 */
export function loadEngine(manifest: DataManifest, base = DATA_URL): Promise<Database> {
  engineLoading ??= (async () => {
    const { first, later } = loadingOrder(manifest.tables);
    const files = first.map((table) => fetchBytes(`${base}${table.file}`));
    // Failures surface when each file is awaited below; none goes unhandled meanwhile.
    for (const file of files) file.catch(() => {});
    const connection = await startEngine();
    performance.mark('barometer:engine-ready');
    /** Each table's loading, by name; a connection runs one statement at a time, in order. */
    const loaded = new Map<string, Promise<void>>();
    let chain = Promise.resolve();
    const load = (table: ManifestTable, bytes: Promise<Uint8Array>) => {
      chain = chain.then(async () => loadArrowTable(connection, table.name, await bytes));
      chain.catch(() => {});
      loaded.set(table.name, chain);
      return chain;
    };
    first.forEach((table, i) => load(table, files[i]!));
    void chain.then(() => performance.mark('barometer:data-loaded')).catch(() => {});
    const words = (sql: string) => new Set(sql.toLowerCase().match(/[a-z_][a-z0-9_]*/g));
    /** Waits for the tables `sql` names (a column named like a table waits too, harmlessly). */
    const tablesOf = (sql: string) => {
      const named = words(sql);
      for (const table of later) {
        if (named.has(table.name) && !loaded.has(table.name))
          load(table, fetchBytes(`${base}${table.file}`));
      }
      return Promise.all([...loaded].filter(([name]) => named.has(name)).map(([, done]) => done));
    };
    const engine = wasmDatabase(connection);
    const ready: Database = {
      async query<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
        await tablesOf(sql);
        return engine.query<T>(sql, params);
      },
      async exec(sql: string): Promise<void> {
        await tablesOf(sql);
        await engine.exec(sql);
      },
      close: () => engine.close(),
    };
    return cachedDatabase(scopedDatabase(ready));
  })();
  return engineLoading;
}
