/**
 * The browser adapter of the database seam: duckdb-wasm. It takes a connection made by the caller
 * (the dashboard's worker set-up, or a test) and gives rows exactly as the Node adapter does:
 * integers as `number`, timestamps and dates as `Date`, decimals as `number`, lists as arrays.
 *
 * Only the shape of duckdb-wasm's connection and Arrow tables is used, never their classes, so this
 * module adds nothing to a bundle and works with the async (worker) and the blocking connection.
 */
import type { Database, Row, SqlParams } from './database.ts';
import { inlineParameters } from './wasm-parameters.ts';

/** Arrow's type ids (`apache-arrow`'s `Type` enum), stable across Arrow versions. */
const ArrowType = {
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  FixedSizeList: 16,
  Map: 17,
  Duration: 18,
  LargeUtf8: 20,
  Dictionary: -1,
} as const;

/** The part of an Arrow `DataType` read here. */
export interface ArrowTypeLike {
  readonly typeId: number;
  /** Decimal scale. */
  readonly scale?: number;
  /** Time unit of timestamps, times and durations: 0 s, 1 ms, 2 µs, 3 ns. */
  readonly unit?: number;
  /** Child fields of lists and structs. */
  readonly children?: ReadonlyArray<ArrowFieldLike>;
  /** Value type of a dictionary. */
  readonly dictionary?: ArrowTypeLike;
}

/** The part of an Arrow `Field` read here. */
export interface ArrowFieldLike {
  readonly name: string;
  readonly type: ArrowTypeLike;
}

/** The part of an Arrow `Data` read here: its raw values for 64-bit integers and decimals. */
export interface ArrowDataLike {
  readonly offset: number;
  readonly values: unknown;
}

/** The part of an Arrow `Vector` read here. */
export interface ArrowVectorLike {
  readonly length: number;
  readonly type: ArrowTypeLike;
  readonly data: ReadonlyArray<ArrowDataLike>;
  get(index: number): unknown;
  isValid(index: number): boolean;
  getChildAt?(index: number): ArrowVectorLike | null;
}

/** The part of an Arrow `RecordBatch` read here. */
export interface ArrowBatchLike {
  readonly numRows: number;
  getChildAt(index: number): ArrowVectorLike | null;
}

/** The part of an Arrow `Table` (what duckdb-wasm returns) read here. */
export interface ArrowTableLike {
  readonly schema: { readonly fields: ReadonlyArray<ArrowFieldLike> };
  readonly batches: ReadonlyArray<ArrowBatchLike>;
}

/**
 * A duckdb-wasm connection: `AsyncDuckDBConnection` (browser worker) or the blocking
 * `DuckDBConnection` (Node build), both of which fit.
 */
export interface WasmConnection {
  query(sql: string): Promise<ArrowTableLike> | ArrowTableLike;
  close(): Promise<void> | void;
}

const MICROS_PER_UNIT = [1_000_000n, 1_000n, 1n] as const;

/** A 64-bit integer at `index` of a vector, read from its raw values (never through a double). */
function int64At(vector: ArrowVectorLike, index: number): bigint {
  const data = vector.data[0];
  const values = data?.values;
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    return values[data!.offset + index]!;
  }
  const value = vector.get(index);
  return typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
}

/** A 128-bit decimal's unscaled value: four little-endian 32-bit words, two's complement. */
function int128At(vector: ArrowVectorLike, index: number): bigint {
  const data = vector.data[0];
  const words = data?.values;
  if (words instanceof Uint32Array) {
    const base = (data!.offset + index) * 4;
    let value = 0n;
    for (let w = 3; w >= 0; w--) value = (value << 32n) | BigInt(words[base + w]!);
    return BigInt.asIntN(128, value);
  }
  return BigInt(String(vector.get(index)));
}

/** Timestamp or time in microseconds, truncated toward zero as DuckDB for Node does. */
function micros(vector: ArrowVectorLike, index: number, unit: number | undefined): bigint {
  const raw = int64At(vector, index);
  if (unit === 3) return raw / 1000n;
  return raw * MICROS_PER_UNIT[(unit ?? 2) as 0 | 1 | 2];
}

/**
 * One cell as DuckDB for Node's `getRowObjectsJS` gives it: BIGINT/HUGEINT as bigint, other numbers
 * as number, DECIMAL as number, TIMESTAMP and DATE as Date, TIME as bigint microseconds, lists as
 * arrays, structs as objects.
 */
function cell(vector: ArrowVectorLike, index: number, type: ArrowTypeLike): unknown {
  if (!vector.isValid(index)) return null;
  switch (type.typeId) {
    case ArrowType.Null:
      return null;
    case ArrowType.Int: {
      const value = vector.get(index);
      return typeof value === 'bigint' ? int64At(vector, index) : value;
    }
    case ArrowType.Decimal: {
      const unscaled = int128At(vector, index);
      const scale = type.scale ?? 0;
      return scale === 0 ? unscaled : Number(unscaled) / 10 ** scale;
    }
    case ArrowType.Timestamp: {
      const us = micros(vector, index, type.unit);
      return new Date(Number(us / 1000n));
    }
    case ArrowType.Date: {
      const value = vector.get(index);
      return new Date(value instanceof Date ? value.getTime() : Number(value));
    }
    case ArrowType.Time:
    case ArrowType.Duration:
      return micros(vector, index, type.unit);
    case ArrowType.List:
    case ArrowType.FixedSizeList: {
      const list = vector.get(index) as ArrowVectorLike;
      const child = type.children?.[0]?.type ?? list.type;
      const out: unknown[] = [];
      for (let i = 0; i < list.length; i++) out.push(cell(list, i, child));
      return out;
    }
    case ArrowType.Struct: {
      const out: Record<string, unknown> = {};
      (type.children ?? []).forEach((field, i) => {
        const child = vector.getChildAt?.(i);
        out[field.name] = child ? cell(child, index, field.type) : null;
      });
      return out;
    }
    case ArrowType.Dictionary:
    case ArrowType.Float:
    case ArrowType.Utf8:
    case ArrowType.LargeUtf8:
    case ArrowType.Bool:
    case ArrowType.Binary:
      return vector.get(index);
    default: {
      const value = vector.get(index);
      return value && typeof value === 'object' && 'toJSON' in value
        ? (value as { toJSON(): unknown }).toJSON()
        : value;
    }
  }
}

/** Integers fit in `number` for every figure Barometer computes; keep rows plain (as node.ts). */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** Arrow table → plain rows, the same objects the Node adapter returns for the same query. */
function arrowToRows(table: ArrowTableLike): Row[] {
  const fields = table.schema.fields;
  const rows: Row[] = [];
  for (const batch of table.batches) {
    const columns = fields.map((_, i) => batch.getChildAt(i));
    for (let r = 0; r < batch.numRows; r++) {
      const row: Row = {};
      fields.forEach((field, i) => {
        const column = columns[i];
        row[field.name] = column ? plain(cell(column, r, field.type)) : null;
      });
      rows.push(row);
    }
  }
  return rows;
}

/**
 * Wraps a duckdb-wasm connection as a {@link Database}. `$name` parameters are inlined as typed
 * literals (see `wasm-parameters.ts`). `close()` closes the connection only; the database instance
 * and its worker belong to whoever made them.
 */
export function wasmDatabase(connection: WasmConnection): Database {
  return {
    async query<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
      const text = params ? inlineParameters(sql, params) : sql;
      return arrowToRows(await connection.query(text)) as T[];
    },
    async exec(sql: string): Promise<void> {
      await connection.query(sql);
    },
    async close(): Promise<void> {
      await connection.close();
    },
  };
}
