/**
 * Exports what the metrics read from a Barometer database to Arrow IPC stream files plus a
 * `manifest.json`, for the dashboard's duckdb-wasm to load.
 *
 * Arrow rather than Parquet: duckdb-wasm (1.32) has no built-in Parquet reader — it downloads the
 * `parquet` extension on first use, which fails with the network closed — whereas it reads Arrow
 * IPC with its own code. Column types map one to one (VARCHAR ↔ Utf8, TIMESTAMP ↔ Timestamp[µs],
 * INTEGER ↔ Int32, …), so the same SQL sees the same types on both engines.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Bool,
  Field,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  Schema,
  Table,
  TimestampMicrosecond,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type Data,
  type DataType,
  type Vector,
} from 'apache-arrow';
import type { NodeDatabase } from '../lib/db/node.ts';
import { UNDATED_SQL } from '../lib/db/schema.ts';
import type { DataManifest, ManifestTable } from '../lib/db/wasm-manifest.ts';
import { colourOrder } from '../lib/figures/colour-order.ts';
import { EXPORTED_TABLES } from '../lib/metrics/exported-tables.ts';
import { buildWeatherReport } from '../lib/report/build-weather-report.ts';
import { BarometerError, isBarometerError } from '../lib/errors.ts';
import type { Clock } from '../lib/effects.ts';
import { readSubprojects } from '../lib/subprojects/subproject-members.ts';
import { dashboardDefaultView, writeViews } from './export-views.ts';
import type { ViewSpec } from './view-spec.ts';

/** Options for {@link exportData}. */
export interface ExportOptions {
  /** The project's name, written to the manifest. */
  project: string;
  /** Brand colours by organisation (the project config's `colours`). Default: none. */
  colours?: Record<string, string>;
  /** "Now", for the manifest's `exportedAt`. */
  clock: Clock;
  /** Views to name in the manifest, each with its report computed now. Default: none. */
  views?: readonly ViewSpec[];
}

interface Column {
  name: string;
  type: string;
}

/** A validity bitmap (bit set = value present), or undefined when nothing is null. */
function validity(values: readonly unknown[]): { bitmap?: Uint8Array; nulls: number } {
  let nulls = 0;
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value === null || value === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return nulls === 0 ? { nulls } : { bitmap, nulls };
}

function fixedWidth<T extends DataType>(
  type: T,
  values: readonly unknown[],
  array: { length: number; [i: number]: unknown },
): Vector<T> {
  const { bitmap, nulls } = validity(values);
  values.forEach((value, i) => {
    if (value !== null && value !== undefined) array[i] = value;
  });
  // makeData's props are typed per DataType; this helper serves several fixed-width types.
  const build = makeData as unknown as (props: Record<string, unknown>) => Data<T>;
  return makeVector(
    build({
      type,
      length: values.length,
      nullCount: nulls,
      ...(bitmap ? { nullBitmap: bitmap } : {}),
      data: array,
    }),
  );
}

/** The Arrow vector of one column, by its DuckDB type. Timestamps arrive as epoch microseconds. */
function vectorOf(column: Column, values: readonly unknown[], table: string): Vector {
  const n = values.length;
  switch (column.type) {
    case 'VARCHAR':
      return vectorFromArray(values as (string | null)[], new Utf8());
    case 'BOOLEAN': {
      const { bitmap, nulls } = validity(values);
      const bits = new Uint8Array(Math.ceil(n / 8));
      values.forEach((v, i) => {
        if (v === true) bits[i >> 3]! |= 1 << (i & 7);
      });
      return makeVector(
        makeData({
          type: new Bool(),
          length: n,
          nullCount: nulls,
          ...(bitmap ? { nullBitmap: bitmap } : {}),
          data: bits,
        }),
      );
    }
    case 'TINYINT':
      return fixedWidth(new Int8(), values, new Int8Array(n));
    case 'SMALLINT':
      return fixedWidth(new Int16(), values, new Int16Array(n));
    case 'INTEGER':
      return fixedWidth(new Int32(), values, new Int32Array(n));
    case 'BIGINT':
      return fixedWidth(new Int64(), values, new BigInt64Array(n));
    case 'DOUBLE':
      return fixedWidth(new Float64(), values, new Float64Array(n));
    case 'TIMESTAMP':
      return fixedWidth(new TimestampMicrosecond(), values, new BigInt64Array(n));
    default:
      throw new BarometerError(
        'database',
        `cannot export ${table}.${column.name}: column type ${column.type} has no Arrow mapping`,
        { field: `${table}.${column.name}`, value: column.type },
      );
  }
}

async function tableColumns(db: NodeDatabase, table: string): Promise<Column[]> {
  return db.query<Column>(
    `SELECT column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name = $table ORDER BY ordinal_position`,
    { table },
  );
}

/** One table as an Arrow IPC stream (a table with no rows still carries its schema). */
async function tableToArrow(
  db: NodeDatabase,
  table: string,
  only?: readonly string[],
): Promise<{ bytes: Uint8Array; rows: number }> {
  const all = await tableColumns(db, table);
  const columns = only ? all.filter((c) => only.includes(c.name)) : all;
  if (only && columns.length !== only.length) {
    const missing = only.filter((name) => !all.some((c) => c.name === name));
    throw new BarometerError(
      'database',
      `cannot export ${table}: no column ${missing.join(', ')}`,
      {
        field: `${table}.${missing[0]}`,
      },
    );
  }
  const select = columns
    .map((c) => {
      const id = `"${c.name.replaceAll('"', '""')}"`;
      return c.type === 'TIMESTAMP' ? `epoch_us(${id}) AS ${id}` : id;
    })
    .join(', ');
  const { columns: data, rows } = await db.columns(`SELECT ${select} FROM "${table}"`);
  const vectors = columns.map((column, i) => vectorOf(column, data[i] ?? [], table));
  const schema = new Schema(
    columns.map((column, i) => new Field(column.name, vectors[i]!.type, true)),
  );
  const arrowTable =
    rows === 0
      ? new Table(schema)
      : new Table(Object.fromEntries(columns.map((c, i) => [c.name, vectors[i]!])));
  return { bytes: tableToIPC(arrowTable, 'stream'), rows };
}

/**
 * Writes `<table>.arrow` for every exported table the database has, `report.json` (the weather
 * report of the dashboard's default view), then `manifest.json` (last,
 * so a reader never sees a manifest naming files not yet written). The folder is filled beside
 * `outDir` and renamed into place, so an interrupted export leaves the previous one whole.
 */
export async function exportData(
  db: NodeDatabase,
  outDir: string,
  options: ExportOptions,
): Promise<DataManifest> {
  const staging = `${outDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const present = new Set(
      (
        await db.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'`,
        )
      ).map((row) => row.name),
    );
    const tables: ManifestTable[] = [];
    for (const { name, columns } of EXPORTED_TABLES) {
      if (!present.has(name)) continue;
      const { bytes, rows } = await tableToArrow(db, name, columns);
      const file = `${name}.arrow`;
      writeFileSync(join(staging, file), bytes);
      tables.push({ name, file, rows, bytes: bytes.byteLength });
    }
    const [span] = present.has('contributions')
      ? await db.query<{ first: string | null; until: string | null }>(
          `SELECT strftime(min(time), '%Y-%m-%d') AS first,
                  strftime(CAST(max(time) AS DATE) + INTERVAL 1 DAY, '%Y-%m-%d') AS until
           FROM contributions WHERE time <> ${UNDATED_SQL}`,
        )
      : [];
    const repositories = present.has('repositories')
      ? (await db.query<{ name: string }>(`SELECT name FROM repositories ORDER BY name`)).map(
          (r) => r.name,
        )
      : [];
    const subprojects = present.has('subprojects')
      ? (await readSubprojects(db)).map((s) => s.name)
      : [];
    const areas = present.has('path_areas')
      ? (
          await db.query<{ area: string }>(`SELECT DISTINCT area FROM path_areas ORDER BY area`)
        ).map((r) => r.area)
      : [];
    const lists = present.has('message_lists')
      ? (
          await db.query<{ list: string }>(`SELECT DISTINCT list FROM message_lists ORDER BY list`)
        ).map((r) => r.list)
      : [];
    const exportDay = options.clock().toISOString().slice(0, 10);
    const defaultView = dashboardDefaultView(exportDay, span?.until ?? null, span?.first ?? null);
    let report: string | null = null;
    if (defaultView) {
      try {
        const weather = await buildWeatherReport(db, defaultView, { project: options.project });
        writeFileSync(join(staging, 'report.json'), JSON.stringify(weather));
        report = 'report.json';
      } catch (error) {
        // A default view that cannot be drawn (data dated after the export's day) is explained
        // by the dashboard itself, from the engine.
        if (!isBarometerError(error)) throw error;
      }
    }
    const manifest: DataManifest = {
      format: 'barometer-data',
      version: 1,
      project: options.project,
      exportedAt: options.clock().toISOString(),
      dataFrom: span?.first ?? null,
      dataUntil: span?.until ?? null,
      repositories,
      ...(subprojects.length > 0 ? { subprojects } : {}),
      areas,
      lists,
      colours: { ...(options.colours ?? {}) },
      tables,
      defaultView,
      report,
      colourOrder: present.has('contributions') ? await colourOrder(db) : [],
      views: await writeViews(
        db,
        staging,
        options.views ?? [],
        options.project,
        span?.first ?? null,
      ),
      projects: [],
    };
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
    return manifest;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
