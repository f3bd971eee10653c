import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeDatabase } from '../../../src/lib/db/node.ts';
import { parametersOf } from '../../../src/lib/metrics/compose-metric-sql.ts';
import { findMetric, metrics, organisationMetrics } from '../../../src/lib/metrics/registry.ts';
import { fixtureDatabase, params } from './contributions-fixture.ts';

describe('metric registry', () => {
  let empty: NodeDatabase;
  let some: NodeDatabase;
  beforeAll(async () => {
    empty = await fixtureDatabase([]);
    some = await fixtureDatabase([
      {
        time: '2016-05-01T10:00:00Z',
        email: 'a@x.org',
        organisation: 'X',
        reviews: [{ email: 'b@y.org', organisation: 'Y' }],
      },
      { time: '2017-05-01T10:00:00Z', email: 'c@unmapped.net', organisation: 'Unknown' },
    ]);
  });
  afterAll(async () => {
    await empty.close();
    await some.close();
  });

  it('has unique kebab-case names and only known parameters', () => {
    const all = [...metrics, ...organisationMetrics];
    expect(new Set(all.map((m) => m.name)).size).toBe(all.length);
    for (const metric of all) {
      expect(metric.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(findMetric(metric.name)).toBe(metric);
      for (const name of parametersOf(metric.sql)) {
        expect([
          'as_of',
          'since',
          'top',
          'growth_since',
          'repositories',
          'paths',
          'organisation',
        ]).toContain(name);
      }
    }
  });

  it('runs every metric on an empty database and on a small one, twice the same', async () => {
    for (const metric of [...metrics, ...organisationMetrics]) {
      const p = params('2018-01-01', { since: '2015-01-01', organisation: 'X' });
      await expect(metric.run(empty, p), metric.name).resolves.toBeInstanceOf(Array);
      const first = await metric.run(some, p);
      expect(await metric.run(some, p), metric.name).toEqual(first);
    }
  });
});
