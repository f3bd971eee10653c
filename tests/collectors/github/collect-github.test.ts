import { afterEach, describe, expect, it } from 'vitest';
import { collectGitHub, NO_TOKEN_MESSAGE } from '../../../collectors/github/collect-github.ts';
import type { RequestPolicyOptions } from '../../../collectors/github/request-policy.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { BarometerError } from '../../../src/lib/errors.ts';
import { startFakeGitHub, type FakeGitHub } from './fake-github.ts';
import { fixtureState, NOW, TOKEN } from './fixture-state.ts';
import { captureLogger, dumpDatabase, errorText, recordingSleep, rows } from './github-test-kit.ts';

const clock = () => NOW;
const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function setup(): Promise<{ server: FakeGitHub; db: NodeDatabase }> {
  const server = await startFakeGitHub(fixtureState(), clock);
  open.push(server);
  const db = await openNodeDatabase(':memory:');
  open.push(db);
  return { server, db };
}

interface RunOptions {
  token?: string | undefined;
  env?: Record<string, string | undefined>;
  config?: { orgs: string[]; repos: string[]; apiUrl?: string };
  policy?: RequestPolicyOptions;
}

async function run(server: FakeGitHub, db: NodeDatabase, options: RunOptions = {}) {
  const logger = captureLogger();
  const sleep = recordingSleep();
  const from = server.requests.length;
  let error: unknown;
  let summary;
  try {
    summary = await collectGitHub({
      db,
      config: options.config ?? {
        orgs: ['acme'],
        repos: ['other/tool', 'acme/gone', 'acme/Widgets'],
        apiUrl: server.url,
      },
      token: 'token' in options ? options.token : TOKEN,
      env: options.env ?? {},
      logger,
      clock,
      sleep,
      ...(options.policy ? { policy: options.policy } : {}),
    });
  } catch (e) {
    error = e;
  }
  const notes = logger.lines.filter((line) => !line.startsWith('debug: '));
  const requests = server.requests.slice(from).map((r) => `${r.method} ${r.path}`);
  return { summary, error, logger, notes, sleep, requests };
}

/** Fails when the token is in the database, in any log line (debug too) or in the error. */
async function expectNoToken(
  db: NodeDatabase,
  outcome: { logger: { lines: string[] }; error: unknown },
  token = TOKEN,
) {
  const everything = [
    await dumpDatabase(db),
    outcome.logger.lines.join('\n'),
    errorText(outcome.error),
  ].join('\n');
  expect(everything).not.toContain(token);
  expect(everything.length).toBeGreaterThan(100);
}

const REPOSITORIES = `SELECT * EXCLUDE (api_url) FROM github_repositories ORDER BY full_name`;
const PULLS = `SELECT * FROM github_pull_requests ORDER BY repository, number`;
const REVIEWS = `SELECT * FROM github_reviews ORDER BY review_id`;
const COMMITS = `SELECT * FROM github_pull_commits ORDER BY repository, pull_number, commit_id`;
const LOGIN_EMAILS = `SELECT * FROM github_login_emails ORDER BY login, email`;
const USERS = `SELECT * FROM github_users ORDER BY login`;

const sha = (n: number) => n.toString(16).padStart(40, 'a');
const pull = (
  repository: string,
  number: number,
  author_login: string | null,
  state: string,
  title: string,
  base_branch: string,
  times: [string, string, string | null, string | null],
  counts: [number, number, number],
) => ({
  repository,
  number,
  author_login,
  state,
  title,
  base_branch,
  created_at: times[0],
  updated_at: times[1],
  merged_at: times[2],
  closed_at: times[3],
  additions: counts[0],
  deletions: counts[1],
  review_comments: counts[2],
});
const review = (
  review_id: number,
  repository: string,
  pull_number: number,
  reviewer_login: string | null,
  state: string,
  submitted_at: string | null,
) => ({ review_id, repository, pull_number, reviewer_login, state, submitted_at });

const FIRST_RUN_PULLS = [
  pull(
    'acme/widgets',
    1,
    'alice',
    'closed',
    'Add the widget',
    'main',
    [
      '2024-01-10T09:00:00.000Z',
      '2024-01-12T09:00:00.000Z',
      '2024-01-12T08:00:00.000Z',
      '2024-01-12T08:00:00.000Z',
    ],
    [120, 4, 3],
  ),
  pull(
    'acme/widgets',
    2,
    'bob',
    'open',
    'Fix the =SUM(A1) "quoting" <b>bug</b>',
    'stable-1.0',
    ['2024-02-01T00:00:00.000Z', '2024-02-03T00:00:00.000Z', null, null],
    [5, 5, 0],
  ),
  pull(
    'acme/widgets',
    3,
    null,
    'closed',
    'Abandoned',
    'main',
    ['2024-03-01T00:00:00.000Z', '2024-03-05T00:00:00.000Z', null, '2024-03-05T00:00:00.000Z'],
    [1, 0, 0],
  ),
  pull(
    'acme/widgets',
    4,
    'carol',
    'closed',
    'Speed up',
    'main',
    [
      '2025-05-01T00:00:00.000Z',
      '2025-05-04T00:00:00.000Z',
      '2025-05-04T00:00:00.000Z',
      '2025-05-04T00:00:00.000Z',
    ],
    [30, 60, 1],
  ),
  pull(
    'acme/widgets',
    5,
    'dependabot[bot]',
    'closed',
    'Bump lodash from 4.17.20 to 4.17.21',
    'main',
    [
      '2025-06-01T00:00:00.000Z',
      '2025-06-02T00:00:00.000Z',
      '2025-06-02T00:00:00.000Z',
      '2025-06-02T00:00:00.000Z',
    ],
    [2, 2, 0],
  ),
  pull(
    'other/tool',
    7,
    'alice',
    'closed',
    'Port to Node 20',
    'main',
    [
      '2025-01-01T00:00:00.000Z',
      '2025-01-03T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
      '2025-01-02T00:00:00.000Z',
    ],
    [10, 3, 0],
  ),
];

const FIRST_RUN_REVIEWS = [
  review(501, 'acme/widgets', 1, 'bob', 'APPROVED', '2024-01-11T10:30:00.000Z'),
  review(502, 'acme/widgets', 1, 'alice', 'COMMENTED', '2024-01-11T11:00:00.000Z'),
  review(503, 'acme/widgets', 2, 'alice', 'CHANGES_REQUESTED', '2024-02-02T12:00:00.000Z'),
  review(504, 'acme/widgets', 2, 'carol', 'PENDING', null),
  review(601, 'acme/widgets', 5, 'bob', 'COMMENTED', '2025-06-01T01:00:00.000Z'),
  review(602, 'acme/widgets', 5, 'carol', 'COMMENTED', '2025-06-01T02:00:00.000Z'),
  review(603, 'acme/widgets', 5, 'bob', 'APPROVED', '2025-06-01T03:00:00.000Z'),
  review(701, 'other/tool', 7, 'carol', 'APPROVED', '2025-01-01T20:00:00.000Z'),
  review(3000000001, 'acme/widgets', 4, 'bob', 'DISMISSED', '2025-05-02T06:00:00.000Z'),
  review(3000000002, 'acme/widgets', 4, 'alice', 'APPROVED', '2025-05-03T06:00:00.000Z'),
];

const FIRST_RUN_COMMITS = [
  ['acme/widgets', 1, sha(1), 'alice', 'alice@acme.example'],
  ['acme/widgets', 1, sha(2), 'alice', ' Alice@ACME.example'],
  ['acme/widgets', 2, sha(3), 'bob', 'bob@corp.example'],
  ['acme/widgets', 2, sha(4), null, 'anon@nowhere.example'],
  ['acme/widgets', 3, sha(5), 'dave', 'dave@old.example'],
  ['acme/widgets', 4, sha(6), 'carol', 'carol@initech.example'],
  [
    'acme/widgets',
    5,
    sha(7),
    'dependabot[bot]',
    '49699333+dependabot[bot]@users.noreply.github.com',
  ],
  ['other/tool', 7, sha(1), 'alice', 'alice@acme.example'],
].map(([repository, pull_number, commit_id, author_login, author_email]) => ({
  repository,
  pull_number,
  commit_id,
  author_login,
  author_email,
}));

const FIRST_RUN_LOGIN_EMAILS = [
  // sha(1) is in two pull requests and counts once; ' Alice@ACME.example' is the same address.
  { login: 'alice', email: 'alice@acme.example', commits: 2 },
  { login: 'bob', email: 'bob@corp.example', commits: 1 },
  { login: 'carol', email: 'carol@initech.example', commits: 1 },
  { login: 'dave', email: 'dave@old.example', commits: 1 },
  {
    login: 'dependabot[bot]',
    email: '49699333+dependabot[bot]@users.noreply.github.com',
    commits: 1,
  },
];

const FIRST_RUN_USERS = [
  { login: 'alice', name: 'Alice Liddell', company: '@acme' },
  { login: 'bob', name: null, company: null },
  { login: 'carol', name: 'Carol <script>', company: '=HYPERLINK("x")' },
  // No account any more: kept so it is not asked for again.
  { login: 'dave', name: null, company: null },
  { login: 'dependabot[bot]', name: null, company: null },
];

const FIRST_RUN_REPOSITORIES = [
  {
    full_name: 'acme/gone',
    pulls_synced_until: null,
    last_collected_at: '2026-03-01T12:00:00.000Z',
    status: 'not-found',
  },
  {
    full_name: 'acme/secret',
    pulls_synced_until: null,
    last_collected_at: '2026-03-01T12:00:00.000Z',
    status: 'forbidden',
  },
  {
    full_name: 'acme/widgets',
    pulls_synced_until: '2025-06-02T00:00:00.000Z',
    last_collected_at: '2026-03-01T12:00:00.000Z',
    status: 'ok',
  },
  {
    full_name: 'other/tool',
    pulls_synced_until: '2025-01-03T00:00:00.000Z',
    last_collected_at: '2026-03-01T12:00:00.000Z',
    status: 'ok',
  },
];

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

  it('without a token says how to make one and mines nothing', async () => {
    const { server, db } = await setup();
    for (const token of [undefined, '', '  ']) {
      const outcome = await run(server, db, { token });
      expect(outcome.error).toBeUndefined();
      expect(outcome.logger.lines).toEqual([`warn: ${NO_TOKEN_MESSAGE}`]);
      expect(outcome.summary).toEqual({
        mined: false,
        apiUrl: null,
        repositories: 0,
        skipped: [],
        pullRequests: 0,
        reviews: 0,
        requests: 0,
      });
    }
    expect(NO_TOKEN_MESSAGE).toContain('nothing was mined from GitHub');
    expect(NO_TOKEN_MESSAGE).toContain('public_repo');
    expect(NO_TOKEN_MESSAGE).toContain('"Public Repositories (read-only)"');
    expect(server.requests).toEqual([]);
    // The database was not touched: not even the schema.
    expect(await rows(db, `SELECT count(*)::INTEGER AS n FROM information_schema.tables`)).toEqual([
      { n: 0 },
    ]);
  });

  it('says the token was refused, without showing it even when the server echoes it', async () => {
    const { server, db } = await setup();
    const wrong = 'ghp_WrongTokenThatMustNotLeakEither999';
    const outcome = await run(server, db, { token: wrong });
    expect((outcome.error as BarometerError).code).toBe('github');
    expect((outcome.error as BarometerError).message).toBe(
      'GitHub refused the token at GET /orgs/acme/repos?type=all&per_page=100 (401: Bad credentials ' +
        '(token [token]) - https://docs.github.example/rest); it may have expired or been revoked: ' +
        'make a new one and set GITHUB_TOKEN to it',
    );
    expect(server.requests.map((r) => r.authorization)).toEqual([`token ${wrong}`]);
    await expectNoToken(db, outcome, wrong);
  });

  it('gives up on a repeated 5xx with one error naming the endpoint', async () => {
    const { server, db } = await setup();
    server.faults.push({ path: '/repos/other/tool', kind: 'status', status: 503, times: 3 });
    const outcome = await run(server, db, { policy: { transientRetries: 2 } });
    expect(outcome.sleep.waits).toEqual([1000, 2000]);
    expect((outcome.error as BarometerError).message).toBe(
      'GitHub API GET /repos/other/tool failed with HTTP 503: <html><body><h1>503 Service Unavailable</h1></body></html>',
    );
    expect(outcome.requests).toEqual([
      'GET /orgs/acme/repos',
      'GET /repos/other/tool',
      'GET /repos/other/tool',
      'GET /repos/other/tool',
    ]);
    await expectNoToken(db, outcome);
  });

  it('takes the API address from GITHUB_API_URL when the config names none', async () => {
    const { server, db } = await setup();
    const outcome = await run(server, db, {
      config: { orgs: [], repos: ['other/tool'] },
      env: { GITHUB_API_URL: `${server.url}/` },
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.summary?.apiUrl).toBe(server.url);
    expect(await rows(db, `SELECT repository, number FROM github_pull_requests`)).toEqual([
      { repository: 'other/tool', number: 7 },
    ]);
  });

  it('reports an organisation that does not exist and goes on with the others', async () => {
    const { server, db } = await setup();
    const outcome = await run(server, db, {
      config: { orgs: ['nobody', 'acme'], repos: [], apiUrl: server.url },
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.requests.slice(0, 3)).toEqual([
      'GET /orgs/nobody/repos',
      'GET /users/nobody/repos',
      'GET /orgs/acme/repos',
    ]);
    expect(outcome.notes[0]).toBe('warn: github: organisation nobody was not found; skipped');
    expect(outcome.summary?.skipped).toEqual([
      { name: 'nobody', kind: 'organisation', status: 'not-found' },
      { name: 'acme/secret', kind: 'repository', status: 'forbidden' },
    ]);
    expect(await rows(db, `SELECT count(*)::INTEGER AS n FROM github_pull_requests`)).toEqual([
      { n: 5 },
    ]);
  });
});
