import { describe, expect, it } from 'vitest';
import { firstContributions } from '../../../src/lib/metrics/first-contributions/first-contributions.ts';
import { newcomers } from '../../../src/lib/metrics/newcomers/newcomers.ts';
import { fixtureDatabases, params } from './contributions-fixture.ts';

describe('first-contributions and newcomers', () => {
  const openFixture = fixtureDatabases();

  it('dates first commits or reviews, and finds organisations new in the last 24 months', async () => {
    const db = await openFixture(
      [
        { time: '2009-05-01T00:00:00Z', email: 'a@citrix.com', organisation: 'Citrix' },
        // EPAM's first contribution is a review on a Citrix commit, just inside 24 months.
        {
          time: '2016-06-01T00:00:00Z',
          email: 'a@citrix.com',
          organisation: 'Citrix',
          reviews: [{ email: 'r@epam.com', organisation: 'EPAM' }],
        },
        { time: '2017-03-01T00:00:00Z', email: 'd@epam.com', organisation: 'EPAM' },
        {
          time: '2018-01-01T00:00:00Z',
          email: 'd@epam.com',
          organisation: 'EPAM',
          reviews: [{ email: 'r@epam.com', organisation: 'EPAM' }],
        },
        // Old: first contribution one second before the 24 months.
        { time: '2016-05-31T23:59:59Z', email: 'o@old.com', organisation: 'Old' },
        { time: '2018-01-01T00:00:00Z', email: 'n@unmapped.net', organisation: 'Unknown' },
        { time: '2018-06-01T00:00:00Z', email: 'late@new.com', organisation: 'Late' }, // the as-of day
      ],
      [
        {
          time: '2018-02-01T00:00:00Z',
          email: 'g@epam.com',
          organisation: 'EPAM',
          repository: 'xen-project/xen',
        },
      ],
    );
    const p = params('2018-06-01', { since: '2011-01-01' });
    expect(await firstContributions.run(db, p)).toEqual([
      { organisation: 'Citrix', date: '2009-05-01' }, // since does not apply
      { organisation: 'Old', date: '2016-05-31' },
      { organisation: 'EPAM', date: '2016-06-01' },
    ]);
    expect(await newcomers.run(db, p)).toEqual([
      {
        organisation: 'EPAM',
        firstContribution: '2016-06-01',
        commits: 2,
        reviews: 3,
        commitsLast12Months: 1,
        reviewsLast12Months: 2,
      },
    ]);
  });
});
