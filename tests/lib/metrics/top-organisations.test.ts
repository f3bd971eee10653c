import { describe, expect, it } from 'vitest';
import { topOrganisations } from '../../../src/lib/metrics/top-organisations/top-organisations.ts';
import { fixtureDatabases, params, type FixtureCommit } from './contributions-fixture.ts';

const commits = (n: number, organisation: string, time = '2017-03-01T00:00:00Z'): FixtureCommit[] =>
  Array.from({ length: n }, () => ({
    time,
    email: `dev@${organisation.toLowerCase()}.com`,
    organisation,
  }));

describe('top-organisations', () => {
  const openFixture = fixtureDatabases();

  it('ranks by commits then name, keeps Unknown unranked but in every share', async () => {
    const db = await openFixture([
      ...commits(3, 'Zeta'),
      ...commits(3, 'Alpha'),
      ...commits(2, 'Unknown'),
      ...commits(2, 'Beta'),
      ...commits(5, 'Old', '2010-01-01T00:00:00Z'), // before since
      {
        time: '2017-03-01T00:00:00Z',
        email: 'r@old.com',
        organisation: 'Alpha',
        reviews: [{ email: 'r@old.com', organisation: 'Old' }],
      },
    ]);
    const rows = await topOrganisations.run(db, params('2018-01-01', { since: '2011-01-01' }));
    expect(rows).toEqual([
      { organisation: 'Alpha', commits: 4, share: 4 / 11, rank: 1 },
      { organisation: 'Zeta', commits: 3, share: 3 / 11, rank: 2 },
      { organisation: 'Beta', commits: 2, share: 2 / 11, rank: 3 },
      { organisation: 'Unknown', commits: 2, share: 2 / 11, rank: null },
    ]);
  });
});
