/**
 * duckdb-wasm in Node for tests: the real engine (the same .wasm the dashboard loads) through its
 * blocking Node build, so tests run the browser's SQL engine without a browser.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The blocking connection's methods the tests use (it fits `WasmConnection` and `ArrowInsertTarget`). */
export interface BlockingConnection {
  query(sql: string): import('../../../src/lib/db/wasm.ts').ArrowTableLike;
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): void;
  close(): void;
}

/** A fresh in-memory duckdb-wasm database and one connection to it. */
export async function openWasmEngine(): Promise<{
  connection: BlockingConnection;
  version: string;
  close(): void;
}> {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: {
      mainModule: join(dist, 'duckdb-mvp.wasm'),
      mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: join(dist, 'duckdb-eh.wasm'),
      mainWorker: join(dist, 'duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  const connection = db.connect() as BlockingConnection;
  return {
    connection,
    version: db.getVersion() as string,
    close() {
      connection.close();
      db.reset?.();
    },
  };
}
