import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { assertBarometerDatabase, ensureSchema } from '../../../src/lib/db/schema.ts';

describe('node database adapter', () => {
  let db: NodeDatabase | undefined;
  const dirs: string[] = [];
  const tempDb = () => {
    const dir = mkdtempSync(join(tmpdir(), 'barometer-db-'));
    dirs.push(dir);
    return join(dir, 'nested', 'test.duckdb');
  };
  afterEach(async () => {
    await db?.close();
    db = undefined;
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('binds named parameters, lists and dates and returns plain rows', async () => {
    db = await openNodeDatabase(':memory:');
    const rows = await db.query(
      `SELECT $n::INTEGER + 1 AS n, list_contains($names, 'b') AS has_b, $day AS day, 7::BIGINT AS big`,
      { n: 41, names: ['a', 'b'], day: new Date('2018-06-01T00:00:00Z') },
    );
    expect(rows).toEqual([{ n: 42, has_b: true, day: new Date('2018-06-01T00:00:00Z'), big: 7 }]);
  });

  it('rolls a failed transaction back whole', async () => {
    db = await openNodeDatabase(tempDb());
    await db.exec('CREATE TABLE t (x INTEGER PRIMARY KEY)');
    await expect(
      db.transaction(async () => {
        await db!.exec('INSERT INTO t VALUES (1)');
        await db!.exec('INSERT INTO t VALUES (1)');
      }),
    ).rejects.toThrow();
    expect(await db.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
  });

  it('creates the schema idempotently and recognises its own databases', async () => {
    const path = tempDb();
    db = await openNodeDatabase(path);
    await expect(assertBarometerDatabase(db, path)).rejects.toMatchObject({ code: 'database' });
    await ensureSchema(db);
    await ensureSchema(db);
    await assertBarometerDatabase(db, path);
    expect(await db.query(`SELECT value FROM barometer_meta WHERE key = 'schema_version'`)).toEqual(
      [{ value: '2' }],
    );
  });
});
