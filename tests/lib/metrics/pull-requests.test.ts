import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { openNodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';
import { wasmDatabase } from '../../../src/lib/db/wasm.ts';
import { pullRequestsByOrganisation } from '../../../src/lib/metrics/pull-requests-by-organisation/pull-requests-by-organisation.ts';
import { pullRequestsTimeToFirstReview } from '../../../src/lib/metrics/pull-requests-time-to-first-review/pull-requests-time-to-first-review.ts';
import { findMetric } from '../../../src/lib/metrics/registry.ts';
import { openWasmEngine } from '../db/wasm-engine.ts';
import { params } from './contributions-fixture.ts';

/** A GitHub pull request row: [repository, number, author, created, merged]. */
type Pull = [string, number, string | null, string, string | null];
/** A GitHub review row: [id, repository, pull, reviewer, state, submitted]. */
type Review = [number, string, number, string | null, string, string | null];

const PULLS: Pull[] = [
  ['acme/w', 1, 'alice', '2024-01-10T00:00:00Z', '2025-04-01T00:00:00Z'],
  ['acme/w', 2, 'Alice', '2023-01-01T00:00:00Z', null],
  ['acme/w', 3, 'bob', '2024-02-01T00:00:00Z', null],
  ['acme/w', 4, 'carol', '2024-06-01T00:00:00Z', '2024-06-02T00:00:00Z'],
  ['acme/w', 5, 'dependabot[bot]', '2024-07-01T00:00:00Z', '2024-07-02T00:00:00Z'],
  ['acme/w', 10, 'bob', '2024-04-30T00:00:00Z', null],
  ['other/x', 6, 'alice', '2025-12-31T23:00:00Z', null],
  // On the as-of day: not counted.
  ['other/x', 7, 'alice', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z'],
];

const REVIEWS: Review[] = [
  [1, 'acme/w', 10, 'Carol', 'COMMENTED', '2024-04-30T06:00:00Z'],
  // The author's own comment is not a review of their pull request.
  [2, 'acme/w', 1, 'alice', 'COMMENTED', '2024-01-10T01:00:00Z'],
  [3, 'acme/w', 1, 'bob', 'APPROVED', '2024-01-10T10:00:00Z'],
  [4, 'acme/w', 3, 'carol', 'PENDING', null],
  [5, 'acme/w', 3, 'carol', 'CHANGES_REQUESTED', '2024-02-02T00:00:00Z'],
  [6, 'acme/w', 4, 'bob', 'DISMISSED', '2024-06-01T02:00:00Z'],
  // After the as-of date: #6 was not reviewed yet.
  [7, 'other/x', 6, 'bob', 'APPROVED', '2026-01-01T01:00:00Z'],
];

const q = (v: string | number | null) =>
  v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`;
const ts = (v: string | null) =>
  v === null ? 'NULL' : `TIMESTAMP ${q(v.replace('T', ' ').replace('Z', ''))}`;

/** The contributions the affiliation step would have written: [id, kind, source, time, person, organisation]. */
const CONTRIBUTIONS: Array<[string, string, string, string, string, string]> = [
  ['a1', 'commit', 'git', '2023-06-01T00:00:00Z', 'alice@acme.example', 'Acme'],
  ['a2', 'commit', 'git', '2025-03-01T00:00:00Z', 'alice@acme.example', 'Initech'],
  ['b1', 'commit', 'git', '2024-01-01T00:00:00Z', 'bob@corp.example', 'Corp'],
  // GitHub review 1, credited by the affiliation step to carol@x.org.
  ['github:1', 'review', 'github', '2024-04-30T06:00:00Z', 'carol@x.org', 'Xorg'],
];

/** Writes the same rows into a Node or a duckdb-wasm database. */
async function seed(db: Database): Promise<void> {
  await ensureSchema(db);
  for (const [id, kind, source, time, person, organisation] of CONTRIBUTIONS) {
    const repository = source === 'github' ? 'acme/w' : 'main';
    const commit = source === 'github' ? null : id;
    await db.exec(
      `INSERT INTO contributions VALUES (${q(kind)}, ${q(source)}, ${q(id)}, ${q(repository)},
        ${q(commit)}, ${ts(time)}, ${ts(time)}, ${q(person)}, ${q(person.split('@')[0]!)}, ${q(organisation)})`,
    );
  }
  for (const [repository, number, author, created, merged] of PULLS) {
    await db.exec(
      `INSERT INTO github_pull_requests VALUES (${q(repository)}, ${number}, ${q(author)},
        ${q(merged ? 'closed' : 'open')}, 'title', 'main', ${ts(created)}, ${ts(created)},
        ${ts(merged)}, ${ts(merged)}, 1, 1, 0)`,
    );
  }
  for (const [id, repository, pull, reviewer, state, submitted] of REVIEWS) {
    await db.exec(
      `INSERT INTO github_reviews VALUES (${id}, ${q(repository)}, ${pull}, ${q(reviewer)}, ${q(state)}, ${ts(submitted)})`,
    );
  }
  await db.exec(`INSERT INTO github_pull_commits VALUES
    ('acme/w', 1, 'a1', 'alice', 'alice@acme.example'),
    ('acme/w', 3, 'b1', 'bob', 'bob@corp.example'),
    ('acme/w', 5, 'd1', 'dependabot[bot]', 'bot@example.org')`);
}

describe.each(['node', 'wasm'])('pull request metrics on %s DuckDB', (engine) => {
  let db: Database;
  let close: () => Promise<void> | void;
  beforeAll(async () => {
    if (engine === 'node') {
      const node = await openNodeDatabase(':memory:');
      db = node;
      close = () => node.close();
    } else {
      const wasm = await openWasmEngine();
      db = wasmDatabase(wasm.connection);
      close = wasm.close;
    }
    await seed(db);
  });
  afterAll(async () => {
    await close();
  });

  it('are registered', () => {
    expect(findMetric('pull-requests-by-organisation')).toBe(pullRequestsByOrganisation);
    expect(findMetric('pull-requests-time-to-first-review')).toBe(pullRequestsTimeToFirstReview);
  });

  it('count pull requests opened and merged by the organisation of their author at the time', async () => {
    const p = params('2026-01-01', { since: '2015-01-01' });
    expect(await pullRequestsByOrganisation.run(db, p)).toEqual([
      // alice's first contribution comes after #2: the first one after it decides (Acme).
      { year: 2023, organisation: 'Acme', opened: 1, merged: 0 },
      // bob by his commits (#3, #10); carol by her GitHub review; the bot by nobody.
      { year: 2024, organisation: 'Corp', opened: 2, merged: 0 },
      { year: 2024, organisation: 'Xorg', opened: 1, merged: 1 },
      { year: 2024, organisation: 'Acme', opened: 1, merged: 0 },
      { year: 2024, organisation: 'Unknown', opened: 1, merged: 1 },
      // alice moved to Initech in 2025: #1 opened at Acme, merged at Initech.
      { year: 2025, organisation: 'Initech', opened: 1, merged: 1 },
    ]);
    expect(
      await pullRequestsByOrganisation.run(db, {
        ...p,
        since: '2024-06-01',
        repositories: ['other/x'],
      }),
    ).toEqual([{ year: 2025, organisation: 'Initech', opened: 1, merged: 0 }]);
    expect(await pullRequestsByOrganisation.run(db, { ...p, since: '2024-06-01' })).toEqual([
      { year: 2024, organisation: 'Xorg', opened: 1, merged: 1 },
      { year: 2024, organisation: 'Unknown', opened: 1, merged: 1 },
      { year: 2025, organisation: 'Initech', opened: 1, merged: 1 },
    ]);
    expect(await pullRequestsByOrganisation.run(db, { ...p, paths: ['src'] })).toEqual([]);
  });

  it('give the median hours to a first review by someone else, per year of opening', async () => {
    const p = params('2026-01-01', { since: '2015-01-01' });
    expect(await pullRequestsTimeToFirstReview.run(db, p)).toEqual([
      { year: 2023, opened: 1, reviewed: 0, medianHours: null },
      // #1 10 h (not alice's own comment after 1 h), #3 24 h (the pending review is not one),
      // #10 6 h, #4 2 h (dismissed later, a review all the same), #5 none: median of 2, 6, 10, 24.
      { year: 2024, opened: 5, reviewed: 4, medianHours: 8 },
      // #6's review came on the as-of day.
      { year: 2025, opened: 1, reviewed: 0, medianHours: null },
    ]);
    expect(
      await pullRequestsTimeToFirstReview.run(db, params('2026-01-02', { since: '2025-01-01' })),
    ).toEqual([
      { year: 2025, opened: 1, reviewed: 1, medianHours: 2 },
      { year: 2026, opened: 1, reviewed: 0, medianHours: null },
    ]);
    expect(
      await pullRequestsTimeToFirstReview.run(db, {
        ...p,
        repositories: ['acme/w'],
        since: '2023-06-01',
      }),
    ).toEqual([{ year: 2024, opened: 5, reviewed: 4, medianHours: 8 }]);
  });
});
