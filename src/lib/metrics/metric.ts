/**
 * A metric is one SQL file plus a typed wrapper. The SQL reads `bounds` and `filtered` (the shared
 * filtering in filtered.sql, composed in front of it) and takes named parameters; the wrapper gives
 * its rows a type. Node (CLI, report) and the browser (dashboard on duckdb-wasm) run the same SQL
 * through the {@link Database} seam, so the SQL uses core DuckDB functions only.
 */
import type { Database, SqlParams } from '../db/database.ts';
import { composeMetricSql, parametersOf } from './compose-metric-sql.ts';

/** The parameters every metric takes (each SQL file uses those it needs). */
export interface MetricParams {
  /**
   * The day the figures stand on, a UTC calendar day `YYYY-MM-DD`: the exclusive end of every
   * period (nothing on it counts), and only commits on their branch as it stood that day count.
   */
  asOf: string;
  /** Inclusive start of rankings and per-period series, `YYYY-MM-DD`. */
  since: string;
  /** N of "the top N" (organisations). Default 6. */
  top: number;
  /** First (base) year of the growth span, which ends at the last full year before `asOf`. */
  growthSince: number;
  /** Narrow to commits held in these repositories (by configured name); empty = all. */
  repositories: readonly string[];
  /** Narrow to commits changing a file at or under these path prefixes; empty = all. */
  paths: readonly string[];
  /** Narrow the mailing-list metrics to these lists (by configured name); empty or absent = all. */
  lists?: readonly string[];
  /** The organisation of the per-organisation metrics (`organisation-*`); ignored by the others. */
  organisation?: string | null;
}

/** One metric: its name (its file's), what it shows, its composed SQL, and how to run it. */
export interface Metric<T> {
  /** kebab-case, the same as its `.sql` and `.ts` file names. */
  readonly name: string;
  /** A short title for a panel or a CSV. */
  readonly title: string;
  /** What the rows are, in one or two sentences, with units. */
  readonly description: string;
  /** The full SQL (shared filtering prefix + the metric's own), with `$name` parameters. */
  readonly sql: string;
  /** Runs the SQL with `params` and returns typed rows in the SQL's (stable) order. */
  run(db: Database, params: MetricParams): Promise<T[]>;
}

/** The `$name` bindings of `params`, by SQL name. */
export function sqlParams(params: MetricParams): SqlParams {
  return {
    as_of: params.asOf,
    since: params.since,
    top: params.top,
    growth_since: params.growthSince,
    repositories: [...params.repositories],
    paths: [...params.paths],
    lists: [...(params.lists ?? [])],
    organisation: params.organisation ?? null,
  };
}

/**
 * Makes a metric from its own SQL (text of its `.sql` file, imported with `?raw`) and a row mapper.
 * Only the parameters the composed SQL names are bound (DuckDB refuses unknown ones).
 */
export function defineMetric<R, T = R>(definition: {
  name: string;
  title: string;
  description: string;
  sql: string;
  map?: (row: R) => T;
}): Metric<T> {
  const sql = composeMetricSql(definition.sql);
  const names = parametersOf(sql);
  const map = definition.map ?? ((row: R) => row as unknown as T);
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    sql,
    async run(db, params) {
      const all = sqlParams(params);
      const bound: SqlParams = {};
      for (const name of names) {
        if (!(name in all))
          throw new Error(`metric ${definition.name}: unknown parameter $${name}`);
        bound[name] = all[name]!;
      }
      const rows = await db.query<R>(sql, bound);
      return rows.map(map);
    },
  };
}
