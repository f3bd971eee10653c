/**
 * The addresses and domains no map covers, by weight, so a person maps the biggest gaps first
 * (`barometer affiliations unknown`). Reads `contributions` and the identity tables of an apply.
 */
import type { Database, SqlParams } from '../db/database.ts';
import { domainOf, isPersonalMailDomain } from './personal-mail-providers.ts';

/** One unmapped domain (all its people) or address (at a personal mail provider). */
export interface UnknownEntry {
  /** `domain` for a company-like domain, `address` for an address at a personal provider. */
  kind: 'domain' | 'address';
  /** The domain or address, lower case. */
  entry: string;
  commits: number;
  reviews: number;
  /** Share of all commits (0..1) in the period, Unknown included in the denominator. */
  commitShare: number;
  /** Share of all reviews (0..1). */
  reviewShare: number;
  /** Distinct people behind it. */
  people: number;
  /** GitHub logins of those people with their profile company: hints, never applied. */
  github: { login: string; company: string | null }[];
}

/** The whole listing. */
export interface UnknownListing {
  /** `YYYY-MM-DD` the listing starts at, or null for all time. */
  since: string | null;
  totalCommits: number;
  totalReviews: number;
  unknownCommits: number;
  unknownReviews: number;
  /** Reviews (trailers without an address, GitHub ghosts) that name nobody to map. */
  noAddress: { commits: number; reviews: number };
  /** Biggest first (commits + reviews, then commits, then name), at most `limit`. */
  entries: UnknownEntry[];
  /** Entries left out by the limit. */
  more: number;
}

/** Options for {@link listUnknown}. */
export interface ListUnknownOptions {
  /** Count contributions from this UTC day on (`YYYY-MM-DD`). Default: all time. */
  since?: string;
  /** At most this many entries. Default: 20. */
  limit?: number;
}

/** Lists unmapped domains and addresses from the current `contributions`. */
export async function listUnknown(
  db: Database,
  options: ListUnknownOptions = {},
): Promise<UnknownListing> {
  const since = options.since ?? null;
  const limit = options.limit ?? 20;
  const where = since ? `WHERE time >= CAST($since AS TIMESTAMP)` : '';
  const params: SqlParams = since ? { since } : {};
  const [totals] = await db.query<{ commits: number; reviews: number }>(
    `SELECT count(*) FILTER (WHERE kind = 'commit') AS commits,
            count(*) FILTER (WHERE kind = 'review') AS reviews
     FROM contributions ${where}`,
    params,
  );
  const people = await db.query<{ person: string | null; commits: number; reviews: number }>(
    `SELECT person, count(*) FILTER (WHERE kind = 'commit') AS commits,
            count(*) FILTER (WHERE kind = 'review') AS reviews
     FROM contributions ${where ? `${where} AND` : 'WHERE'} organisation = 'Unknown'
     GROUP BY person`,
    params,
  );
  const logins = await db.query<{ person: string; login: string; company: string | null }>(
    `WITH person_logins AS (
       SELECT person, login FROM github_login_people
       UNION
       SELECT i.person, lower(e.login) FROM github_login_emails e
       JOIN person_identities i ON lower(i.raw_email) = lower(e.email)
       WHERE i.person IS NOT NULL
     )
     SELECT DISTINCT p.person, p.login, u.company
     FROM person_logins p LEFT JOIN github_users u ON lower(u.login) = p.login
     ORDER BY p.login`,
  );
  const loginsOf = new Map<string, { login: string; company: string | null }[]>();
  for (const row of logins) {
    let list = loginsOf.get(row.person);
    if (!list) loginsOf.set(row.person, (list = []));
    list.push({ login: row.login, company: row.company?.trim() || null });
  }

  const totalCommits = totals?.commits ?? 0;
  const totalReviews = totals?.reviews ?? 0;
  const byEntry = new Map<string, UnknownEntry>();
  const noAddress = { commits: 0, reviews: 0 };
  let unknownCommits = 0;
  let unknownReviews = 0;
  for (const row of people) {
    unknownCommits += row.commits;
    unknownReviews += row.reviews;
    if (row.person === null) {
      noAddress.commits += row.commits;
      noAddress.reviews += row.reviews;
      continue;
    }
    const domain = domainOf(row.person);
    const personal = !domain || !domain.includes('.') || isPersonalMailDomain(domain);
    const kind = personal ? 'address' : 'domain';
    const key = personal ? row.person : domain;
    let entry = byEntry.get(`${kind}:${key}`);
    if (!entry) {
      entry = {
        kind,
        entry: key,
        commits: 0,
        reviews: 0,
        commitShare: 0,
        reviewShare: 0,
        people: 0,
        github: [],
      };
      byEntry.set(`${kind}:${key}`, entry);
    }
    entry.commits += row.commits;
    entry.reviews += row.reviews;
    entry.people += 1;
    for (const login of loginsOf.get(row.person) ?? []) {
      if (!entry.github.some((g) => g.login === login.login)) entry.github.push(login);
    }
  }
  const all = [...byEntry.values()]
    .map((e) => ({
      ...e,
      commitShare: totalCommits ? e.commits / totalCommits : 0,
      reviewShare: totalReviews ? e.reviews / totalReviews : 0,
    }))
    .sort(
      (a, b) =>
        b.commits + b.reviews - (a.commits + a.reviews) ||
        b.commits - a.commits ||
        (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0),
    );
  return {
    since,
    totalCommits,
    totalReviews,
    unknownCommits,
    unknownReviews,
    noAddress,
    entries: all.slice(0, limit),
    more: Math.max(0, all.length - limit),
  };
}
