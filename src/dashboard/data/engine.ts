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
  type NamedView,
} from '../../lib/db/wasm-manifest.ts';
import { defaultMetricParams } from '../../lib/metrics/default-metric-params.ts';
import { checkReportScope } from '../../lib/report/check-report-scope.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import { cachedDatabase } from './cached-database.ts';
import { pooledDatabase } from './pooled-database.ts';
import { scopedDatabase } from './scoped-database.ts';
import { warmUp } from './warm-up.ts';

/** Where the export lives, relative to the page. */
const DATA_URL = 'data/';

/** The table loaded at once: the first chart of any unnarrowed view reads nothing else. */
const FIRST_TABLES = ['contributions'] as const;

/**
 * The tables loaded once the first view is drawn (or sooner, when a query reads them: a view
 * narrowed by repository or path): their files download at page start with the first. The others
 * (GitHub pull requests, read only by the pull request figures) are fetched when a query reads them.
 */
const SOON_TABLES = ['commits', 'repositories', 'github_repositories', 'commit_files'] as const;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * How many engines answer queries side by side, each a worker with its own copy of the data: two
 * when the machine has two cores or more (a view's queries are then shared between them), else
 * one.
 */
const MAX_ENGINES = 2;

let connecting: Promise<AsyncDuckDBConnection> | undefined;
let manifestLoading: Promise<DataManifest> | undefined;
let reportLoading: Promise<WeatherReport | null> | undefined;
let engineLoading: Promise<Database> | undefined;
/** Adds the second engine to the pool, once the page asks for it (see {@link addEngines}). */
let growPool: (() => Promise<void>) | undefined;
let growing: Promise<void> | undefined;

/** A new worker running duckdb-wasm, instantiated and opened, and a connection to it. */
async function openEngine(): Promise<AsyncDuckDBConnection> {
  const worker = new Worker(workerUrl);
  const duckdb = new AsyncDuckDB(new VoidLogger(), worker);
  await duckdb.instantiate(wasmUrl);
  await duckdb.open({});
  return duckdb.connect();
}

/**
 * Starts the first engine (once; later calls share the promise). It needs nothing from the
 * export, so the page starts it before anything else: compiling the engine is most of a cold
 * load.
 */
function startEngine(): Promise<AsyncDuckDBConnection> {
  connecting ??= (async () => {
    performance.mark('barometer:worker');
    const connection = await openEngine();
    performance.mark('barometer:instantiated');
    return connection;
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
 * files (when the export has contributions); for a named view (`search` holds `view=`), only the
 * manifest. Failures surface where the app awaits them.
 */
export function startLoading(base = DATA_URL, search = ''): void {
  // A named view (`?view=summit`) is drawn from its shipped report: the engine, whose start is
  // most of a cold load's work, waits until that view is on screen (see `addEngines`).
  if (new URLSearchParams(search).has('view')) {
    loadManifest(base).catch(() => {});
    return;
  }
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

/** Reports of named views, by name (each fetched once). */
const viewReports = new Map<string, Promise<WeatherReport | null>>();

/**
 * The weather report of a view named when the export was made (`site --view`), as computed then,
 * or null when it cannot be read: drawn at once, without the engine.
 */
export function loadViewReport(view: NamedView, base = DATA_URL): Promise<WeatherReport | null> {
  let loading = viewReports.get(view.name);
  if (!loading) {
    loading = fetch(`${base}${view.report}`, { cache: 'no-cache' }).then(
      (response) => (response.ok ? (response.json() as Promise<WeatherReport>) : null),
      () => null,
    );
    viewReports.set(view.name, loading);
  }
  return loading;
}

/** The manifest's tables by when they are loaded (see {@link FIRST_TABLES}, {@link SOON_TABLES}). */
function loadingOrder(tables: readonly ManifestTable[]): {
  first: ManifestTable[];
  soon: ManifestTable[];
  later: ManifestTable[];
} {
  const pick = (names: readonly string[]) =>
    names.flatMap((name) => tables.filter((t) => t.name === name));
  const first = pick(FIRST_TABLES);
  const soon = pick(SOON_TABLES);
  return { first, soon, later: tables.filter((t) => !first.includes(t) && !soon.includes(t)) };
}

/** A loading engine: its database, and when its tables are in. */
interface LoadingEngine {
  db: Database;
  /** Settles when {@link FIRST_TABLES} are in. */
  loaded: Promise<void>;
  /** Loads {@link SOON_TABLES} (those not in yet); settles when they are in. */
  loadSoon(): Promise<void>;
}

/**
 * A database over one engine that loads the export's tables into it, one at a time (a
 * connection runs one statement at a time, in the order asked): {@link FIRST_TABLES} at once,
 * the others when a query first reads them or when asked. Each query waits only for the tables
 * it reads, so the first chart is drawn once `contributions` is in, and no table load queues
 * before it. `files` are the downloads of the first and soon tables, by name.
 */
function engineDatabase(
  connection: AsyncDuckDBConnection,
  manifest: DataManifest,
  files: ReadonlyMap<string, Promise<Uint8Array>>,
  base: string,
): LoadingEngine {
  const { first, soon, later } = loadingOrder(manifest.tables);
  /** Each table's loading, by name. */
  const loaded = new Map<string, Promise<void>>();
  let chain = Promise.resolve();
  const load = (table: ManifestTable) => {
    if (loaded.has(table.name)) return;
    const bytes = files.get(table.name) ?? fetchBytes(`${base}${table.file}`);
    chain = chain.then(async () => loadArrowTable(connection, table.name, await bytes));
    chain.catch(() => {});
    loaded.set(table.name, chain);
  };
  first.forEach(load);
  const firstLoaded = chain;
  /** The tables `sql` reads: the names after FROM or JOIN that name a table of the export. */
  const tablesIn = (sql: string) => {
    const named = new Set<string>();
    for (const match of sql.toLowerCase().matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)/g))
      named.add(match[1]!);
    return named;
  };
  /** Waits for the tables `sql` reads, starting to load those not asked for yet. */
  const tablesOf = (sql: string) => {
    const named = tablesIn(sql);
    for (const table of [...soon, ...later]) if (named.has(table.name)) load(table);
    return Promise.all([...loaded].filter(([name]) => named.has(name)).map(([, done]) => done));
  };
  let complete = false;
  let everything: Promise<void> | undefined;
  /** Loads every table not loaded yet. */
  const loadAll = () => {
    everything ??= (async () => {
      [...soon, ...later].forEach(load);
      await chain;
      complete = true;
    })();
    return everything;
  };
  /** Runs `run` once the tables `sql` reads are in; if it fails before all are, again after. */
  async function whenLoaded<T>(sql: string, run: () => Promise<T>): Promise<T> {
    await tablesOf(sql);
    const wasComplete = complete;
    try {
      return await run();
    } catch (error) {
      // A table read in a way tablesIn does not see (`FROM a, b`) may not have been in yet.
      if (wasComplete) throw error;
      await loadAll();
      return run();
    }
  }
  const engine = wasmDatabase(connection);
  const ready: Database = {
    query: <T = Row>(sql: string, params?: SqlParams) =>
      whenLoaded(sql, () => engine.query<T>(sql, params)),
    exec: (sql: string) => whenLoaded(sql, () => engine.exec(sql)),
    close: () => engine.close(),
  };
  return {
    db: scopedDatabase(ready),
    loaded: firstLoaded,
    loadSoon: async () => {
      soon.forEach(load);
      await chain;
    },
  };
}

/**
 * Starts the engine and loads the export's tables into it (once; later calls share the promise);
 * the data files of {@link FIRST_TABLES} and {@link SOON_TABLES} download while the engine starts.
 * The database is ready before the tables all are (see `engineDatabase`) and keeps query results;
 * when the page calls {@link addEngines}, the soon tables load, the engine warms up and a second
 * engine joins.
 */
export function loadEngine(manifest: DataManifest, base = DATA_URL): Promise<Database> {
  engineLoading ??= (async () => {
    /** Downloads of the first and soon tables, by name (each engine needs its own). */
    const download = () => {
      const { first, soon } = loadingOrder(manifest.tables);
      return new Map(
        [...first, ...soon].map((table) => {
          const bytes = fetchBytes(`${base}${table.file}`);
          // Failures surface when each file is awaited; none goes unhandled meanwhile.
          bytes.catch(() => {});
          return [table.name, bytes] as const;
        }),
      );
    };
    const files = download();
    const connection = await startEngine();
    performance.mark('barometer:engine-ready');
    const one = engineDatabase(connection, manifest, files, base);
    const pool = pooledDatabase(one.db);
    const cached = cachedDatabase(pool.db);
    growPool = async () => {
      await one.loadSoon();
      performance.mark('barometer:data-loaded');
      // Every view starts with the scope check; its one data query is then kept from the start.
      if (manifest.defaultView) {
        const view = defaultMetricParams(new Date(`${manifest.defaultView.asOf}T00:00:00Z`), {
          ...manifest.defaultView,
        });
        await checkReportScope(cached, view).catch(() => {});
      }
      const warming = warmUp(one.db, manifest);
      if ((navigator.hardwareConcurrency || 1) >= MAX_ENGINES) {
        // The files again (from the HTTP cache): loading hands each buffer to its worker.
        const two = engineDatabase(await openEngine(), manifest, download(), base);
        await two.loadSoon();
        await warmUp(two.db, manifest);
        pool.add(two.db);
      }
      await warming;
      performance.mark('barometer:engines-ready');
    };
    return cached;
  })();
  return engineLoading;
}

/**
 * Warms the first engine up and starts the second (once, on a machine with two cores or more),
 * after the first holds the data: the page calls this when its first view is drawn, so neither
 * slows the first chart. Marks `barometer:engines-ready` when every engine holds the data and is
 * warm.
 */
export function addEngines(manifest: DataManifest, base = DATA_URL): Promise<void> {
  growing ??= loadEngine(manifest, base).then(() => growPool!());
  return growing;
}
