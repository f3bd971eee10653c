import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, TableChunks } from '../../../collectors/git/table-chunks.ts';
import { openNodeDatabase } from '../../../src/lib/db/node.ts';

/** Instants a `Date` holds, in milliseconds: before 1970, around the epoch, and past 2^53 µs. */
const TIMES = [
  Date.UTC(1901, 11, 13, 20, 45, 52),
  -1,
  0,
  1,
  Date.UTC(2005, 3, 7, 22, 13, 13, 123),
  2 ** 32 + 5,
  Date.UTC(2255, 5, 6),
  Date.UTC(9999, 11, 31, 23, 59, 59, 999),
  -Date.UTC(9999, 0, 1),
  // An invalid Date's getTime(): stored as the epoch.
  Number.NaN,
];

describe('TableChunks', () => {
  it('stores every kind of cell, nulls and constant column included, across several chunks', async () => {
    const db = await openNodeDatabase(':memory:');
    await db.exec(`CREATE TABLE t (
      repository VARCHAR NOT NULL, s VARCHAR, i INTEGER, sm SMALLINT, ts TIMESTAMP, b BOOLEAN)`);
    const table = new TableChunks(
      ['varchar', 'integer', 'smallint', 'timestamp', 'boolean'],
      'demo ünïcode',
    );
    const rows = CHUNK_ROWS * 2 + 7;
    for (let n = 0; n < rows; n++) {
      table.row();
      // Short (inline) and long strings, hostile text, and nulls.
      table.string(
        1,
        n % 5 === 0 ? null : n % 2 ? `s${n}` : `a longer string, row ${n}: <b>"é"</b>`,
      );
      table.integer(2, n % 7 === 0 ? null : n % 3 ? n : -n);
      table.smallint(3, ((n % 1561) - 720) % 841);
      table.timestamp(4, TIMES[n % TIMES.length]!);
      table.boolean(5, n % 2 === 1);
    }
    expect(table.rows).toBe(rows);
    const chunks = table.take();
    expect(chunks).toHaveLength(3);
    expect(table.rows).toBe(0);
    expect(table.take()).toEqual([]);
    await db.append('t', chunks);

    const stored = await db.query<{
      repository: string;
      s: string | null;
      i: number | null;
      sm: number;
      micros: string;
      b: boolean;
    }>(`SELECT repository, s, i, sm, epoch_us(ts)::VARCHAR AS micros, b FROM t`);
    expect(stored).toHaveLength(rows);
    stored.forEach((row, n) => {
      expect(row).toEqual({
        repository: 'demo ünïcode',
        s: n % 5 === 0 ? null : n % 2 ? `s${n}` : `a longer string, row ${n}: <b>"é"</b>`,
        i: n % 7 === 0 ? null : n % 3 ? n : -n,
        sm: ((n % 1561) - 720) % 841,
        micros: (BigInt(TIMES[n % TIMES.length]! || 0) * 1000n).toString(),
        b: n % 2 === 1,
      });
    });
    await db.close();
  });
});
