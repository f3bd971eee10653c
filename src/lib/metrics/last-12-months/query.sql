-- The last 12 months, [year_ago, as_of): commits per organisation, ranked like the `since` ranking
-- (commits, then name; Unknown unranked, last), each organisation's share of all the window's
-- commits, the share of the window's top N, and whether the window's top N is the same set of names
-- as the top N of [since, as_of). Every row repeats the window's figures; when the window has no
-- commits there is one row with a NULL organisation.
-- One pass over the commits: each organisation's commits in the window and since `since`.
WITH per_organisation AS MATERIALIZED (
  SELECT
    f.organisation,
    count(*) FILTER (WHERE f.day >= b.year_ago) AS recent,
    count(*) FILTER (WHERE f.day >= b.since) AS since_commits
  FROM filtered AS f, bounds AS b
  WHERE f.kind = 'commit' AND (f.day >= b.year_ago OR f.day >= b.since)
  GROUP BY f.organisation
),
recent AS (
  SELECT organisation, recent AS commits FROM per_organisation WHERE recent > 0
),
recent_ranked AS (
  SELECT
    organisation,
    commits,
    CASE
      WHEN organisation = 'Unknown' THEN NULL
      ELSE row_number() OVER (
        PARTITION BY organisation = 'Unknown' ORDER BY commits DESC, organisation
      )
    END AS rank
  FROM recent
),
since_ranked AS (
  SELECT
    organisation,
    row_number() OVER (ORDER BY since_commits DESC, organisation) AS rank
  FROM per_organisation
  WHERE since_commits > 0 AND organisation <> 'Unknown'
),
recent_top AS (
  SELECT r.organisation FROM recent_ranked AS r WHERE r.rank <= CAST($top AS INTEGER)
),
since_top AS (
  SELECT s.organisation FROM since_ranked AS s WHERE s.rank <= CAST($top AS INTEGER)
),
summary AS (
  SELECT
    b.year_ago,
    b.as_of,
    (SELECT coalesce(sum(commits), 0) FROM recent) AS total,
    (SELECT coalesce(sum(r.commits), 0) FROM recent_ranked AS r WHERE r.organisation IN (SELECT organisation FROM recent_top)) AS top_commits,
    NOT EXISTS (SELECT organisation FROM recent_top EXCEPT SELECT organisation FROM since_top)
      AND NOT EXISTS (SELECT organisation FROM since_top EXCEPT SELECT organisation FROM recent_top)
      AS same_top
  FROM bounds AS b
)
SELECT
  strftime(s.year_ago, '%Y-%m-%d') AS "from",
  strftime(s.as_of, '%Y-%m-%d') AS "to",
  CAST(s.total AS INTEGER) AS total,
  CASE WHEN s.total = 0 THEN 0.0 ELSE CAST(s.top_commits AS DOUBLE) / s.total END AS "topShare",
  s.same_top AS "sameTopAsSince",
  r.organisation,
  CAST(r.commits AS INTEGER) AS commits,
  CAST(r.commits AS DOUBLE) / s.total AS share,
  CAST(r.rank AS INTEGER) AS rank
FROM summary AS s
LEFT JOIN recent_ranked AS r ON true
ORDER BY r.organisation = 'Unknown', r.commits DESC, r.organisation
