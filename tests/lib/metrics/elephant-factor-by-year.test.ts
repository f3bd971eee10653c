import { describe, expect, it } from 'vitest';
import { elephantFactorByYear } from '../../../src/lib/metrics/elephant-factor-by-year/elephant-factor-by-year.ts';
import { fixtureDatabases, params, type FixtureCommit } from './contributions-fixture.ts';

const commits = (n: number, organisation: string, year: number): FixtureCommit[] =>
  Array.from({ length: n }, () => ({
    time: `${year}-05-01T00:00:00Z`,
    email: `d@${organisation}.com`,
    organisation,
  }));

describe('elephant-factor-by-year', () => {
  const openFixture = fixtureDatabases();

  it('counts the fewest organisations reaching half of all commits, Unknown in the total only', async () => {
    const db = await openFixture([
      // 2013: A 5 of 10 → exactly half with one organisation.
      ...commits(5, 'A', 2013),
      ...commits(3, 'B', 2013),
      ...commits(2, 'Unknown', 2013),
      // 2014: Unknown 4 of 10; A 3, B 2, C 1 → A+B = 5 reaches half: 2.
      ...commits(4, 'Unknown', 2014),
      ...commits(3, 'A', 2014),
      ...commits(2, 'B', 2014),
      ...commits(1, 'C', 2014),
      // 2015: no commits → 0.
      // 2016: Unknown 6 of 10; the rest cannot reach half → null.
      ...commits(6, 'Unknown', 2016),
      ...commits(4, 'A', 2016),
      // 2017: four tied organisations of 2 each, 8 in all → 2 whichever names come first.
      ...commits(2, 'D', 2017),
      ...commits(2, 'C', 2017),
      ...commits(2, 'B', 2017),
      ...commits(2, 'A', 2017),
    ]);
    expect(
      await elephantFactorByYear.run(db, params('2018-01-01', { since: '2013-01-01' })),
    ).toEqual([
      { year: 2013, elephantFactor: 1, commits: 10 },
      { year: 2014, elephantFactor: 2, commits: 10 },
      { year: 2015, elephantFactor: 0, commits: 0 },
      { year: 2016, elephantFactor: null, commits: 10 },
      { year: 2017, elephantFactor: 2, commits: 8 },
    ]);
  });
});
