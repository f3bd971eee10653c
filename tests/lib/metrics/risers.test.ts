import { describe, expect, it } from 'vitest';
import { risers } from '../../../src/lib/metrics/risers/risers.ts';
import { fixtureDatabases, params, sameCommits } from './contributions-fixture.ts';

describe('risers', () => {
  const openFixture = fixtureDatabases();

  it('compares the last 12 months with the average per full year from since or the first commit', async () => {
    // as-of 2018-06-01: window [2017-06-01, 2018-06-01); "before" = full years up to 2016.
    const db = await openFixture([
      // Arm: 2014–2016 → 4 + 4 + 4 = 12 over 3 years = 4/year; window 8 → ratio 2 (exactly twice: a riser).
      ...sameCommits(4, 'Arm', '2014-03-01T00:00:00Z'),
      ...sameCommits(4, 'Arm', '2015-03-01T00:00:00Z'),
      ...sameCommits(4, 'Arm', '2016-03-01T00:00:00Z'),
      ...sameCommits(8, 'Arm', '2017-07-01T00:00:00Z'),
      // AMD: 2012–2016 (since 2012) → 10 over 5 years = 2/year; window 7 → 3.5. Commits in 2011
      // (before since) and in 2017 before the window do not count.
      ...sameCommits(50, 'AMD', '2011-06-01T00:00:00Z'),
      ...sameCommits(10, 'AMD', '2012-06-01T00:00:00Z'),
      ...sameCommits(9, 'AMD', '2017-05-31T00:00:00Z'),
      ...sameCommits(7, 'AMD', '2018-05-31T23:59:59Z'),
      // Citrix: 10/year, window 19 → 1.9: not a riser.
      ...sameCommits(30, 'Citrix', '2015-01-01T00:00:00Z'),
      ...sameCommits(19, 'Citrix', '2018-01-01T00:00:00Z'),
      // EPAM: first commit in 2017, no full year before the window: a newcomer, not a riser.
      ...sameCommits(1, 'EPAM', '2017-01-15T00:00:00Z'),
      ...sameCommits(20, 'EPAM', '2018-01-15T00:00:00Z'),
      // Xen Corp: commits before since only, none in "before": a zero average is no riser.
      ...sameCommits(5, 'XenCorp', '2009-01-01T00:00:00Z'),
      ...sameCommits(10, 'XenCorp', '2018-01-01T00:00:00Z'),
      // Unknown never rises.
      ...sameCommits(1, 'Unknown', '2015-01-01T00:00:00Z'),
      ...sameCommits(20, 'Unknown', '2018-01-01T00:00:00Z'),
    ]);
    const rows = await risers.run(db, params('2018-06-01', { since: '2012-01-01' }));
    expect(rows).toEqual([
      {
        organisation: 'Arm',
        last12Months: 8,
        yearlyAverageBefore: 4,
        ratio: 2,
        fromYear: 2014,
        toYear: 2016,
      },
      {
        organisation: 'AMD',
        last12Months: 7,
        yearlyAverageBefore: 2,
        ratio: 3.5,
        fromYear: 2012,
        toYear: 2016,
      },
    ]);
  });

  it('starts "before" at the first full year when since is not 1 January', async () => {
    const db = await openFixture([
      ...sameCommits(10, 'X', '2015-06-01T00:00:00Z'), // in the year of since, which is not a full year
      ...sameCommits(1, 'X', '2016-06-01T00:00:00Z'),
      ...sameCommits(2, 'X', '2017-02-01T00:00:00Z'),
    ]);
    // as-of 2017-06-01: window from 2016-06-01; before = 2016..2015 → empty for since 2015-03-01.
    expect(await risers.run(db, params('2017-06-01', { since: '2015-03-01' }))).toEqual([]);
    // as-of 2018-01-01: window [2017-01-01, 2018-01-01); before = 2016 only: 1/year, window 2.
    expect(await risers.run(db, params('2018-01-01', { since: '2015-03-01' }))).toEqual([
      {
        organisation: 'X',
        last12Months: 2,
        yearlyAverageBefore: 1,
        ratio: 2,
        fromYear: 2016,
        toYear: 2016,
      },
    ]);
  });
});
