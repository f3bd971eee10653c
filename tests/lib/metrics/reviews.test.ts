import { describe, expect, it } from 'vitest';
import { reviewsAgainstCommits } from '../../../src/lib/metrics/reviews-against-commits/reviews-against-commits.ts';
import { reviewsByOrganisation } from '../../../src/lib/metrics/reviews-by-organisation/reviews-by-organisation.ts';
import { fixtureDatabases, params } from './contributions-fixture.ts';

const r = (organisation: string) => ({ email: `r@${organisation}.com`, organisation });

describe('reviews-by-organisation and reviews-against-commits', () => {
  const openFixture = fixtureDatabases();

  const fixture = () =>
    openFixture(
      [
        // Two trailers by one person on one commit count twice.
        {
          time: '2016-12-31T23:59:59Z',
          email: 'a@citrix.com',
          organisation: 'Citrix',
          repositories: ['xen'],
          files: ['xen/arch/arm/a.c'],
          reviews: [r('SUSE'), r('SUSE')],
        },
        {
          time: '2017-01-01T00:00:00Z',
          email: 'a@citrix.com',
          organisation: 'Citrix',
          repositories: ['xen'],
          files: ['tools/x.c'],
          reviews: [r('EPAM'), r('Unknown')],
        },
        {
          time: '2017-02-01T00:00:00Z',
          email: 's@suse.com',
          organisation: 'SUSE',
          repositories: ['osstest'],
          files: ['xen/arch/arm/b.c'],
          reviews: [r('Citrix')],
        },
      ],
      [
        {
          time: '2017-03-01T00:00:00Z',
          email: 'g@epam.com',
          organisation: 'EPAM',
          repository: 'xen-project/xen',
        },
        {
          time: '2018-01-01T00:00:00Z',
          email: 'g@epam.com',
          organisation: 'EPAM',
          repository: 'xen-project/xen',
        }, // as-of day
      ],
    );

  it('counts each trailer and GitHub review per organisation per year', async () => {
    const db = await fixture();
    expect(
      await reviewsByOrganisation.run(db, params('2018-01-01', { since: '2016-01-01' })),
    ).toEqual([
      { organisation: 'SUSE', year: 2016, reviews: 2 },
      { organisation: 'EPAM', year: 2017, reviews: 2 },
      { organisation: 'Citrix', year: 2017, reviews: 1 },
      { organisation: 'Unknown', year: 2017, reviews: 1 },
    ]);
    expect(
      await reviewsAgainstCommits.run(db, params('2018-01-01', { since: '2016-01-01' })),
    ).toEqual([
      { organisation: 'Citrix', reviews: 1, commits: 2 },
      { organisation: 'SUSE', reviews: 2, commits: 1 },
      { organisation: 'EPAM', reviews: 2, commits: 0 },
      { organisation: 'Unknown', reviews: 1, commits: 0 },
    ]);
  });

  it('lets a trailer review follow its commit through filters; GitHub reviews drop out under a path', async () => {
    const db = await fixture();
    const byPath = await reviewsAgainstCommits.run(
      db,
      params('2018-01-01', { since: '2016-01-01', paths: ['xen/arch/arm'] }),
    );
    expect(byPath).toEqual([
      { organisation: 'SUSE', reviews: 2, commits: 1 },
      { organisation: 'Citrix', reviews: 1, commits: 1 },
    ]);
    const byRepository = await reviewsAgainstCommits.run(
      db,
      params('2018-01-01', { since: '2016-01-01', repositories: ['xen', 'xen-project/xen'] }),
    );
    expect(byRepository).toEqual([
      { organisation: 'Citrix', reviews: 0, commits: 2 },
      { organisation: 'EPAM', reviews: 2, commits: 0 },
      { organisation: 'SUSE', reviews: 2, commits: 0 },
      { organisation: 'Unknown', reviews: 1, commits: 0 },
    ]);
  });
});
