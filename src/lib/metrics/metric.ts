/**
 * A metric's query: its folder's query.sql, which reads `bounds` and `filtered` (the shared
 * filtering in filtered.sql, composed in front of it) and takes named parameters, with its rows
 * typed. What else a metric declares (report fields, CSV, figure, sentences) is in
 * report-metric.ts. Node (CLI, report) and the browser (dashboard on duckdb-wasm) run the same SQL
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
  /**
   * Narrow to commits changing a file one of these areas covers (by name, see docs/areas.md);
   * empty or absent = all.
   */
  areas?: readonly string[];
  /** Narrow the mailing-list metrics to these lists (by configured name); empty or absent = all. */
  lists?: readonly string[];
  /** The organisation of the per-organisation metrics (`organisation-*`); ignored by the others. */
  organisation?: string | null;
}

/** One metric's query: its name (its folder's), what it shows, its composed SQL, and how to run it. */
export interface Metric<T> {
  /** kebab-case, the same as its folder's name. */
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
function sqlParams(params: MetricParams): SqlParams {
  return {
    as_of: params.asOf,
    since: params.since,
    top: params.top,
    growth_since: params.growthSince,
    repositories: [...params.repositories],
    paths: [...params.paths],
    areas: [...(params.areas ?? [])],
    lists: [...(params.lists ?? [])],
    organisation: params.organisation ?? null,
  };
}

/** The `$name` parameters a metric's SQL may use: those {@link sqlParams} binds. */
const KNOWN_PARAMETERS = new Set(
  Object.keys(
    sqlParams({ asOf: '', since: '', top: 0, growthSince: 0, repositories: [], paths: [] }),
  ),
);

/**
 * Makes a metric's query from its own SQL (text of its `query.sql`, imported with `?raw`), composed
 * behind the shared filtering. Only the parameters the composed SQL names are bound (DuckDB refuses
 * unknown ones); a parameter {@link sqlParams} does not bind fails here, when the module loads.
 */
export function defineQuery<T>(definition: {
  name: string;
  title: string;
  description: string;
  sql: string;
}): Metric<T> {
  const sql = composeMetricSql(definition.sql);
  const names = parametersOf(sql);
  const unknown = names.filter((name) => !KNOWN_PARAMETERS.has(name));
  if (unknown.length > 0) {
    throw new Error(`metric ${definition.name}: unknown parameter $${unknown.join(', $')}`);
  }
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    sql,
    async run(db, params) {
      const all = sqlParams(params);
      return db.query<T>(sql, Object.fromEntries(names.map((name) => [name, all[name]!])));
    },
  };
}
