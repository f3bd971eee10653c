/**
 * The github_* rows the fixture (fixture-state.ts) gives after one complete run, exactly, with
 * timestamps as ISO strings.
 */

/** The fixture's commit id number `n`. */
export const sha = (n: number) => n.toString(16).padStart(40, 'a');
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
/** A github_reviews row. */
export const review = (
  review_id: number,
  repository: string,
  pull_number: number,
  reviewer_login: string | null,
  state: string,
  submitted_at: string | null,
) => ({ review_id, repository, pull_number, reviewer_login, state, submitted_at });

/** github_pull_requests, ordered by repository and number. */
export const FIRST_RUN_PULLS = [
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

/** github_reviews, ordered by review id. */
export const FIRST_RUN_REVIEWS = [
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

/** github_pull_commits, ordered by repository, pull request and commit id. */
export const FIRST_RUN_COMMITS = [
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

/** github_login_emails, ordered by login and address. */
export const FIRST_RUN_LOGIN_EMAILS = [
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

/** github_users, ordered by login. */
export const FIRST_RUN_USERS = [
  { login: 'alice', name: 'Alice Liddell', company: '@acme' },
  { login: 'bob', name: null, company: null },
  { login: 'carol', name: 'Carol <script>', company: '=HYPERLINK("x")' },
  // No account any more: kept so it is not asked for again.
  { login: 'dave', name: null, company: null },
  { login: 'dependabot[bot]', name: null, company: null },
];

/** github_repositories without api_url, ordered by name. */
export const FIRST_RUN_REPOSITORIES = [
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
