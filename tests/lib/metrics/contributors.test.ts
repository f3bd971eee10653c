import { describe, expect, it } from 'vitest';
import { activeContributorsByYear } from '../../../src/lib/metrics/active-contributors-by-year/active-contributors-by-year.ts';
import { newContributorsByYear } from '../../../src/lib/metrics/new-contributors-by-year/new-contributors-by-year.ts';
import { fixtureDatabases, params } from './contributions-fixture.ts';

const c = (time: string, email: string) => ({
  time,
  email,
  organisation: 'X',
  reviews: [{ email: 'reviewer@x.org', organisation: 'X' }],
});

describe('active-contributors-by-year and new-contributors-by-year', () => {
  const openFixture = fixtureDatabases();

  it('counts distinct commit authors per year and people in their first year', async () => {
    const db = await openFixture([
      c('2014-06-01T00:00:00Z', 'old@x.org'), // before since: makes old@ not new in 2016
      c('2015-01-01T00:00:00Z', 'a@x.org'),
      c('2015-06-01T00:00:00Z', 'a@x.org'),
      c('2015-12-31T23:59:59Z', 'b@x.org'),
      // 2016: nobody
      c('2017-01-01T00:00:00Z', 'a@x.org'),
      c('2017-02-01T00:00:00Z', 'old@x.org'),
      c('2017-03-01T00:00:00Z', 'new@x.org'),
      c('2018-01-01T00:00:00Z', 'late@x.org'), // the as-of day
    ]);
    const p = params('2018-01-01', { since: '2015-01-01' });
    expect(await activeContributorsByYear.run(db, p)).toEqual([
      { year: 2015, contributors: 2 },
      { year: 2016, contributors: 0 },
      { year: 2017, contributors: 3 }, // reviewers are not contributors here
    ]);
    expect(await newContributorsByYear.run(db, p)).toEqual([
      { year: 2015, contributors: 2 },
      { year: 2016, contributors: 0 },
      { year: 2017, contributors: 1 },
    ]);
  });
});
