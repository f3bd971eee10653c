import { describe, expect, it } from 'vitest';
import {
  last12Months,
  summariseLast12Months,
} from '../../../src/lib/metrics/last-12-months/last-12-months.ts';
import { fixtureDatabases, params, sameCommits } from './contributions-fixture.ts';

describe('last-12-months', () => {
  const openFixture = fixtureDatabases();

  it('ranks the window, gives the top N share with Unknown in the denominator, and compares sets', async () => {
    const db = await openFixture([
      // Since 2011: A 10+3, B 8+1, C 5+3 → top 2 = {A, B}.
      ...sameCommits(10, 'A', '2012-01-01T00:00:00Z'),
      ...sameCommits(8, 'B', '2012-01-01T00:00:00Z'),
      ...sameCommits(5, 'C', '2012-01-01T00:00:00Z'),
      // Window [2017-06-01, 2018-06-01): C 3, A 3 (tie → A first), B 1, Unknown 3.
      ...sameCommits(3, 'C', '2017-06-01T00:00:00Z'), // first instant of the window
      ...sameCommits(3, 'A', '2018-05-31T23:59:59Z'),
      ...sameCommits(1, 'B', '2018-01-01T00:00:00Z'),
      ...sameCommits(3, 'Unknown', '2018-01-01T00:00:00Z'),
      ...sameCommits(4, 'B', '2017-05-31T23:59:59Z'), // just before the window
    ]);
    const summary = summariseLast12Months(
      await last12Months.run(db, params('2018-06-01', { since: '2011-01-01', top: 2 })),
    );
    expect(summary).toEqual({
      from: '2017-06-01',
      to: '2018-06-01',
      commits: 10,
      topShare: 0.6,
      sameTopAsSince: false, // {A, C} against {A, B}
      organisations: [
        { organisation: 'A', commits: 3, share: 0.3 },
        { organisation: 'C', commits: 3, share: 0.3 },
        { organisation: 'B', commits: 1, share: 0.1 },
      ],
      unknown: { commits: 3, share: 0.3 },
    });
    const top3 = summariseLast12Months(
      await last12Months.run(db, params('2018-06-01', { since: '2011-01-01', top: 3 })),
    );
    expect(top3.sameTopAsSince).toBe(true); // same names, other order
    expect(top3.topShare).toBeCloseTo(0.7, 12);
  });

  it('gives an empty window zero commits and no organisations', async () => {
    const db = await openFixture(sameCommits(2, 'A', '2012-01-01T00:00:00Z'));
    expect(
      summariseLast12Months(
        await last12Months.run(db, params('2018-06-01', { since: '2011-01-01' })),
      ),
    ).toEqual({
      from: '2017-06-01',
      to: '2018-06-01',
      commits: 0,
      topShare: 0,
      sameTopAsSince: false,
      organisations: [],
      unknown: { commits: 0, share: 0 },
    });
  });
});
