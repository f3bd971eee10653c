import { describe, expect, it } from 'vitest';
import { organisationActivityByYear } from '../../../src/lib/metrics/organisation-activity-by-year/organisation-activity-by-year.ts';
import { organisationPeople } from '../../../src/lib/metrics/organisation-people/organisation-people.ts';
import { organisationRepositories } from '../../../src/lib/metrics/organisation-repositories/organisation-repositories.ts';
import { organisationsByYear } from '../../../src/lib/metrics/organisations-by-year/organisations-by-year.ts';
import { fixtureDatabases, params } from './contributions-fixture.ts';

describe('organisation metrics', () => {
  const openFixture = fixtureDatabases();

  const fixture = () =>
    openFixture(
      [
        {
          time: '2015-03-01T00:00:00Z',
          email: 'ann@arm.com',
          name: 'Ann Old',
          organisation: 'Arm',
          repositories: ['xen'],
        },
        {
          time: '2016-03-01T00:00:00Z',
          email: 'ann@arm.com',
          name: 'Ann',
          organisation: 'Arm',
          repositories: ['xen', 'linux'],
        },
        {
          time: '2016-04-01T00:00:00Z',
          email: 'bob@arm.com',
          organisation: 'Arm',
          repositories: ['xen'],
          reviews: [{ email: 'ann@arm.com', organisation: 'Arm' }],
        },
        {
          time: '2016-05-01T00:00:00Z',
          email: 'x@amd.com',
          organisation: 'AMD',
          repositories: ['xen'],
          reviews: [{ email: 'bob@arm.com', organisation: 'Arm' }],
        },
        { time: '2016-06-01T00:00:00Z', email: 'u@nowhere.net', organisation: 'Unknown' },
        // Bob again under another address: the same name (in another case) is one person.
        {
          time: '2016-07-01T00:00:00Z',
          email: 'robert@arm.com',
          name: 'BOB',
          organisation: 'Arm',
          repositories: ['xen'],
        },
      ],
      [
        {
          time: '2017-01-05T00:00:00Z',
          email: 'bob@arm.com',
          organisation: 'Arm',
          repository: 'xen-project/xen',
        },
      ],
    );

  it("gives one organisation's years, people and repositories", async () => {
    const db = await fixture();
    const p = params('2018-01-01', { since: '2015-01-01', organisation: 'Arm' });
    expect(await organisationActivityByYear.run(db, p)).toEqual([
      { year: 2015, commits: 1, reviews: 0 },
      { year: 2016, commits: 3, reviews: 2 },
      { year: 2017, commits: 0, reviews: 1 },
    ]);
    expect(await organisationPeople.run(db, p)).toEqual([
      // two addresses under one name are one person; ties on commits go to more reviews
      {
        person: 'bob@arm.com',
        name: 'bob',
        commits: 2,
        reviews: 2,
        addresses: 'bob@arm.com, robert@arm.com',
      },
      // the latest name seen: the review's
      { person: 'ann@arm.com', name: 'ann', commits: 2, reviews: 1, addresses: 'ann@arm.com' },
    ]);
    expect(await organisationRepositories.run(db, p)).toEqual([
      { repository: 'xen', commits: 3, reviews: 2 },
      { repository: 'linux', commits: 1, reviews: 0 }, // a commit in linux and xen counts under linux (first by name)
      { repository: 'xen-project/xen', commits: 0, reviews: 1 },
    ]);
  });

  it('lists organisations by year with Unknown last in each year', async () => {
    const db = await fixture();
    expect(
      await organisationsByYear.run(db, params('2018-01-01', { since: '2015-01-01' })),
    ).toEqual([
      { year: 2015, organisation: 'Arm', commits: 1 },
      { year: 2016, organisation: 'Arm', commits: 3 },
      { year: 2016, organisation: 'AMD', commits: 1 },
      { year: 2016, organisation: 'Unknown', commits: 1 },
    ]);
  });
});
