/**
 * Whose work each review reviewed, resolved when the affiliations are applied (`review_authors`,
 * schema.sql), so the "who reviews whom" figures join one small table instead of walking
 * pull requests and list threads in every query:
 * - a `Reviewed-by`/`Acked-by` trailer reviews its commit's author (the commit's own row of
 *   `contributions`, so the same person and organisation the commit counts for);
 * - a GitHub review reviews its pull request's author (the author's login resolved as reviewer
 *   logins are: a logins map line, else the address of most of the login's pull-request commits);
 * - a list review reviews its change's sender.
 * The author's organisation is the one the maps give at the review's time (for a trailer, the
 * commit's author date: the commit's own). An author nobody can name is NULL, and `Unknown`.
 */

/** Inserts a row into `review_authors` for every review of `contributions`. */
export const REVIEW_AUTHORS_SQL = `
INSERT INTO review_authors (contribution_id, person, organisation)
WITH authors AS (
  SELECT r.contribution_id, r.time, a.person, a.organisation
  FROM contributions AS r
  LEFT JOIN contributions AS a ON a.kind = 'commit' AND a.commit_id = r.commit_id
  WHERE r.source = 'trailer'
  UNION ALL
  SELECT c.contribution_id, c.time, l.person, NULL
  FROM contributions AS c
  JOIN github_reviews AS g ON c.contribution_id = 'github:' || CAST(g.review_id AS VARCHAR)
  LEFT JOIN github_pull_requests AS p ON p.repository = g.repository AND p.number = g.pull_number
  LEFT JOIN github_login_people AS l ON l.login = lower(p.author_login)
  WHERE c.source = 'github'
  UNION ALL
  SELECT c.contribution_id, c.time, ch.person, NULL
  FROM contributions AS c
  JOIN mail_threads AS t ON c.contribution_id = 'mail:' || t.message_id
  LEFT JOIN mail_changes AS ch ON ch.change_id = t.change_id
  WHERE c.source = 'mail'
)
SELECT w.contribution_id, w.person, coalesce(w.organisation, a.organisation, 'Unknown')
FROM authors AS w
LEFT JOIN person_affiliations AS a
  ON w.organisation IS NULL
 AND a.person = w.person
 AND w.time >= coalesce(a.valid_from, '-infinity'::TIMESTAMP)
 AND w.time < coalesce(a.valid_until, 'infinity'::TIMESTAMP)
`;

/** The logins whose person the apply resolves: GitHub reviewers and pull-request authors. */
export const GITHUB_LOGINS_SQL = `
SELECT l.login, min(u.name) AS name
FROM (
  SELECT lower(reviewer_login) AS login FROM github_reviews WHERE reviewer_login IS NOT NULL
  UNION
  SELECT lower(author_login) FROM github_pull_requests WHERE author_login IS NOT NULL
) AS l
LEFT JOIN github_users u ON lower(u.login) = l.login
GROUP BY l.login`;
