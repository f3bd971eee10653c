-- Commits in [1 January, as_of) against the same calendar span one year earlier. The year is the
-- year of the last counted day, so as-of 1 January compares the whole previous year with the one
-- before. "One year earlier" is the same calendar day, and 29 February maps to 1 March (so
-- as-of 2020-02-29 compares 1 Jan–28 Feb 2020 with 1 Jan–28 Feb 2019). `since` does not apply.
WITH span AS (
  SELECT
    make_date(year(last_day), 1, 1) AS from_day,
    as_of AS to_day,
    make_date(year(last_day) - 1, 1, 1) AS previous_from_day,
    year_ago AS previous_to_day
  FROM bounds
),
counted AS (
  SELECT
    count(*) FILTER (WHERE f.day >= s.from_day AND f.day < s.to_day) AS commits,
    count(*) FILTER (WHERE f.day >= s.previous_from_day AND f.day < s.previous_to_day)
      AS previous_commits
  FROM span AS s
  LEFT JOIN filtered AS f ON f.kind = 'commit' AND f.day >= s.previous_from_day
)
SELECT
  strftime(s.from_day, '%Y-%m-%d') AS "from",
  strftime(s.to_day, '%Y-%m-%d') AS "to",
  CAST(c.commits AS INTEGER) AS commits,
  strftime(s.previous_from_day, '%Y-%m-%d') AS "previousFrom",
  strftime(s.previous_to_day, '%Y-%m-%d') AS "previousTo",
  CAST(c.previous_commits AS INTEGER) AS "previousCommits",
  CASE
    WHEN c.previous_commits = 0 THEN NULL
    ELSE CAST(c.commits AS DOUBLE) / c.previous_commits - 1
  END AS growth
FROM span AS s, counted AS c
