import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { wasmDatabase } from '../../../src/lib/db/wasm.ts';
import { inlineParameters, sqlLiteral } from '../../../src/lib/db/wasm-parameters.ts';
import { ensureSchema, assertBarometerDatabase } from '../../../src/lib/db/schema.ts';
import type { Database, SqlParams } from '../../../src/lib/db/database.ts';
import { openWasmEngine } from './wasm-engine.ts';

describe('duckdb-wasm database adapter', () => {
  let node: NodeDatabase;
  let wasm: Database;
  let closeEngine: () => void;

  beforeAll(async () => {
    node = await openNodeDatabase(':memory:');
    const engine = await openWasmEngine();
    wasm = wasmDatabase(engine.connection);
    closeEngine = engine.close;
  });
  afterAll(async () => {
    await node?.close();
    closeEngine?.();
  });

  const both = async (sql: string, params?: SqlParams) => {
    const [a, b] = await Promise.all([node.query(sql, params), wasm.query(sql, params)]);
    return { node: a, wasm: b };
  };

  it('gives the same plain rows as the Node adapter for every type a metric returns', async () => {
    const sql = `
      SELECT 1::INTEGER AS i, 2::SMALLINT AS s, 3::BIGINT AS b, count(*) AS n, sum(x) AS total,
             1.25::DECIMAL(5, 2) AS d, 0.1::DOUBLE AS f, 'x'::VARCHAR AS v, true AS flag,
             NULL::INTEGER AS missing, TIMESTAMP '2020-01-02 03:04:05.123456' AS ts,
             TIMESTAMP '1969-12-31 23:59:59.999999' AS before_epoch,
             DATE '2018-06-01' AS day, ['a', 'b'] AS names, [1::BIGINT, 2] AS nums,
             date_trunc('year', TIMESTAMP '2020-05-01') AS year_start,
             -123456789012::BIGINT AS negative, sum(x)::HUGEINT * -1 AS negative_huge,
             avg(x) AS mean, 2::DOUBLE / 3 AS third
      FROM (SELECT 7::INTEGER AS x UNION ALL SELECT 8)`;
    const { node: a, wasm: b } = await both(sql);
    expect(b).toEqual(a);
    expect(b[0]).toMatchObject({
      b: 3,
      n: 2,
      total: 15,
      d: 1.25,
      ts: new Date('2020-01-02T03:04:05.123Z'),
      // DuckDB for Node truncates microseconds toward zero; the wasm adapter does the same.
      before_epoch: new Date(0),
      day: new Date('2018-06-01T00:00:00Z'),
      names: ['a', 'b'],
      nums: [1, 2],
      negative_huge: -15,
    });
  });

  it('binds $name parameters with the types Node binds them, lists and dates included', async () => {
    const params: SqlParams = {
      n: 41,
      big: 3_000_000_000,
      ratio: 0.1,
      text: `it's "quoted" -- not a comment /* nor this */ $not_a_param \\ end`,
      names: ["O'Brien", 'b', '<img src=x onerror=alert(1)>'],
      none: [],
      day: new Date('2018-06-01T00:00:00Z'),
      flag: false,
      nothing: null,
    };
    const sql = `
      SELECT $n + 1 AS n, typeof($n) AS n_type, typeof($big) AS big_type, $big AS big,
             typeof($ratio) AS ratio_type, $ratio AS ratio, $text AS text, typeof($text) AS text_type,
             $names AS names, typeof($names) AS names_type, list_contains($names, 'b') AS has_b,
             len($none) AS none_len, $day AS day, typeof($day) AS day_type, $flag AS flag,
             $nothing AS nothing, '$n' AS literal, "n" AS quoted -- $n in a comment
      FROM (SELECT 1 AS n) /* $n here too */`;
    const { node: a, wasm: b } = await both(sql, params);
    expect(b).toEqual(a);
    expect(b[0]).toMatchObject({
      n: 42,
      n_type: 'INTEGER',
      big_type: 'BIGINT',
      ratio_type: 'DOUBLE',
      ratio: 0.1,
      text: params.text,
      names: params.names,
      names_type: 'VARCHAR[]',
      none_len: 0,
      day: params.day,
      day_type: 'TIMESTAMP',
      literal: '$n',
      quoted: 1,
    });
  });

  it('compares a timestamp column with a bound date and a bound string the same way', async () => {
    const sql = `SELECT count(*) FILTER (WHERE t < $as_of) AS before, count(*) FILTER (WHERE t >= CAST($from AS TIMESTAMP)) AS after
      FROM (SELECT unnest([TIMESTAMP '2018-05-31 23:59:59', TIMESTAMP '2018-06-01']) AS t)`;
    const { node: a, wasm: b } = await both(sql, {
      as_of: new Date('2018-06-01T00:00:00Z'),
      from: '2018-06-01',
    });
    expect(b).toEqual(a);
    expect(b).toEqual([{ before: 1, after: 1 }]);
  });

  it('inlines literals that cannot break out of their quotes', () => {
    expect(sqlLiteral("'); DROP TABLE commits; --")).toBe(
      `CAST('''); DROP TABLE commits; --' AS VARCHAR)`,
    );
    expect(sqlLiteral(['a', "b'c"])).toBe(`CAST(['a', 'b''c'] AS VARCHAR[])`);
    expect(sqlLiteral(-0.5)).toBe(`CAST('-0.5' AS DOUBLE)`);
    expect(sqlLiteral(new Date('2018-06-01T12:34:56.789Z'))).toBe(
      `CAST('2018-06-01 12:34:56.789' AS TIMESTAMP)`,
    );
    expect(inlineParameters(`SELECT $$ $a $$, $tag$ $a $tag$, E'\\' $a', $a`, { a: 'x' })).toBe(
      `SELECT $$ $a $$, $tag$ $a $tag$, E'\\' $a', CAST('x' AS VARCHAR)`,
    );
  });

  it('names a parameter the SQL uses but the caller did not give', async () => {
    await expect(wasm.query('SELECT $missing AS x', { other: 1 })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining('$missing'),
    });
    expect(() => sqlLiteral(['a', 3 as unknown as string], 'names')).toThrow(/\$names\[1\]/);
    expect(() => sqlLiteral(new Date(Number.NaN), 'as_of')).toThrow(/\$as_of/);
  });

  it('runs the schema script (many statements) through exec', async () => {
    await ensureSchema(wasm);
    await assertBarometerDatabase(wasm, 'wasm');
    const tables = await wasm.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables ORDER BY 1`,
    );
    expect(tables.map((t) => t.name)).toContain('contributions');
  });
});
