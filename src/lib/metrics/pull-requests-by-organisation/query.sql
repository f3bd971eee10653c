-- GitHub pull requests opened and merged per organisation per calendar year in [since, as_of): a
-- pull request is opened at its created_at and merged at its merged_at (UTC), and each counts in
-- its year for the organisation its author belonged to at that moment. Unknown included under its
-- name, last in each year; a year and organisation with neither has no row.
--
-- The author's organisation comes from `contributions`, as the affiliation step resolved it:
--   1. the person of the author's login: the person its GitHub reviews are credited to, else the
--      person most of the counted commits of its pull requests belong to (same commit id);
--   2. that person's organisation at the moment: the organisation of their latest contribution at
--      or before it, else of their first contribution after it.
-- A login with no such person (or a deleted account) is Unknown.
-- Filters: a pull request counts under a repository filter when its repository ('owner/name') is
-- named; pull requests have no files, so none count under a path or area filter (like GitHub
-- reviews).
WITH pull_events AS (
  SELECT 'opened' AS event, p.repository, p.number, lower(p.author_login) AS login,
         p.created_at AS time
  FROM github_pull_requests AS p
  UNION ALL
  SELECT 'merged', p.repository, p.number, lower(p.author_login), p.merged_at
  FROM github_pull_requests AS p
  WHERE p.merged_at IS NOT NULL
),
counted_events AS (
  SELECT e.*
  FROM pull_events AS e, bounds AS b
  WHERE e.time >= b.since
    AND e.time < b.as_of
    AND len(b.paths) = 0
    AND len(b.areas) = 0
    AND (len(b.repositories) = 0 OR list_contains(b.repositories, e.repository))
),
login_candidates AS (
  SELECT lower(r.reviewer_login) AS login, c.person, 1 AS rank, count(*) AS weight
  FROM contributions AS c
  JOIN github_reviews AS r ON c.contribution_id = 'github:' || CAST(r.review_id AS VARCHAR)
  WHERE c.source = 'github' AND c.person IS NOT NULL AND r.reviewer_login IS NOT NULL
  GROUP BY 1, 2
  UNION ALL
  SELECT lower(k.author_login), c.person, 2, count(DISTINCT c.commit_id)
  FROM github_pull_commits AS k
  JOIN contributions AS c ON c.kind = 'commit' AND c.commit_id = k.commit_id
  WHERE k.author_login IS NOT NULL AND c.person IS NOT NULL
  GROUP BY 1, 2
),
login_people AS (
  SELECT login, person
  FROM (
    SELECT login, person,
           row_number() OVER (PARTITION BY login ORDER BY rank, weight DESC, person) AS n
    FROM login_candidates
  )
  WHERE n = 1
),
person_events AS (
  SELECT e.event, e.repository, e.number, e.time, lp.person
  FROM counted_events AS e
  LEFT JOIN login_people AS lp ON lp.login = e.login
),
org_before AS (
  SELECT pe.event, pe.repository, pe.number, c.organisation
  FROM person_events AS pe
  ASOF JOIN contributions AS c ON c.person = pe.person AND c.time <= pe.time
),
org_after AS (
  SELECT pe.event, pe.repository, pe.number, c.organisation
  FROM person_events AS pe
  ASOF JOIN contributions AS c ON c.person = pe.person AND c.time >= pe.time
),
placed AS (
  SELECT pe.event, year(pe.time) AS year,
         coalesce(ob.organisation, oa.organisation, 'Unknown') AS organisation
  FROM person_events AS pe
  LEFT JOIN org_before AS ob USING (event, repository, number)
  LEFT JOIN org_after AS oa USING (event, repository, number)
)
SELECT
  CAST(year AS INTEGER) AS year,
  organisation,
  CAST(count(*) FILTER (WHERE event = 'opened') AS INTEGER) AS opened,
  CAST(count(*) FILTER (WHERE event = 'merged') AS INTEGER) AS merged
FROM placed
GROUP BY year, organisation
ORDER BY year, organisation = 'Unknown', opened DESC, merged DESC, organisation
