/**
 * The mail step of an affiliation apply: rebuilds the derived mail tables (`mail_*`, schema.sql) from
 * the raw ones and the people just resolved, then adds each review message to `contributions`
 * (kind 'review', source 'mail', at the message's time). Derived at apply time rather than in each
 * metric's SQL because series and changes depend on who a sender is (after .mailmap and aliases),
 * and because walking parent chains in SQL (recursive, with loops to cut) on every dashboard query
 * would cost far more than the plain joins the metrics do now.
 */
import type { Database } from '../db/database.ts';
import { insertColumns } from '../identity/insert-columns.ts';
import { buildThreads, type ThreadMessage } from './mail-threads.ts';

/** Each message with its parent (In-Reply-To when held, else the last held References entry) and sender. */
const MESSAGES_SQL = `
WITH held_references AS (
  SELECT r.message_id, arg_max(r.referenced_id, r.position) AS referenced_id
  FROM message_references AS r
  JOIN messages AS h ON h.message_id = r.referenced_id
  GROUP BY r.message_id
)
SELECT
  m.message_id AS id,
  CASE WHEN irt.message_id IS NOT NULL THEN m.in_reply_to ELSE hr.referenced_id END AS "parentId",
  i.person,
  epoch_ms(m.time) AS time,
  m.is_patch AS "isPatch",
  m.patch_version AS version,
  m.patch_total AS total,
  m.patch_subject AS subject
FROM messages AS m
LEFT JOIN messages AS irt ON irt.message_id = m.in_reply_to
LEFT JOIN held_references AS hr ON hr.message_id = m.message_id
LEFT JOIN person_identities AS i
  ON i.raw_email = m.from_email AND i.raw_name IS NOT DISTINCT FROM m.from_name
ORDER BY m.time, m.message_id`;

/** Counted commits whose subject text and author match a change's patches. */
const CHANGE_COMMITS_SQL = `
INSERT INTO mail_change_commits
WITH patch_subjects AS (
  SELECT DISTINCT t.change_id, lower(regexp_replace(trim(m.patch_subject), '\\s+', ' ', 'g')) AS subject
  FROM mail_threads AS t
  JOIN messages AS m USING (message_id)
  WHERE m.is_patch AND m.patch_number <> 0 AND t.change_id IS NOT NULL
),
counted AS (
  SELECT commit_id, repository, landed FROM contributions WHERE kind = 'commit'
),
authored AS (
  SELECT c.commit_id, c.committer_time, k.landed, i.person,
         lower(regexp_replace(trim(c.subject), '\\s+', ' ', 'g')) AS subject
  FROM counted AS k
  JOIN commits AS c USING (repository, commit_id)
  JOIN person_identities AS i
    ON i.raw_email = c.author_email AND i.raw_name IS NOT DISTINCT FROM c.author_name
)
SELECT DISTINCT s.change_id, a.commit_id, a.committer_time, a.landed
FROM patch_subjects AS s
JOIN mail_changes AS ch USING (change_id)
JOIN authored AS a ON a.subject = s.subject AND a.person = ch.person`;

/** Repositories of each change: merged there, or a patch file the repository's history touched. */
const CHANGE_REPOSITORIES_SQL = `
INSERT INTO mail_change_repositories
SELECT DISTINCT mc.change_id, c.repository
FROM mail_change_commits AS mc
JOIN commits AS c USING (commit_id)
UNION
SELECT DISTINCT t.change_id, f.repository
FROM mail_threads AS t
JOIN messages AS m USING (message_id)
JOIN message_files AS mf USING (message_id)
JOIN (
  SELECT DISTINCT repository, path FROM commit_files
  UNION SELECT DISTINCT repository, old_path FROM commit_files WHERE old_path IS NOT NULL
) AS f ON f.path = mf.path
WHERE m.is_patch AND t.change_id IS NOT NULL`;

/** Review tags of review messages, with the person each names and that person's organisation. */
const REVIEW_TAGS_SQL = `
INSERT INTO mail_review_tags
SELECT g.message_id, g.position, t.change_id, m.time, i.person,
       coalesce(i.mailmap_name, g.person_name), coalesce(a.organisation, 'Unknown')
FROM message_tags AS g
JOIN mail_threads AS t USING (message_id)
JOIN messages AS m USING (message_id)
LEFT JOIN person_identities AS i
  ON i.raw_email = g.person_email AND i.raw_name IS NOT DISTINCT FROM g.person_name
LEFT JOIN person_affiliations AS a
  ON a.person = i.person
 AND m.time >= coalesce(a.valid_from, '-infinity'::TIMESTAMP)
 AND m.time < coalesce(a.valid_until, 'infinity'::TIMESTAMP)
WHERE t.is_review AND lower(g.key) IN ('reviewed-by', 'acked-by')`;

/**
 * Review messages as contributions, after the commits and other reviews are in (a person keeps the
 * name those give; a list-only person gets the mailmap's name, else their latest From name).
 */
const CONTRIBUTIONS_SQL = `
INSERT INTO contributions (kind, source, contribution_id, repository, commit_id, time, landed,
                           person, person_name, organisation)
WITH known_names AS (
  SELECT person, min(person_name) AS name FROM contributions
  WHERE person IS NOT NULL AND person_name IS NOT NULL GROUP BY person
),
mail_names AS (
  SELECT t.person, arg_max(coalesce(i.mailmap_name, m.from_name), m.time) AS name
  FROM mail_threads AS t
  JOIN messages AS m USING (message_id)
  LEFT JOIN person_identities AS i
    ON i.raw_email = m.from_email AND i.raw_name IS NOT DISTINCT FROM m.from_name
  WHERE t.is_review AND t.person IS NOT NULL
  GROUP BY t.person
)
SELECT 'review', 'mail', 'mail:' || m.message_id, m.list, NULL, m.time, m.time, t.person,
       CASE WHEN t.person IS NULL THEN m.from_name ELSE coalesce(k.name, n.name) END,
       coalesce(a.organisation, 'Unknown')
FROM mail_threads AS t
JOIN messages AS m USING (message_id)
LEFT JOIN known_names AS k ON k.person = t.person
LEFT JOIN mail_names AS n ON n.person = t.person
LEFT JOIN person_affiliations AS a
  ON a.person = t.person
 AND m.time >= coalesce(a.valid_from, '-infinity'::TIMESTAMP)
 AND m.time < coalesce(a.valid_until, 'infinity'::TIMESTAMP)
WHERE t.is_review`;

/** The apply's SQL, for the apply fingerprint (a change to it makes the next apply rebuild). */
export const MAIL_APPLY_SQL = [
  MESSAGES_SQL,
  CHANGE_COMMITS_SQL,
  CHANGE_REPOSITORIES_SQL,
  REVIEW_TAGS_SQL,
  CONTRIBUTIONS_SQL,
];

/** The raw mail tables an apply reads (for the apply fingerprint). */
export const MAIL_INPUT_TABLES = [
  'messages',
  'message_references',
  'message_lists',
  'message_files',
  'message_tags',
] as const;

/** The senders and tag persons of the raw mail tables, for the identity step. */
export const MAIL_IDENTITIES_SQL = `
SELECT DISTINCT from_name AS name, from_email AS email FROM messages WHERE from_email IS NOT NULL
UNION
SELECT DISTINCT person_name, person_email FROM message_tags
WHERE person_email IS NOT NULL AND lower(key) IN ('reviewed-by', 'acked-by')`;

const timestamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/**
 * Rebuilds the derived mail tables and adds review messages to `contributions`. Runs inside the
 * apply's transaction, after `person_identities`, `person_affiliations` and the other
 * contributions are written. Returns the review messages added.
 */
export async function applyMail(db: Database): Promise<number> {
  for (const table of [
    'mail_threads',
    'mail_changes',
    'mail_change_commits',
    'mail_change_repositories',
    'mail_review_tags',
  ]) {
    await db.exec(`DELETE FROM ${table}`);
  }
  const messages = (await db.query<ThreadMessage>(MESSAGES_SQL)).map((m) => ({
    ...m,
    time: Number(m.time),
  }));
  if (messages.length === 0) return 0;
  const { threads, changes } = buildThreads(messages);
  const flag = (value: boolean) => (value ? 'true' : 'false');
  await insertColumns(
    db,
    'mail_threads',
    {
      message_id: threads.map((t) => t.id),
      parent_id: threads.map((t) => t.parentId),
      person: messages.map((m) => m.person),
      series_id: threads.map((t) => t.seriesId),
      change_id: threads.map((t) => t.changeId),
      is_review: threads.map((t) => flag(t.isReview)),
    },
    { is_review: 'BOOLEAN' },
  );
  await insertColumns(
    db,
    'mail_changes',
    {
      change_id: changes.map((c) => c.id),
      person: changes.map((c) => c.person),
      subject: changes.map((c) => c.subject),
      posted: changes.map((c) => timestamp(c.posted)),
      versions: changes.map((c) => String(c.versions)),
      series: changes.map((c) => String(c.series)),
    },
    { posted: 'TIMESTAMP', versions: 'INTEGER', series: 'INTEGER' },
  );
  await db.exec(CHANGE_COMMITS_SQL);
  await db.exec(CHANGE_REPOSITORIES_SQL);
  await db.exec(REVIEW_TAGS_SQL);
  await db.exec(CONTRIBUTIONS_SQL);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM contributions WHERE source = 'mail'`,
  );
  return row?.n ?? 0;
}
