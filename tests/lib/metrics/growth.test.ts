import { describe, expect, it } from 'vitest';
import { growth, summariseGrowth } from '../../../src/lib/metrics/growth/growth.ts';
import { fixtureDatabases, params, type FixtureCommit } from './contributions-fixture.ts';

/** `counts[year]` commits in each year, on 1 July. */
function history(counts: Record<number, number>): FixtureCommit[] {
  return Object.entries(counts).flatMap(([year, n]) =>
    Array.from({ length: n }, () => ({
      time: `${year}-07-01T00:00:00Z`,
      email: 'a@x.org',
      organisation: 'X',
    })),
  );
}

describe('growth', () => {
  const openFixture = fixtureDatabases();

  it('gives yearly rates, the compound annual rate and the mean of rates over full years', async () => {
    // 2014 → 2017: 100, 110, 99, 125; 2018 is partial and ignored.
    const db = await openFixture(
      history({ 2013: 7, 2014: 100, 2015: 110, 2016: 99, 2017: 125, 2018: 500 }),
    );
    const rows = await growth.run(db, params('2018-06-01', { growthSince: 2014 }));
    const summary = summariseGrowth(rows)!;
    expect(summary.fromYear).toBe(2014);
    expect(summary.toYear).toBe(2017);
    expect(summary.byYear.map((y) => y.year)).toEqual([2015, 2016, 2017]);
    expect(summary.byYear[0]!.growth).toBeCloseTo(0.1, 12);
    expect(summary.byYear[1]!.growth).toBeCloseTo(-0.1, 12);
    expect(summary.byYear[2]!.growth).toBeCloseTo(125 / 99 - 1, 12);
    expect(summary.cagr).toBeCloseTo(Math.pow(1.25, 1 / 3) - 1, 12);
    expect(summary.meanYoY).toBeCloseTo((0.1 - 0.1 + (125 / 99 - 1)) / 3, 12);
  });

  it('defaults growth-since to three full years before the last full year', async () => {
    const db = await openFixture(history({ 2014: 1, 2015: 2, 2016: 4, 2017: 8 }));
    const summary = summariseGrowth(await growth.run(db, params('2018-01-01')))!;
    expect([summary.fromYear, summary.toYear]).toEqual([2014, 2017]);
    expect(summary.cagr).toBeCloseTo(1, 12);
    expect(summary.meanYoY).toBeCloseTo(1, 12);
  });

  it('gives null growth from a year of zero, and no summary for a span under a year', async () => {
    const db = await openFixture(history({ 2015: 10, 2017: 5 }));
    const rows = await growth.run(db, params('2018-03-01', { growthSince: 2014 }));
    expect(rows.map((r) => [r.year, r.commits, r.growth])).toEqual([
      [2014, 0, null],
      [2015, 10, null], // from zero
      [2016, 0, -1],
      [2017, 5, null], // from zero
    ]);
    expect(rows[0]!.cagr).toBeNull();
    expect(rows[0]!.meanYoY).toBeNull();
    expect(
      summariseGrowth(await growth.run(db, params('2018-03-01', { growthSince: 2017 }))),
    ).toBeNull();
  });
});
