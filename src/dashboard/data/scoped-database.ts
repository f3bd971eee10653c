/**
 * A database that narrows the contributions by repository and path once per filter set: the
 * first metric run under a set of `$repositories` and `$paths` keeps the narrowed rows as a
 * temporary table, and every metric then reads `scoped` from it (see `rescopeMetricSql`) instead
 * of joining commits and changed files again; with no such filter the metrics read
 * `contributions` directly. The SQL and its rows are otherwise the metric's own, so the figures
 * are those of the command line (the parity tests run the same metrics both ways).
 */
import type { Database, Row, SqlParams } from '../../lib/db/database.ts';
import { rescopeMetricSql, SCOPED_SQL } from '../../lib/metrics/compose-metric-sql.ts';

/** How many narrowed tables are kept (least recently used dropped first). Default 8. */
export const SCOPED_TABLES = 8;

/** The repository and path lists of a metric's parameters, or null when it has none. */
function filters(params: SqlParams): { repositories: string[]; paths: string[] } | null {
  const { repositories, paths } = params;
  if (!Array.isArray(repositories) || !Array.isArray(paths)) return null;
  return { repositories: [...(repositories as string[])], paths: [...(paths as string[])] };
}

/** Wraps `db` so composed metric SQL reads its narrowed contributions from a kept table. */
export function scopedDatabase(db: Database, keep = SCOPED_TABLES): Database {
  /** Table name by filter set, most recently used last. */
  const tables = new Map<string, Promise<string>>();
  /** Names of the tables not dropped. */
  const live = new Set<string>();
  let made = 0;

  function tableFor(params: SqlParams, scope: { repositories: string[]; paths: string[] }) {
    const key = JSON.stringify([scope.repositories, scope.paths]);
    let table = tables.get(key);
    if (table) {
      tables.delete(key);
      tables.set(key, table);
      return table;
    }
    const name = `barometer_scoped_${++made}`;
    table = db
      .query(`CREATE TEMPORARY TABLE ${name} AS ${SCOPED_SQL}`, {
        as_of: params.as_of!,
        since: params.since!,
        repositories: scope.repositories,
        paths: scope.paths,
      })
      .then(() => {
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
  }

  async function run<T>(sql: string, params: SqlParams, retry: boolean): Promise<T[]> {
    const scope = filters(params);
    if (!scope || rescopeMetricSql(sql, 'contributions') === null) return db.query<T>(sql, params);
    const unfiltered = scope.repositories.length === 0 && scope.paths.length === 0;
    const table = unfiltered ? 'contributions' : await tableFor(params, scope);
    try {
      return await db.query<T>(rescopeMetricSql(sql, table)!, params);
    } catch (error) {
      // The table was dropped (views changed faster than queries ran): make it again, once.
      if (retry && !unfiltered && !live.has(table))
        return run<T>(sql, params, false);
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
