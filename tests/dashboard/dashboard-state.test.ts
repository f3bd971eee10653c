/**
 * The dashboard's view in the address and its kept query results, without a browser: hand-edited
 * addresses never break the page, and a kept result is the engine's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedDatabase } from '../../src/dashboard/data/cached-database.ts';
import {
  cleanPaths,
  defaultState,
  parseState,
  showsDefaultReport,
  stateToSearch,
  type DashboardState,
} from '../../src/dashboard/state/dashboard-state.ts';
import type { Database, SqlParams } from '../../src/lib/db/database.ts';
import { openNodeDatabase, type NodeDatabase } from '../../src/lib/db/node.ts';

const defaults = defaultState({ asOf: '2018-06-01', since: '2008-01-01', top: 6 });

describe('the view in the address', () => {
  it('writes only what differs from the defaults and reads it back', () => {
    expect(stateToSearch(defaults, defaults)).toBe('');
    const view: DashboardState = {
      ...defaults,
      asOf: '2017-01-01',
      sinceYear: 2011,
      top: 8,
      repositories: ['xen', 'osstest'],
      paths: ['xen/arch/arm', 'tools'],
      areas: ['ARM (W/ VIRTUALISATION EXTENSIONS) ARCHITECTURE', 'x86'],
      kind: 'reviews',
      mode: 'shares',
      organisation: '<img src=x onerror=alert(1)> & Co',
    };
    const search = stateToSearch(view, defaults);
    expect(search).toBe(
      '?asOf=2017-01-01&since=2011&top=8&repo=xen&repo=osstest&path=xen%2Farch%2Farm&path=tools&area=ARM+%28W%2F+VIRTUALISATION+EXTENSIONS%29+ARCHITECTURE&area=x86&kind=reviews&mode=shares&org=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E+%26+Co',
    );
    expect(parseState(search, defaults)).toEqual(view);
    for (const page of ['review', 'areas'] as const) {
      const onPage = { ...defaults, page };
      expect(stateToSearch(onPage, defaults)).toBe(`?page=${page}`);
      expect(parseState(`?page=${page}`, defaults)).toEqual(onPage);
    }
    expect(parseState('?page=nowhere', defaults)).toEqual(defaults);
  });

  it('falls back to the defaults for every malformed value', () => {
    const parsed = parseState(
      '?asOf=2018-02-30&since=abc&top=0&kind=lines&mode=pie&path=%2F&path=.%2Fdocs%2F&repo=&area=&area=x86&area=x86',
      defaults,
    );
    expect(parsed).toEqual({ ...defaults, paths: ['docs'], areas: ['x86'] });
    expect(parseState('?top=31&since=1800', defaults)).toEqual(defaults);
    expect(parseState('?top=30&since=1999', defaults)).toMatchObject({ top: 30, sinceYear: 1999 });
  });

  it('cleans path prefixes and knows the views the shipped report shows', () => {
    expect(cleanPaths([' xen/arch/arm/ ', 'xen/arch/arm', '', '/tools', './docs/'])).toEqual([
      'xen/arch/arm',
      'tools',
      'docs',
    ]);
    expect(showsDefaultReport({ ...defaults, kind: 'reviews', mode: 'shares' }, defaults)).toBe(
      true,
    );
    expect(showsDefaultReport({ ...defaults, top: 7 }, defaults)).toBe(false);
    expect(showsDefaultReport({ ...defaults, paths: ['tools'] }, defaults)).toBe(false);
    expect(showsDefaultReport({ ...defaults, areas: ['x86'] }, defaults)).toBe(false);
  });
});

describe('kept query results', () => {
  let node: NodeDatabase;
  beforeAll(async () => {
    node = await openNodeDatabase(':memory:');
    await node.exec(`CREATE TABLE t AS SELECT range AS n FROM range(5)`);
  });
  afterAll(async () => node?.close());

  it('answers a repeated query from the kept result, and a different one from the engine', async () => {
    const asked: string[] = [];
    const counting: Database = {
      query: (sql: string, params?: SqlParams) => {
        asked.push(JSON.stringify(params ?? {}));
        return node.query(sql, params);
      },
      exec: (sql) => node.exec(sql),
      close: async () => {},
    };
    const db = cachedDatabase(counting, 2);
    const sql = 'SELECT count(*) AS n FROM t WHERE n < $below';
    expect(await db.query(sql, { below: 3 })).toEqual([{ n: 3 }]);
    const again = await db.query<{ n: number }>(sql, { below: 3 });
    expect(again).toEqual([{ n: 3 }]);
    expect(asked).toEqual(['{"below":3}']);
    // Callers get their own rows: changing them changes no kept result.
    again[0]!.n = 99;
    expect(await db.query(sql, { below: 3 })).toEqual([{ n: 3 }]);
    expect(await db.query(sql, { below: 4 })).toEqual([{ n: 4 }]);
    expect(await db.query(sql, { below: 5 })).toEqual([{ n: 5 }]);
    // Two kept at most: the least recently used ({below: 3}) was dropped.
    expect(await db.query(sql, { below: 3 })).toEqual([{ n: 3 }]);
    expect(asked).toEqual(['{"below":3}', '{"below":4}', '{"below":5}', '{"below":3}']);
    // A failed query is not kept; exec empties everything.
    await expect(db.query('SELECT * FROM missing')).rejects.toThrow();
    await expect(db.query('SELECT * FROM missing')).rejects.toThrow();
    await db.exec('INSERT INTO t VALUES (-1)');
    expect(await db.query(sql, { below: 3 })).toEqual([{ n: 4 }]);
  });
});
