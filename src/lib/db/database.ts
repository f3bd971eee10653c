/**
 * The one database seam. Node (DuckDB for Node, `node.ts`) and the browser (duckdb-wasm, `wasm.ts`)
 * implement it, so every metric's SQL runs unchanged on both.
 */

/** A value bound to a `$name` parameter. Lists are bound as DuckDB lists of VARCHAR. */
export type SqlValue = string | number | bigint | boolean | null | Date;

/** Named parameters: `{ as_of: '2018-06-01' }` binds `$as_of` in the SQL. */
export type SqlParams = Record<string, SqlValue | readonly string[]>;

/** A row as a plain object: integers as `number`, timestamps as `Date`, strings as `string`. */
export type Row = Record<string, unknown>;

/** A connection to a Barometer database. */
export interface Database {
  /** Runs one statement with `$name` parameters and returns its rows as plain objects. */
  query<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Runs one or more statements (separated by `;`) that return nothing. */
  exec(sql: string): Promise<void>;
  /** Closes the connection; the database is released for other processes. */
  close(): Promise<void>;
}
