/**
 * The Node adapter of the database seam: DuckDB for Node (`@duckdb/node-api`). The only module in
 * src/lib that touches Node; collectors and the CLI open databases through it, and write in bulk
 * through its appender seam: the connection itself never leaves this module.
 */
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DuckDBInstance,
  type DuckDBDataChunk,
  DuckDBTimestampValue,
  listValue,
  VARCHAR,
  LIST,
  type DuckDBValue,
  type DuckDBType,
} from '@duckdb/node-api';
import { BarometerError } from '../errors.ts';
import type { Database, Row, SqlParams, SqlValue } from './database.ts';

/** Options for {@link openNodeDatabase}. */
export interface OpenOptions {
  /** Open without writing (reports, exports). Default: false. */
  readOnly?: boolean;
}

/** A statement's result column by column (for bulk reads). */
export interface Columns {
  /** One array per column, in the statement's order; values as DuckDB's JS conversion gives them. */
  columns: unknown[][];
  rows: number;
}

/** The cells of rows being appended, set in the table's column order, each row ended. */
export interface RowWriter {
  varchar(value: string | null): void;
  integer(value: number | null | undefined): void;
  boolean(value: boolean | null): void;
  /** Milliseconds since the epoch (UTC), or null. */
  timestamp(milliseconds: number | null): void;
  endRow(): void;
}

/** A Node DuckDB database: the seam plus bulk reads and writes for Node-only work. */
export interface NodeDatabase extends Database {
  /** The file path, or `:memory:`. */
  readonly path: string;
  /**
   * Runs one statement and returns its result column by column, without making an object per
   * row (BIGINT stays a `bigint`).
   */
  columns(sql: string, params?: SqlParams): Promise<Columns>;
  /**
   * Appends data chunks (built with `@duckdb/node-api`'s chunk types, in the table's column
   * order) to `table` through one appender, flushed and closed before it returns.
   */
  append(table: string, chunks: readonly DuckDBDataChunk[]): Promise<void>;
  /**
   * Appends the rows `fill` writes to `table` through one appender, flushed and closed before it
   * returns (for tables of few rows, where building data chunks does not pay).
   */
  appendRows(table: string, fill: (row: RowWriter) => void): Promise<void>;
  /** Runs `work` inside one transaction: it lands whole or not at all. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

function toDuckValue(value: SqlValue | readonly string[]): {
  value: DuckDBValue;
  type?: DuckDBType;
} {
  if (Array.isArray(value)) return { value: listValue([...value]), type: LIST(VARCHAR) };
  if (value instanceof Date) {
    return { value: new DuckDBTimestampValue(BigInt(value.getTime()) * 1000n) };
  }
  return { value: value as DuckDBValue };
}

/** Integers fit in `number` for every figure Barometer computes; keep rows plain. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function plainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = plain(value);
  return out;
}

/** True when DuckDB refused the file because another process holds it. */
function isLockError(error: unknown): boolean {
  return (
    error instanceof Error && /Could not set lock on file|Conflicting lock/i.test(error.message)
  );
}

/**
 * Barometer works offline and runs only DuckDB's built-in code: a file that needs an extension (a
 * SQLite file opened as a database would make DuckDB fetch `sqlite_scanner`) fails instead.
 */
const NO_EXTENSIONS = { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' };

/** The first bytes of a SQLite file. */
const SQLITE_MAGIC = 'SQLite format 3\0';

/** The first `length` bytes of a file, as latin-1 text; empty when it cannot be read. */
function fileStart(path: string, length: number): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(length);
    return buffer.toString('latin1', 0, readSync(fd, buffer, 0, length, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Opens (creating when needed, unless read-only) a DuckDB database file or `:memory:`.
 * Throws `database-in-use` when another process holds it, `database` when it cannot be opened.
 */
export async function openNodeDatabase(
  path: string,
  options: OpenOptions = {},
): Promise<NodeDatabase> {
  let instance: DuckDBInstance;
  if (path !== ':memory:' && fileStart(path, SQLITE_MAGIC.length) === SQLITE_MAGIC) {
    throw new BarometerError(
      'database',
      `${path} is a SQLite file, not a DuckDB database; give the path of a .duckdb made by barometer collect`,
      { file: path },
    );
  }
  try {
    if (path !== ':memory:' && !options.readOnly) mkdirSync(dirname(path), { recursive: true });
    instance = await DuckDBInstance.create(path, {
      ...NO_EXTENSIONS,
      ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
    });
  } catch (cause) {
    if (isLockError(cause)) {
      throw new BarometerError(
        'database-in-use',
        `database ${path} is in use by another Barometer run; wait for it to finish and try again`,
        { file: path },
        { cause },
      );
    }
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new BarometerError(
      'database',
      `cannot open database ${path}: ${reason}`,
      { file: path },
      { cause },
    );
  }
  const connection = await instance.connect();

  const run = async (sql: string, params?: SqlParams) => {
    if (!params || Object.keys(params).length === 0) return connection.runAndReadAll(sql);
    const values: Record<string, DuckDBValue> = {};
    const types: Record<string, DuckDBType | undefined> = {};
    for (const [name, raw] of Object.entries(params)) {
      const { value, type } = toDuckValue(raw);
      values[name] = value;
      types[name] = type;
    }
    return connection.runAndReadAll(sql, values, types);
  };

  let depth = 0;
  const db: NodeDatabase = {
    path,
    async columns(sql: string, params?: SqlParams): Promise<Columns> {
      const reader = await run(sql, params);
      return { columns: reader.getColumnsJS(), rows: reader.currentRowCount };
    },
    async append(table: string, chunks: readonly DuckDBDataChunk[]): Promise<void> {
      if (chunks.length === 0) return;
      const appender = await connection.createAppender(table);
      try {
        for (const chunk of chunks) appender.appendDataChunk(chunk);
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async appendRows(table: string, fill: (row: RowWriter) => void): Promise<void> {
      const appender = await connection.createAppender(table);
      try {
        fill({
          varchar: (v) => (v === null ? appender.appendNull() : appender.appendVarchar(v)),
          integer: (v) => (v == null ? appender.appendNull() : appender.appendInteger(v)),
          boolean: (v) => (v === null ? appender.appendNull() : appender.appendBoolean(v)),
          timestamp: (ms) =>
            ms === null
              ? appender.appendNull()
              : appender.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n)),
          endRow: () => appender.endRow(),
        });
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    async query<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
      const reader = await run(sql, params);
      return reader.getRowObjectsJS().map((row) => plainRow(row) as T);
    },
    async exec(sql: string): Promise<void> {
      await connection.run(sql);
    },
    async transaction<T>(work: () => Promise<T>): Promise<T> {
      // Nested calls join the outer transaction.
      if (depth > 0) return work();
      depth++;
      await connection.run('BEGIN TRANSACTION');
      try {
        const result = await work();
        await connection.run('COMMIT');
        return result;
      } catch (error) {
        await connection.run('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        depth--;
      }
    },
    async close(): Promise<void> {
      connection.closeSync();
      instance.closeSync();
    },
  };
  return db;
}
