/**
 * The Node adapter of the database seam: DuckDB for Node (`@duckdb/node-api`). The only module in
 * src/lib that touches Node; collectors and the CLI open databases through it.
 */
import { closeSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DuckDBConnection,
  DuckDBInstance,
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

/** A Node DuckDB database: the seam plus access to the raw connection for bulk appends. */
export interface NodeDatabase extends Database {
  /** The file path, or `:memory:`. */
  readonly path: string;
  /** The underlying connection, for appenders and other Node-only work (collectors). */
  readonly connection: DuckDBConnection;
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
    connection,
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
