/**
 * A database that narrows the contributions by repository, path and area once per filter set: the
 * first metric run under a set of `$repositories`, `$paths` and `$areas` keeps the narrowed rows as a
 * temporary table, and every metric then reads `scoped` from it (see `rescopeMetricSql`) instead
 * of joining commits and changed files again; with no such filter the metrics read
 * `contributions` directly. Likewise the one row of `bounds` (the dates derived from as-of and
 * since) is kept per set of parameters. The SQL and its rows are otherwise the metric's own, so
 * the figures are those of the command line (the parity tests run the metrics both ways).
 */
import type { Database, Row, SqlParams } from '../../lib/db/database.ts';
import {
  BOUNDS_SQL,
  rescopeMetricSql,
  SCOPED_SQL,
} from '../../lib/metrics/compose-metric-sql.ts';

/** How many narrowed tables are kept (least recently used dropped first). Default 8. */
const SCOPED_TABLES = 8;

/** How many `bounds` rows are kept as tables (least recently used dropped first). */
const BOUNDS_TABLES = 32;

/** The shared prefix's five parameters, or null when `params` lacks one. */
function sharedParams(params: SqlParams) {
  const { as_of, since, repositories, paths, areas } = params;
  if (!Array.isArray(repositories) || !Array.isArray(paths) || !Array.isArray(areas)) return null;
  if (typeof as_of !== 'string' || typeof since !== 'string') return null;
  return {
    as_of,
    since,
    repositories: [...(repositories as string[])],
    paths: [...(paths as string[])],
    areas: [...(areas as string[])],
  };
}

type Shared = NonNullable<ReturnType<typeof sharedParams>>;

/** Tables made so far by prefix, in this page: names stay unique across wrappers of one engine. */
const made = new Map<string, number>();

/** Tables made by one statement each, kept by key, least recently used dropped past `keep`. */
function keptTables(db: Database, prefix: string, keep: number) {
  const tables = new Map<string, Promise<string>>();
  /** Names of the tables made and not dropped. */
  const live = new Set<string>();
  return {
    live,
    get(key: string, sql: string, params: SqlParams): Promise<string> {
      let table = tables.get(key);
      if (table) {
        tables.delete(key);
        tables.set(key, table);
        return table;
      }
      const count = (made.get(prefix) ?? 0) + 1;
      made.set(prefix, count);
      const name = `${prefix}_${count}`;
      table = db.query(`CREATE TEMPORARY TABLE ${name} AS ${sql}`, params).then(() => {
        live.add(name);
        return name;
      });
      table.catch(() => tables.delete(key));
      tables.set(key, table);
      while (tables.size > keep) {
        const [oldKey, old] = tables.entries().next().value!;
        tables.delete(oldKey);
        void old
          .then((oldName) => {
            live.delete(oldName);
            return db.exec(`DROP TABLE IF EXISTS ${oldName}`);
          })
          .catch(() => {});
      }
      return table;
    },
  };
}

/** Wraps `db` so composed metric SQL reads its narrowed contributions from a kept table. */
export function scopedDatabase(db: Database, keep = SCOPED_TABLES): Database {
  const scopedTables = keptTables(db, 'barometer_scoped', keep);
  const boundsTables = keptTables(db, 'barometer_bounds', Math.max(keep, BOUNDS_TABLES));

  async function run<T>(sql: string, params: SqlParams, retry: boolean): Promise<T[]> {
    const shared = sharedParams(params);
    if (!shared || rescopeMetricSql(sql, 'contributions') === null) return db.query<T>(sql, params);
    const unfiltered =
      shared.repositories.length === 0 && shared.paths.length === 0 && shared.areas.length === 0;
    const filters = JSON.stringify([shared.repositories, shared.paths, shared.areas]);
    const [scoped, bounds] = await Promise.all([
      unfiltered ? 'contributions' : scopedTables.get(filters, SCOPED_SQL, shared as Shared),
      boundsTables.get(JSON.stringify([shared.as_of, shared.since, filters]), BOUNDS_SQL, shared),
    ]);
    try {
      return await db.query<T>(rescopeMetricSql(sql, { scoped, bounds })!, params);
    } catch (error) {
      // A table was dropped (views changed faster than queries ran): make it again, once.
      const dropped =
        (!unfiltered && !scopedTables.live.has(scoped)) || !boundsTables.live.has(bounds);
      if (retry && dropped) return run<T>(sql, params, false);
      throw error;
    }
  }

  return {
    query<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
      return params ? run<T>(sql, params, true) : db.query<T>(sql);
    },
    exec: (sql: string) => db.exec(sql),
    close: () => db.close(),
  };
}
