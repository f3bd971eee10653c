import { describe, expect, it } from 'vitest';
import { loadAffiliationMapFiles } from '../../../src/lib/identity/affiliation-maps.ts';
import { applyAffiliations } from '../../../src/lib/identity/apply-affiliations.ts';
import { pullRequestsByOrganisation } from '../../../src/lib/metrics/pull-requests-by-organisation/pull-requests-by-organisation.ts';
import { reviewMatrix } from '../../../src/lib/metrics/review-matrix/review-matrix.ts';
import { pullRequestsTimeToFirstReview } from '../../../src/lib/metrics/pull-requests-time-to-first-review/pull-requests-time-to-first-review.ts';
import { params } from '../../lib/metrics/contributions-fixture.ts';
import { closeAfterEach, run, setup } from './collect-run.ts';
import { NOW } from './fixture-state.ts';
import { rows } from './github-test-kit.ts';

closeAfterEach();

describe('GitHub history to figures', () => {
  it('turns mined reviews into contributions and pull requests into figures', async () => {
    const { server, db } = await setup();
    const outcome = await run(server, db);
    expect(outcome.error).toBeUndefined();

    const files: Record<string, string> = { 'logins.txt': 'carol carol@initech.example\n' };
    const maps = await loadAffiliationMapFiles(
      {
        defaultMap: false,
        logins: ['logins.txt'],
        inline: {
          organisations: {
            'acme.example': 'Acme',
            'corp.example': 'Corp',
            'initech.example': 'Initech',
          },
          file: 'project.json',
        },
      },
      { read: async (path) => files[path]!, resolve: (_, name) => name },
    );
    await applyAffiliations(db, maps, { now: NOW });

    // Submitted reviews that approve, comment or request changes (not #2's pending one, not
    // #4's dismissed one); bob and alice by their commits' addresses, carol by the logins map.
    expect(
      await rows(
        db,
        `SELECT contribution_id, repository, time, person, organisation FROM contributions
          WHERE source = 'github' ORDER BY time, contribution_id`,
      ),
    ).toEqual(
      [
        ['github:501', 'acme/widgets', '2024-01-11T10:30:00.000Z', 'bob@corp.example', 'Corp'],
        ['github:502', 'acme/widgets', '2024-01-11T11:00:00.000Z', 'alice@acme.example', 'Acme'],
        ['github:503', 'acme/widgets', '2024-02-02T12:00:00.000Z', 'alice@acme.example', 'Acme'],
        [
          'github:701',
          'other/tool',
          '2025-01-01T20:00:00.000Z',
          'carol@initech.example',
          'Initech',
        ],
        [
          'github:3000000002',
          'acme/widgets',
          '2025-05-03T06:00:00.000Z',
          'alice@acme.example',
          'Acme',
        ],
        ['github:601', 'acme/widgets', '2025-06-01T01:00:00.000Z', 'bob@corp.example', 'Corp'],
        [
          'github:602',
          'acme/widgets',
          '2025-06-01T02:00:00.000Z',
          'carol@initech.example',
          'Initech',
        ],
        ['github:603', 'acme/widgets', '2025-06-01T03:00:00.000Z', 'bob@corp.example', 'Corp'],
      ].map(([contribution_id, repository, time, person, organisation]) => ({
        contribution_id,
        repository,
        time,
        person,
        organisation,
      })),
    );

    const p = params('2026-03-01', { since: '2015-01-01' });
    expect(await pullRequestsByOrganisation.run(db, p)).toEqual([
      { year: 2024, organisation: 'Acme', opened: 1, merged: 1 },
      { year: 2024, organisation: 'Corp', opened: 1, merged: 0 },
      // #3's author deleted their account.
      { year: 2024, organisation: 'Unknown', opened: 1, merged: 0 },
      { year: 2025, organisation: 'Acme', opened: 1, merged: 1 },
      { year: 2025, organisation: 'Initech', opened: 1, merged: 1 },
      // dependabot[bot] is nobody's.
      { year: 2025, organisation: 'Unknown', opened: 1, merged: 1 },
    ]);
    expect(await pullRequestsTimeToFirstReview.run(db, p)).toEqual([
      // #1 25.5 h (bob; alice's own comment does not count), #2 36 h, #3 never: median 30.75.
      { year: 2024, opened: 3, reviewed: 2, medianHours: 30.75 },
      // #7 20 h, #4 30 h (a review since dismissed), #5 1 h: median 20.
      { year: 2025, opened: 3, reviewed: 3, medianHours: 20 },
    ]);
    // Who reviewed whom: each review against its pull request's author (alice's comment on her own
    // #1 is a self-review, left out; dependabot[bot]'s #5 is nobody's).
    expect(await reviewMatrix.run(db, p)).toEqual(
      [
        [2024, 'Acme', 'Corp', 1],
        [2024, 'Corp', 'Acme', 1],
        [2025, 'Corp', 'Unknown', 2],
        [2025, 'Acme', 'Initech', 1],
        [2025, 'Initech', 'Acme', 1],
        [2025, 'Initech', 'Unknown', 1],
      ].map(([year, reviewerOrganisation, authorOrganisation, reviews]) => ({
        year,
        reviewerOrganisation,
        authorOrganisation,
        reviews,
      })),
    );
    // GitHub reviews have no files: an area leaves none.
    expect(await reviewMatrix.run(db, { ...p, areas: ['src'] })).toEqual([]);
  });
});
