/**
 * Generated contributions for metric tests: commits (with their files and trailer reviews) and
 * GitHub reviews written straight into the raw tables and `contributions`, as the collector and
 * the affiliation step would (with `review_authors`, and `path_areas` and `commit_areas` for
 * {@link FIXTURE_AREAS}),
 * so each test knows its answers.
 */
import { afterEach } from 'vitest';
import type { Database } from '../../../src/lib/db/database.ts';
import { openNodeDatabase, type NodeDatabase } from '../../../src/lib/db/node.ts';
import { ensureSchema } from '../../../src/lib/db/schema.ts';
import { defaultMetricParams } from '../../../src/lib/metrics/default-metric-params.ts';
import type { MetricParams } from '../../../src/lib/metrics/metric.ts';

/** A review trailer on a generated commit. */
export interface FixtureReview {
  email: string;
  organisation: string;
  name?: string;
}

/** A generated commit. */
export interface FixtureCommit {
  /** Author time, ISO (UTC). */
  time: string;
  email: string;
  organisation: string;
  name?: string;
  /** Repositories holding it (default ['main']); the first by name is `contributions.repository`. */
  repositories?: string[];
  files?: string[];
  /** [old, new] renames. */
  renames?: Array<[string, string]>;
  reviews?: FixtureReview[];
  id?: string;
  /** When the commit came onto its branch (`contributions.landed`), ISO; default: `time`. */
  landed?: string;
}

/** A generated GitHub review. */
export interface FixtureGithubReview {
  time: string;
  email: string;
  organisation: string;
  repository: string;
  /** The pull request's author (default: nobody can name them: Unknown). */
  author?: { email: string; organisation: string };
}

/** The areas of every fixture database: each the paths at or under its prefixes. */
export const FIXTURE_AREAS: Record<string, string[]> = {
  Arm: ['xen/arch/arm/', 'xen/include/asm-arm/'],
  x86: ['xen/arch/x86/'],
  tools: ['tools/'],
};

const q = (value: string | null | undefined) =>
  value === null || value === undefined ? 'NULL' : `'${value.replace(/'/g, "''")}'`;

/** `n` commits by `dev@<organisation>.com` of `organisation`, all at `time` (ISO instant). */
export function sameCommits(n: number, organisation: string, time: string): FixtureCommit[] {
  return Array.from({ length: n }, () => ({
    time,
    email: `dev@${organisation}.com`,
    organisation,
  }));
}

/**
 * Commits written before 1 June 2018 that reached their branch only after it (one applied in July,
 * one merged in June), with a review each: a report as of 2018-06-01 leaves them out, one as of
 * 2018-08-01 counts them at their author dates.
 */
export function lateCommits(): FixtureCommit[] {
  return [
    {
      time: '2018-05-20T10:00:00Z',
      landed: '2018-07-10T10:00:00Z',
      email: 'late@arm.com',
      organisation: 'Arm',
      repositories: ['xen'],
      files: ['xen/arch/arm/late.c'],
      reviews: [{ email: 'rev@suse.com', organisation: 'SUSE' }],
    },
    {
      time: '2018-05-31T23:00:00Z',
      landed: '2018-06-15T08:00:00Z',
      email: 'first@newcomer.example',
      organisation: 'Newcomer',
      repositories: ['xen'],
      files: ['tools/late.c'],
      reviews: [{ email: 'rev@suse.com', organisation: 'SUSE' }],
    },
  ];
}

/** An in-memory Barometer database holding the given commits and GitHub reviews. */
export async function fixtureDatabase(
  commits: FixtureCommit[],
  githubReviews: FixtureGithubReview[] = [],
): Promise<NodeDatabase> {
  const db = await openNodeDatabase(':memory:');
  await ensureSchema(db);
  await insertFixture(db, commits, githubReviews);
  return db;
}

/**
 * For a describe block: a function that opens fixture databases as {@link fixtureDatabase} does,
 * each closed after the test that opened it.
 */
export function fixtureDatabases(): typeof fixtureDatabase {
  const opened: NodeDatabase[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
  });
  return async (commits, githubReviews) => {
    const db = await fixtureDatabase(commits, githubReviews);
    opened.push(db);
    return db;
  };
}

/** Writes commits and GitHub reviews into the raw tables and `contributions` of `db`. */
export async function insertFixture(
  db: Database,
  commits: FixtureCommit[],
  githubReviews: FixtureGithubReview[] = [],
): Promise<void> {
  const commitRows: string[] = [];
  const fileRows: string[] = [];
  const contributionRows: string[] = [];
  const authorRows: string[] = [];
  const areaRows = new Set<string>();
  /** Lines added per commit and area (every fixture file adds one line; a rename none). */
  const commitAreaLines = new Map<string, number>();
  commits.forEach((c, i) => {
    const id = c.id ?? `c${String(i).padStart(6, '0')}`;
    const repositories = [...(c.repositories ?? ['main'])].sort();
    const time = `TIMESTAMP ${q(c.time.replace('T', ' ').replace('Z', ''))}`;
    const name = c.name ?? c.email.split('@')[0]!;
    for (const repository of repositories) {
      commitRows.push(
        `(${q(repository)}, ${q(id)}, 1, ${q(name)}, ${q(c.email)}, ${time}, 0, ${q(name)}, ${q(c.email)}, ${time}, 0, 'subject', '')`,
      );
      for (const path of c.files ?? ['README']) {
        fileRows.push(`(${q(repository)}, ${q(id)}, ${q(path)}, NULL, 1, 0, false)`);
      }
      for (const [from, to] of c.renames ?? []) {
        fileRows.push(`(${q(repository)}, ${q(id)}, ${q(to)}, ${q(from)}, 0, 0, false)`);
      }
      const changed = [
        ...(c.files ?? ['README']).map((path) => [path, 1] as const),
        ...(c.renames ?? []).flat().map((path) => [path, 0] as const),
      ];
      for (const [path, lines] of changed) {
        for (const [area, prefixes] of Object.entries(FIXTURE_AREAS)) {
          if (!prefixes.some((prefix) => path.startsWith(prefix))) continue;
          areaRows.add(`(${q(repository)}, ${q(path)}, ${q(area)})`);
          // A commit's lines count once, in the first repository holding it.
          if (repository !== repositories[0]) continue;
          const key = `${q(id)}, ${q(area)}`;
          commitAreaLines.set(key, (commitAreaLines.get(key) ?? 0) + lines);
        }
      }
    }
    const landed = c.landed ? `TIMESTAMP ${q(c.landed.replace('T', ' ').replace('Z', ''))}` : time;
    contributionRows.push(
      `('commit', 'git', ${q(id)}, ${q(repositories[0])}, ${q(id)}, ${time}, ${landed}, ${q(c.email)}, ${q(name)}, ${q(c.organisation)})`,
    );
    (c.reviews ?? []).forEach((r, position) => {
      contributionRows.push(
        `('review', 'trailer', ${q(`${id}:${position}`)}, ${q(repositories[0])}, ${q(id)}, ${time}, ${landed}, ${q(r.email)}, ${q(r.name ?? r.email.split('@')[0])}, ${q(r.organisation)})`,
      );
      authorRows.push(`(${q(`${id}:${position}`)}, ${q(c.email)}, ${q(c.organisation)})`);
    });
  });
  githubReviews.forEach((r, i) => {
    const time = `TIMESTAMP ${q(r.time.replace('T', ' ').replace('Z', ''))}`;
    contributionRows.push(
      `('review', 'github', ${q(`github:${i + 1}`)}, ${q(r.repository)}, NULL, ${time}, ${time}, ${q(r.email)}, ${q(r.email.split('@')[0])}, ${q(r.organisation)})`,
    );
    authorRows.push(
      `(${q(`github:${i + 1}`)}, ${q(r.author?.email)}, ${q(r.author?.organisation ?? 'Unknown')})`,
    );
  });
  const chunks = (rows: string[], table: string) => {
    const out: string[] = [];
    for (let i = 0; i < rows.length; i += 500) {
      out.push(`INSERT INTO ${table} VALUES ${rows.slice(i, i + 500).join(',\n')}`);
    }
    return out;
  };
  for (const statement of [
    ...chunks(commitRows, 'commits'),
    ...chunks(fileRows, 'commit_files'),
    ...chunks(contributionRows, 'contributions'),
    ...chunks(authorRows, 'review_authors'),
    ...chunks([...areaRows], 'path_areas'),
    ...chunks(
      [...commitAreaLines].map(([key, lines]) => `(${key}, ${lines}, 0)`),
      'commit_areas',
    ),
  ]) {
    await db.exec(statement);
  }
}

/** Metric parameters for a test: the defaults for `asOf`, with overrides. */
export function params(asOf: string, overrides: Partial<MetricParams> = {}): MetricParams {
  return defaultMetricParams(new Date(`${asOf}T12:00:00Z`), { asOf, ...overrides });
}
