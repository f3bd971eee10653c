/**
 * The GitHub the collector tests mine: organisation `acme` (widgets: five pull requests over
 * three pages; secret: private), `other/tool` configured by name, and `acme/gone` that is gone.
 */
import type { FakeCommit, FakeState } from './fake-github.ts';

/** The token the tests send; it must appear nowhere Barometer writes. */
export const TOKEN = 'ghp_TestTokenThatMustNeverLeak0123456789';

/** The tests' "now". */
export const NOW = new Date('2026-03-01T12:00:00Z');

const sha = (n: number) => n.toString(16).padStart(40, 'a');

const commit = (n: number, login: string | null, email: string, name = 'Some One'): FakeCommit => ({
  sha: sha(n),
  login,
  name,
  email,
  date: '2024-01-09T08:00:00Z',
});

/** A fresh copy of the fixture: tests change it between runs. */
export function fixtureState(): FakeState {
  return {
    token: TOKEN,
    pageSize: 2,
    orgs: { acme: ['acme/widgets', 'acme/secret'] },
    users: {
      alice: { login: 'alice', id: 11, name: 'Alice Liddell', company: '@acme' },
      bob: { login: 'bob', id: 12, name: null, company: null },
      carol: { login: 'carol', id: 13, name: 'Carol <script>', company: '=HYPERLINK("x")' },
      'dependabot[bot]': { login: 'dependabot[bot]', id: 14, name: null, company: null },
      erin: { login: 'erin', id: 15, name: 'Erin', company: 'Initech' },
      // dave's account was deleted: /users/dave answers 404.
    },
    repositories: {
      'acme/widgets': {
        full_name: 'acme/widgets',
        pulls: [
          {
            number: 1,
            user: 'alice',
            state: 'closed',
            title: 'Add the widget',
            base: 'main',
            created_at: '2024-01-10T09:00:00Z',
            updated_at: '2024-01-12T09:00:00Z',
            merged_at: '2024-01-12T08:00:00Z',
            closed_at: '2024-01-12T08:00:00Z',
            additions: 120,
            deletions: 4,
            review_comments: 3,
            reviews: [
              { id: 501, user: 'bob', state: 'APPROVED', submitted_at: '2024-01-11T10:30:00Z' },
              { id: 502, user: 'alice', state: 'COMMENTED', submitted_at: '2024-01-11T11:00:00Z' },
            ],
            commits: [
              commit(1, 'alice', 'alice@acme.example', 'Alice'),
              commit(2, 'alice', ' Alice@ACME.example', 'Alice'),
            ],
          },
          {
            number: 2,
            user: 'bob',
            state: 'open',
            title: 'Fix the =SUM(A1) "quoting" <b>bug</b>',
            base: 'stable-1.0',
            created_at: '2024-02-01T00:00:00Z',
            updated_at: '2024-02-03T00:00:00Z',
            merged_at: null,
            closed_at: null,
            additions: 5,
            deletions: 5,
            review_comments: 0,
            reviews: [
              {
                id: 503,
                user: 'alice',
                state: 'CHANGES_REQUESTED',
                submitted_at: '2024-02-02T12:00:00Z',
              },
              { id: 504, user: 'carol', state: 'PENDING' },
            ],
            commits: [
              commit(3, 'bob', 'bob@corp.example', 'Bob'),
              commit(4, null, 'anon@nowhere.example', 'Anon'),
            ],
          },
          {
            number: 3,
            user: null,
            state: 'closed',
            title: 'Abandoned',
            base: 'main',
            created_at: '2024-03-01T00:00:00Z',
            updated_at: '2024-03-05T00:00:00Z',
            merged_at: null,
            closed_at: '2024-03-05T00:00:00Z',
            additions: 1,
            deletions: 0,
            review_comments: 0,
            reviews: [],
            commits: [commit(5, 'dave', 'dave@old.example', 'Dave')],
          },
          {
            number: 4,
            user: 'carol',
            state: 'closed',
            title: 'Speed up',
            base: 'main',
            created_at: '2025-05-01T00:00:00Z',
            updated_at: '2025-05-04T00:00:00Z',
            merged_at: '2025-05-04T00:00:00Z',
            closed_at: '2025-05-04T00:00:00Z',
            additions: 30,
            deletions: 60,
            review_comments: 1,
            reviews: [
              {
                id: 3000000001,
                user: 'bob',
                state: 'DISMISSED',
                submitted_at: '2025-05-02T06:00:00Z',
              },
              {
                id: 3000000002,
                user: 'alice',
                state: 'APPROVED',
                submitted_at: '2025-05-03T06:00:00Z',
              },
            ],
            commits: [commit(6, 'carol', 'carol@initech.example', 'Carol')],
          },
          {
            number: 5,
            user: 'dependabot[bot]',
            state: 'closed',
            title: 'Bump lodash from 4.17.20 to 4.17.21',
            base: 'main',
            created_at: '2025-06-01T00:00:00Z',
            updated_at: '2025-06-02T00:00:00Z',
            merged_at: '2025-06-02T00:00:00Z',
            closed_at: '2025-06-02T00:00:00Z',
            additions: 2,
            deletions: 2,
            review_comments: 0,
            reviews: [
              { id: 601, user: 'bob', state: 'COMMENTED', submitted_at: '2025-06-01T01:00:00Z' },
              { id: 602, user: 'carol', state: 'COMMENTED', submitted_at: '2025-06-01T02:00:00Z' },
              { id: 603, user: 'bob', state: 'APPROVED', submitted_at: '2025-06-01T03:00:00Z' },
            ],
            commits: [
              commit(7, 'dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'),
            ],
          },
        ],
      },
      'acme/secret': { full_name: 'acme/secret', pulls: [], refuse: 403 },
      'acme/gone': { full_name: 'acme/gone', pulls: [], refuse: 404 },
      'other/tool': {
        full_name: 'other/tool',
        pulls: [
          {
            number: 7,
            user: 'alice',
            state: 'closed',
            title: 'Port to Node 20',
            base: 'main',
            created_at: '2025-01-01T00:00:00Z',
            updated_at: '2025-01-03T00:00:00Z',
            merged_at: '2025-01-02T00:00:00Z',
            closed_at: '2025-01-02T00:00:00Z',
            additions: 10,
            deletions: 3,
            review_comments: 0,
            reviews: [
              { id: 701, user: 'carol', state: 'APPROVED', submitted_at: '2025-01-01T20:00:00Z' },
            ],
            commits: [commit(1, 'alice', 'alice@acme.example', 'Alice')],
          },
        ],
      },
    },
  };
}
