import { describe, expect, it } from 'vitest';
import { BarometerError } from '../../../src/lib/errors.ts';
import { closeAfterEach, expectNoToken, run, setup } from './collect-run.ts';
import {
  FIRST_RUN_LOGIN_EMAILS,
  FIRST_RUN_PULLS,
  FIRST_RUN_REPOSITORIES,
  FIRST_RUN_REVIEWS,
  FIRST_RUN_COMMITS,
  FIRST_RUN_USERS,
  review,
  sha,
} from './first-run-rows.ts';
import { TOKEN } from './fixture-state.ts';
import { rows } from './github-test-kit.ts';

closeAfterEach();

const REPOSITORIES = `SELECT * EXCLUDE (api_url) FROM github_repositories ORDER BY full_name`;
const PULLS = `SELECT * FROM github_pull_requests ORDER BY repository, number`;
const REVIEWS = `SELECT * FROM github_reviews ORDER BY review_id`;
const COMMITS = `SELECT * FROM github_pull_commits ORDER BY repository, pull_number, commit_id`;
const LOGIN_EMAILS = `SELECT * FROM github_login_emails ORDER BY login, email`;
const USERS = `SELECT * FROM github_users ORDER BY login`;

describe('collectGitHub', () => {
  it('mines pull requests, reviews, commit authors and profiles through rate limits and faults', async () => {
    const { server, db } = await setup();
    server.faults.push(
      { path: '/repos/acme/widgets/pulls', kind: 'primary', status: 403, resetIn: 2 },
      {
        path: '/repos/acme/widgets/pulls/1/reviews',
        kind: 'secondary',
        status: 429,
        retryAfter: 3,
      },
      { path: '/repos/acme/widgets/pulls/2', kind: 'status', status: 502 },
      { path: '/users/carol', kind: 'drop' },
    );
    const outcome = await run(server, db);
    expect(outcome.error).toBeUndefined();

    expect(await rows(db, REPOSITORIES)).toEqual(FIRST_RUN_REPOSITORIES);
    expect(await rows(db, PULLS)).toEqual(FIRST_RUN_PULLS);
    expect(await rows(db, REVIEWS)).toEqual(FIRST_RUN_REVIEWS);
    expect(await rows(db, COMMITS)).toEqual(FIRST_RUN_COMMITS);
    expect(await rows(db, LOGIN_EMAILS)).toEqual(FIRST_RUN_LOGIN_EMAILS);
    expect(await rows(db, USERS)).toEqual(FIRST_RUN_USERS);
    expect(await rows(db, `SELECT DISTINCT api_url FROM github_repositories`)).toEqual([
      { api_url: server.url },
    ]);

    // Each wait as the fault asked: the primary reset 2 s ahead, the 502 and the dropped
    // connection 1 s of backoff, the secondary limit's retry-after of 3 s.
    expect(outcome.sleep.waits).toEqual([2000, 1000, 1000, 3000]);
    const pulls =
      'GET /repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100';
    expect(outcome.notes).toEqual([
      'warn: github: repository acme/gone was not found (gone, renamed away or private); skipped',
      `info: github: rate limit reached at ${pulls}; waiting 2 s until 12:00:02 UTC, when it resets`,
      'info: github: network error at GET /users/carol; trying again in 1 s',
      'info: github: HTTP 502 at GET /repos/acme/widgets/pulls/2; trying again in 1 s',
      'info: github: secondary rate limit at GET /repos/acme/widgets/pulls/1/reviews?per_page=100; waiting 3 s as GitHub asks',
      'info: github: acme/widgets: 5 pull requests new or updated, 9 reviews',
      'warn: github: repository acme/secret is not readable with this token (private or blocked); skipped',
      'info: github: other/tool: 1 pull request new or updated, 1 review',
      'info: github: 2 repositories, 6 pull requests new or updated, 10 reviews (32 requests); 2 skipped',
    ]);
    expect(outcome.summary).toEqual({
      mined: true,
      apiUrl: server.url,
      repositories: 2,
      skipped: [
        { name: 'acme/gone', kind: 'repository', status: 'not-found' },
        { name: 'acme/secret', kind: 'repository', status: 'forbidden' },
      ],
      pullRequests: 6,
      reviews: 10,
      requests: 32,
    });
    // Pages follow the Link headers: widgets' pulls in three pages, #5's reviews in two.
    expect(
      server.requests
        .filter((r) => /pulls(\/5\/reviews)?$/.test(r.path) && r.path.includes('widgets'))
        .map((r) => r.url),
    ).toEqual([
      '/repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100',
      '/repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100',
      '/repos/acme/widgets/pulls/5/reviews?per_page=100',
      '/repos/acme/widgets/pulls/5/reviews?per_page=100&page=2',
      '/repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100&page=2',
      '/repos/acme/widgets/pulls?state=all&sort=updated&direction=desc&per_page=100&page=3',
    ]);
    // The token went out on every request, and was echoed back by the 403: it is still nowhere.
    expect(new Set(server.requests.map((r) => r.authorization))).toEqual(
      new Set([`token ${TOKEN}`]),
    );
    await expectNoToken(db, outcome);
  });

  it('asks a second time only for the pull request updated since the first run', async () => {
    const { server, db } = await setup();
    await run(server, db);
    const widgets = server.state.repositories['acme/widgets']!;
    const third = widgets.pulls.find((p) => p.number === 3)!;
    Object.assign(third, {
      state: 'open',
      updated_at: '2026-02-01T00:00:00Z',
      closed_at: null,
      title: 'Abandoned, then picked up again',
      additions: 8,
    });
    third.reviews.push({
      id: 901,
      user: 'erin',
      state: 'APPROVED',
      submitted_at: '2026-01-31T00:00:00Z',
    });
    third.commits = [
      {
        sha: sha(9),
        login: 'erin',
        name: 'Erin',
        email: 'erin@new.example',
        date: '2026-01-30T00:00:00Z',
      },
    ];
    const second = await run(server, db);
    expect(second.error).toBeUndefined();

    expect(second.requests).toEqual([
      'GET /orgs/acme/repos',
      'GET /repos/other/tool',
      'GET /repos/acme/gone',
      // #3 first, then #5 (updated exactly at the sync mark, already stored: not fetched), then
      // page 2 starts below the mark: done.
      'GET /repos/acme/widgets/pulls',
      'GET /repos/acme/widgets/pulls/3',
      'GET /repos/acme/widgets/pulls/3/reviews',
      'GET /repos/acme/widgets/pulls/3/commits',
      'GET /users/erin',
      'GET /repos/acme/widgets/pulls',
      'GET /repos/acme/secret/pulls',
      'GET /repos/other/tool/pulls',
    ]);
    expect(second.notes.at(-1)).toBe(
      'info: github: 2 repositories, 1 pull request new or updated, 1 review (11 requests); 2 skipped',
    );
    expect(await rows(db, PULLS)).toEqual(
      FIRST_RUN_PULLS.map((p) =>
        p.repository === 'acme/widgets' && p.number === 3
          ? {
              ...p,
              state: 'open',
              title: 'Abandoned, then picked up again',
              updated_at: '2026-02-01T00:00:00.000Z',
              closed_at: null,
              additions: 8,
            }
          : p,
      ),
    );
    expect(await rows(db, REVIEWS)).toEqual([
      ...FIRST_RUN_REVIEWS.slice(0, 8),
      review(901, 'acme/widgets', 3, 'erin', 'APPROVED', '2026-01-31T00:00:00.000Z'),
      ...FIRST_RUN_REVIEWS.slice(8),
    ]);
    // dave's commit left #3 (a force-push): his count is gone; erin's arrived.
    expect(await rows(db, LOGIN_EMAILS)).toEqual([
      ...FIRST_RUN_LOGIN_EMAILS.filter((row) => row.login !== 'dave'),
      { login: 'erin', email: 'erin@new.example', commits: 1 },
    ]);
    expect(
      await rows(db, `SELECT commit_id FROM github_pull_commits WHERE pull_number = 3`),
    ).toEqual([{ commit_id: sha(9) }]);
    expect(await rows(db, USERS)).toEqual([
      ...FIRST_RUN_USERS,
      { login: 'erin', name: 'Erin', company: 'Initech' },
    ]);
    expect(await rows(db, REPOSITORIES)).toEqual(
      FIRST_RUN_REPOSITORIES.map((r) =>
        r.full_name === 'acme/widgets'
          ? { ...r, pulls_synced_until: '2026-02-01T00:00:00.000Z' }
          : r,
      ),
    );

    // A third run with nothing new fetches no pull request at all.
    const third3 = await run(server, db);
    expect(third3.requests.filter((r) => /pulls\/\d+/.test(r))).toEqual([]);
    await expectNoToken(db, second);
  });

  it('keeps what a stopped run stored, and the next run resumes after it', async () => {
    const { server, db } = await setup();
    const widgets = server.state.repositories['acme/widgets']!;
    widgets.pulls.find((p) => p.number === 3)!.detail = { additions: 'many' };
    const stopped = await run(server, db);

    expect(stopped.error).toBeInstanceOf(BarometerError);
    expect((stopped.error as BarometerError).code).toBe('github');
    expect((stopped.error as BarometerError).message).toBe(
      'GitHub API GET /repos/acme/widgets/pulls/3: field "additions" must be a non-negative integer, got "many"',
    );
    expect((stopped.error as BarometerError).data).toEqual({
      endpoint: 'GET /repos/acme/widgets/pulls/3',
      field: 'additions',
      value: '"many"',
    });
    // #5 and #4 landed whole; the repository is not marked as synced.
    expect(await rows(db, `SELECT number FROM github_pull_requests ORDER BY number`)).toEqual([
      { number: 4 },
      { number: 5 },
    ]);
    expect(await rows(db, `SELECT count(*)::INTEGER AS n FROM github_reviews`)).toEqual([{ n: 5 }]);
    expect(await rows(db, REPOSITORIES)).toEqual([FIRST_RUN_REPOSITORIES[0]]);

    delete widgets.pulls.find((p) => p.number === 3)!.detail;
    const resumed = await run(server, db);
    expect(resumed.error).toBeUndefined();
    const fetched = resumed.requests.filter((r) => /pulls\/\d+$/.test(r));
    expect(fetched).toEqual([
      'GET /repos/acme/widgets/pulls/3',
      'GET /repos/acme/widgets/pulls/2',
      'GET /repos/acme/widgets/pulls/1',
      'GET /repos/other/tool/pulls/7',
    ]);
    expect(await rows(db, PULLS)).toEqual(FIRST_RUN_PULLS);
    expect(await rows(db, REVIEWS)).toEqual(FIRST_RUN_REVIEWS);
    expect(await rows(db, LOGIN_EMAILS)).toEqual(FIRST_RUN_LOGIN_EMAILS);
    expect(await rows(db, USERS)).toEqual(FIRST_RUN_USERS);
    expect(await rows(db, REPOSITORIES)).toEqual(FIRST_RUN_REPOSITORIES);
    await expectNoToken(db, stopped);
  });
});
