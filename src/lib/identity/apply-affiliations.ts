/**
 * Rebuilds `contributions` from the raw tables and the affiliation maps, in one transaction (a
 * failure leaves the previous table). Identities are resolved per distinct address in TypeScript,
 * stored in small tables (identity-schema.sql), and joined to the raw rows in one SQL statement.
 */
import type { Database } from '../db/database.ts';
import { ensureSchema, UNDATED_SQL } from '../db/schema.ts';
import { silentLogger, type Logger } from '../effects.ts';
import identitySchema from './identity-schema.sql?raw';
import type { AffiliationMaps, MapFileRecord } from './affiliation-maps.ts';
import { applyFingerprint, recordApply, unchangedApply } from './apply-fingerprint.ts';
import { createResolver } from './create-resolver.ts';
import { insertColumns } from './insert-columns.ts';
import { formatSource, throwMapProblems, type MapSource } from './map-problem.ts';
import { readRepositoryMailmaps } from './read-repository-mailmaps.ts';
import { applyMail, MAIL_APPLY_SQL, MAIL_IDENTITIES_SQL } from '../mail/apply-mail.ts';
import { GITHUB_LOGINS_SQL, REVIEW_AUTHORS_SQL } from './review-authors.ts';

/** Options for {@link applyAffiliations}. */
export interface ApplyOptions {
  /** "Now", recorded as `affiliation_maps.applied_at`. Default: the current time. */
  now?: Date;
  /** Warnings (lines of a repository's own `.mailmap` that git would ignore too). Default: silent. */
  logger?: Logger;
  /**
   * Keep `contributions` as it is, and return the last apply's summary, when neither the raw rows
   * nor the maps changed since that apply (see apply-fingerprint.ts). Default: false (rebuild).
   */
  skipWhenUnchanged?: boolean;
}

/** What an apply produced. */
export interface ApplySummary {
  /** Counted commits. */
  commits: number;
  /** Reviews from Reviewed-by/Acked-by trailers. */
  trailerReviews: number;
  /** Submitted GitHub reviews. */
  githubReviews: number;
  /** Review messages on the mailing lists (absent in summaries stored before lists were mined). */
  mailReviews?: number;
  /** Distinct people (canonical addresses) among all contributions. */
  people: number;
  /** Contributions (commits and reviews) credited to `Unknown`. */
  unknown: number;
  /** Commits credited to `Unknown` (absent in summaries of older versions). */
  unknownCommits?: number;
  /** Reviews credited to `Unknown` (absent in summaries of older versions). */
  unknownReviews?: number;
  /**
   * Counted commits whose author date git could not read (stored as the epoch): they count in
   * totals, but in no year, no date range and no first contribution. Absent in older summaries.
   */
  undatedCommits?: number;
  /** The maps applied, in reading order (repository mailmaps first). */
  maps: MapFileRecord[];
  /** True when `contributions` was kept from the last apply: no rows or maps changed since. */
  unchanged?: boolean;
}

const sources = (list: readonly MapSource[]) =>
  list.length ? list.map(formatSource).join(', ') : null;

/** Runs `work` in one transaction (the adapter's own when it has one): it lands whole or not at all. */
export async function inTransaction<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const withTransaction = db as Database & { transaction?: <R>(w: () => Promise<R>) => Promise<R> };
  if (typeof withTransaction.transaction === 'function') return withTransaction.transaction(work);
  await db.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await db.exec('COMMIT');
    return result;
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => {});
    throw error;
  }
}

const REVIEW_KEYS = `('reviewed-by', 'acked-by')`;
const REVIEW_STATES = `('APPROVED', 'COMMENTED', 'CHANGES_REQUESTED')`;

/** The one statement that turns raw rows plus resolved identities into `contributions`. */
const CONTRIBUTIONS_SQL = `
INSERT INTO contributions
  (kind, source, contribution_id, repository, commit_id, time, landed, person, person_name,
   organisation)
-- "As of D" (DESIGN.md): a commit is on its branch from the earliest committer date of the chain
-- commits from the one that brought it there up to the head (a date git could not read, stored as
-- the epoch, says nothing and is left out; NULL when none is left). Each commit takes its earliest
-- landing over the repositories holding it.
WITH chain AS (
  SELECT p.repository, p.position,
         min(CASE WHEN c.committer_time <> ${UNDATED_SQL} THEN c.committer_time END) OVER (
           PARTITION BY p.repository ORDER BY p.position DESC
           ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
         ) AS landed
  FROM branch_positions p JOIN commits c USING (repository, commit_id)
  WHERE p.first_parent
),
counted AS (
  SELECT c.commit_id, min(c.repository) AS repository, min(ch.landed) AS landed
  FROM commits c
  JOIN branch_positions p USING (repository, commit_id)
  JOIN chain ch ON ch.repository = p.repository AND ch.position = p.position
  WHERE c.parent_count <= 1
  GROUP BY c.commit_id
),
counted_commits AS (
  SELECT c.*, k.landed FROM counted k JOIN commits c USING (repository, commit_id)
),
rows AS (
  SELECT 'commit' AS kind, 'git' AS source, c.commit_id AS contribution_id, c.repository,
         c.commit_id, c.author_time AS time, c.landed, i.person, i.mailmap_name,
         c.author_name AS raw_name, 2 AS name_rank
  FROM counted_commits c
  LEFT JOIN person_identities i
    ON i.raw_email = c.author_email AND i.raw_name IS NOT DISTINCT FROM c.author_name
  UNION ALL
  SELECT 'review', 'trailer', t.commit_id || ':' || t.position, t.repository, t.commit_id,
         c.author_time, c.landed, i.person, i.mailmap_name,
         CASE WHEN i.person IS NULL THEN coalesce(t.person_name, nullif(trim(t.value), ''))
              ELSE t.person_name END,
         2
  FROM counted_commits c
  JOIN trailers t USING (repository, commit_id)
  LEFT JOIN person_identities i
    ON i.raw_email = t.person_email AND i.raw_name IS NOT DISTINCT FROM t.person_name
  WHERE lower(t.key) IN ${REVIEW_KEYS}
  UNION ALL
  SELECT 'review', 'github', 'github:' || r.review_id, r.repository, NULL, r.submitted_at,
         r.submitted_at, l.person, l.mailmap_name, coalesce(l.name, r.reviewer_login), 1
  FROM github_reviews r
  LEFT JOIN github_login_people l ON l.login = lower(r.reviewer_login)
  WHERE r.state IN ${REVIEW_STATES} AND r.submitted_at IS NOT NULL
),
names AS (
  SELECT person, name FROM (
    SELECT person, coalesce(mailmap_name, raw_name) AS name,
           row_number() OVER (
             PARTITION BY person
             ORDER BY (mailmap_name IS NOT NULL) DESC, name_rank DESC, time DESC,
                      coalesce(mailmap_name, raw_name)
           ) AS n
    FROM rows WHERE person IS NOT NULL AND coalesce(mailmap_name, raw_name) IS NOT NULL
  ) WHERE n = 1
)
SELECT r.kind, r.source, r.contribution_id, r.repository, r.commit_id, r.time, r.landed, r.person,
       CASE WHEN r.person IS NULL THEN r.raw_name ELSE n.name END,
       coalesce(a.organisation, 'Unknown')
FROM rows r
LEFT JOIN names n ON n.person = r.person
LEFT JOIN person_affiliations a
  ON a.person = r.person
 AND r.time >= coalesce(a.valid_from, '-infinity'::TIMESTAMP)
 AND r.time < coalesce(a.valid_until, 'infinity'::TIMESTAMP)
`;

const timestamp = (date: Date | null) =>
  date ? date.toISOString().replace('T', ' ').replace('Z', '') : null;

/**
 * Resolves every commit author, review trailer and GitHub reviewer through `maps` (plus each
 * repository's own `.mailmap` from `repository_mailmaps`) and rebuilds `contributions`, the
 * identity tables and `affiliation_maps`, all in one transaction. Counting follows docs/definitions.md:
 * commits with at most one parent, once per commit id (credited to the first repository by name);
 * reviews are Reviewed-by/Acked-by trailers of those commits (each line one review, at the commit's
 * author time) and GitHub reviews that approve, comment or request changes and were submitted.
 * Throws `bad-input` when the maps contradict themselves (conflicting lines).
 */
export async function applyAffiliations(
  db: Database,
  maps: AffiliationMaps,
  options: ApplyOptions = {},
): Promise<ApplySummary> {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? new Date();
  await ensureSchema(db);
  await db.exec(identitySchema);

  const fingerprint = await applyFingerprint(db, {
    maps,
    sql: [
      identitySchema,
      CONTRIBUTIONS_SQL,
      ...MAIL_APPLY_SQL,
      GITHUB_LOGINS_SQL,
      REVIEW_AUTHORS_SQL,
    ],
  });
  if (options.skipWhenUnchanged) {
    const last = await unchangedApply(db, fingerprint);
    if (last) return last;
  }

  const { entries: repositoryMailmaps, records } = await readRepositoryMailmaps(db, logger);
  records.push(...maps.files);

  const { resolver, problems } = createResolver(maps, repositoryMailmaps);
  throwMapProblems(problems);

  const identities = await db.query<{ name: string | null; email: string }>(`
    SELECT DISTINCT author_name AS name, author_email AS email FROM commits WHERE parent_count <= 1
    UNION
    SELECT DISTINCT person_name, person_email FROM trailers
    WHERE person_email IS NOT NULL AND lower(key) IN ${REVIEW_KEYS}
    UNION
    ${MAIL_IDENTITIES_SQL}`);
  const loginRows = await db.query<{ login: string; name: string | null }>(GITHUB_LOGINS_SQL);
  const loginEmails = new Map<string, { email: string; commits: number }[]>();
  for (const row of await db.query<{ login: string; email: string; commits: number }>(
    `SELECT lower(login) AS login, email, commits FROM github_login_emails`,
  )) {
    let list = loginEmails.get(row.login);
    if (!list) loginEmails.set(row.login, (list = []));
    list.push({ email: row.email, commits: row.commits });
  }

  const identity = {
    raw_name: [],
    raw_email: [],
    person: [],
    mailmap_name: [],
    decided_by: [],
  } as Record<string, (string | null)[]>;
  const people = new Set<string>();
  for (const { name, email } of identities) {
    const resolved = resolver.identify(name, email);
    identity.raw_name!.push(name);
    identity.raw_email!.push(email);
    identity.person!.push(resolved.person);
    identity.mailmap_name!.push(resolved.mailmapName);
    identity.decided_by!.push(sources(resolved.via));
    if (resolved.person) people.add(resolved.person);
  }
  const logins = {
    login: [],
    email: [],
    how: [],
    person: [],
    name: [],
    mailmap_name: [],
    decided_by: [],
  } as Record<string, (string | null)[]>;
  for (const { login, name } of loginRows) {
    const address = resolver.loginAddress(login, loginEmails.get(login) ?? []);
    const resolved = resolver.identify(null, address.email);
    const person = resolved.person ?? address.email;
    logins.login!.push(login);
    logins.email!.push(address.email);
    logins.how!.push(address.how);
    logins.person!.push(person);
    logins.name!.push(name);
    logins.mailmap_name!.push(resolved.mailmapName);
    logins.decided_by!.push(
      sources([...(address.source ? [address.source] : []), ...resolved.via]),
    );
    people.add(person);
  }
  const spans = {
    person: [],
    valid_from: [],
    valid_until: [],
    organisation: [],
    map_key: [],
    decided_by: [],
  } as Record<string, (string | null)[]>;
  for (const person of people) {
    for (const span of resolver.organisations.spansFor(person)) {
      spans.person!.push(person);
      spans.valid_from!.push(timestamp(span.from));
      spans.valid_until!.push(timestamp(span.until));
      spans.organisation!.push(span.organisation);
      spans.map_key!.push(span.key);
      spans.decided_by!.push(span.source ? formatSource(span.source) : null);
    }
  }

  return inTransaction(db, async () => {
    for (const table of [
      'affiliation_maps',
      'person_identities',
      'github_login_people',
      'person_affiliations',
      'contributions',
      'review_authors',
    ]) {
      await db.exec(`DELETE FROM ${table}`);
    }
    await insertColumns(
      db,
      'affiliation_maps',
      {
        position: records.map((_, i) => String(i + 1)),
        file: records.map((r) => r.file),
        kind: records.map((r) => r.kind),
        lines: records.map((r) => String(r.lines)),
        entries: records.map((r) => String(r.entries)),
        applied_at: records.map(() => timestamp(now)),
      },
      { position: 'INTEGER', lines: 'INTEGER', entries: 'INTEGER', applied_at: 'TIMESTAMP' },
    );
    await insertColumns(db, 'person_identities', identity);
    await insertColumns(db, 'github_login_people', logins);
    await insertColumns(db, 'person_affiliations', spans, {
      valid_from: 'TIMESTAMP',
      valid_until: 'TIMESTAMP',
    });
    await db.exec(CONTRIBUTIONS_SQL);
    const mailReviews = await applyMail(db);
    await db.exec(REVIEW_AUTHORS_SQL);
    const [counts] = await db.query<{
      commits: number;
      trailer_reviews: number;
      github_reviews: number;
      people: number;
      unknown: number;
      undated: number;
      unknown_commits: number;
      unknown_reviews: number;
    }>(`SELECT count(*) FILTER (WHERE source = 'git') AS commits,
               count(*) FILTER (WHERE organisation = 'Unknown' AND kind = 'commit') AS unknown_commits,
               count(*) FILTER (WHERE organisation = 'Unknown' AND kind = 'review') AS unknown_reviews,
               count(*) FILTER (WHERE source = 'git' AND time = ${UNDATED_SQL}) AS undated,
               count(*) FILTER (WHERE source = 'trailer') AS trailer_reviews,
               count(*) FILTER (WHERE source = 'github') AS github_reviews,
               count(DISTINCT person) AS people,
               count(*) FILTER (WHERE organisation = 'Unknown') AS unknown
        FROM contributions`);
    const summary: ApplySummary = {
      commits: counts?.commits ?? 0,
      trailerReviews: counts?.trailer_reviews ?? 0,
      githubReviews: counts?.github_reviews ?? 0,
      mailReviews,
      people: counts?.people ?? 0,
      unknown: counts?.unknown ?? 0,
      unknownCommits: counts?.unknown_commits ?? 0,
      unknownReviews: counts?.unknown_reviews ?? 0,
      undatedCommits: counts?.undated ?? 0,
      maps: records,
    };
    await recordApply(db, fingerprint, summary);
    return summary;
  });
}
