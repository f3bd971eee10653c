/**
 * A database whose query results are kept: the exported data never changes while the page is
 * open, so a control that changes only some parameters (top N, an organisation's page) or none
 * (commits/reviews, counts/shares, back and forward) reruns only the queries whose SQL or bound
 * parameters changed.
 */
import type { Database, Row, SqlParams } from '../../lib/db/database.ts';

/** How many distinct query results are kept (oldest dropped first). Default 400. */
const CACHE_ENTRIES = 400;

/** Wraps `db` with a result cache keyed by SQL text and parameters; `exec` empties it. */
export function cachedDatabase(db: Database, entries = CACHE_ENTRIES): Database {
  const cache = new Map<string, Promise<unknown[]>>();
  return {
    query<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
      const key = `${sql}\u0000${params ? JSON.stringify(params) : ''}`;
      let result = cache.get(key);
      if (result) {
        // Most recently used last.
        cache.delete(key);
      } else {
        result = db.query<T>(sql, params);
        // A failed query is not kept: the next view asks again.
        result.catch(() => cache.delete(key));
        if (cache.size >= entries) cache.delete(cache.keys().next().value!);
      }
      cache.set(key, result);
      // Callers get their own copy of the rows; the kept ones stay as the engine gave them.
      return result.then((rows) => rows.map((row) => ({ ...(row as object) }) as T));
    },
    async exec(sql: string): Promise<void> {
      cache.clear();
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}
