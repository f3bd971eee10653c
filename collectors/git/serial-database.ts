/**
 * One DuckDB connection shared by repositories mined at the same time (`collect --jobs`): every
 * statement, and every transaction as a whole, runs alone. Without this, a statement of one
 * repository could land inside another's transaction (one connection has one transaction), and a
 * rollback would undo both.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlParams } from '../../src/lib/db/database.ts';
import type { NodeDatabase } from '../../src/lib/db/node.ts';

/** A {@link NodeDatabase} whose calls run one at a time, plus a way to hold it for several. */
export interface SerialDatabase extends NodeDatabase {
  /**
   * Runs `work` with the connection to itself: calls made inside it (through this database) run at
   * once, everyone else's wait until it ends. A transaction holds the connection the same way.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

/** Wraps `db` so concurrent callers take turns; a database already wrapped is returned as it is. */
export function serialDatabase(db: NodeDatabase | SerialDatabase): SerialDatabase {
  if ('exclusive' in db) return db;
  const holding = new AsyncLocalStorage<true>();
  let last: Promise<void> = Promise.resolve();
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    // Inside a holder's own work: the connection is already ours.
    if (holding.getStore()) return work();
    const before = last;
    let release!: () => void;
    last = new Promise<void>((resolve) => (release = resolve));
    await before;
    try {
      return await holding.run(true, work);
    } finally {
      release();
    }
  };
  return {
    path: db.path,
    exclusive,
    query: <T>(sql: string, params?: SqlParams) => exclusive(() => db.query<T>(sql, params)),
    exec: (sql) => exclusive(() => db.exec(sql)),
    columns: (sql, params) => exclusive(() => db.columns(sql, params)),
    append: (table, chunks) => exclusive(() => db.append(table, chunks)),
    appendRows: (table, fill) => exclusive(() => db.appendRows(table, fill)),
    transaction: <T>(work: () => Promise<T>) => exclusive(() => db.transaction(work)),
    close: () => exclusive(() => db.close()),
  };
}
