/** Several duckdb-wasm engines holding the same data, answering as one database. */
import type { Database, Row, SqlParams } from '../../lib/db/database.ts';

/**
 * Engines answering as one database: each query goes to the engine with the fewest queries
 * waiting (the first on a tie); `exec` runs on every engine. Every engine holds the same data,
 * so the rows do not depend on which one answers.
 */
export function pooledDatabase(firstEngine: Database): { db: Database; add(engine: Database): void } {
  const engines = [{ db: firstEngine, waiting: 0 }];
  return {
    add: (engine) => void engines.push({ db: engine, waiting: 0 }),
    db: {
      async query<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
        const engine = engines.reduce((best, e) => (e.waiting < best.waiting ? e : best));
        engine.waiting++;
        try {
          return await engine.db.query<T>(sql, params);
        } finally {
          engine.waiting--;
        }
      },
      async exec(sql: string): Promise<void> {
        await Promise.all(engines.map((e) => e.db.exec(sql)));
      },
      async close(): Promise<void> {
        await Promise.all(engines.map((e) => e.db.close()));
      },
    },
  };
}

