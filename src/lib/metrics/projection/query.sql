-- Commits and active contributors (distinct authors after .mailmap and aliases) of each of the 24
-- full calendar months before as-of: [first of as-of's month − 24 months, first of as-of's month),
-- so as of 2018-06-01 or 2018-06-15 the months June 2016 … May 2018. Months with none are rows of
-- 0. `fitted` is false for the month of the first counted commit (as of, any date, `since` not
-- applied) and the months before it, which the growth fit leaves out: the project did not exist
-- yet, or only for part of that month.
WITH span AS (
  SELECT
    CAST(date_trunc('month', b.as_of) - INTERVAL 24 MONTH AS DATE) AS window_start,
    CAST(date_trunc('month', b.as_of) AS DATE) AS window_end
  FROM bounds AS b
),
months AS (
  SELECT CAST(m AS DATE) AS start
  FROM span, range(CAST(span.window_start AS TIMESTAMP), CAST(span.window_end AS TIMESTAMP), INTERVAL 1 MONTH) AS r(m)
),
first_commit AS (
  SELECT CAST(date_trunc('month', min(f.day)) AS DATE) AS month
  FROM filtered AS f
  WHERE f.kind = 'commit'
),
counted AS (
  SELECT
    CAST(date_trunc('month', f.day) AS DATE) AS start,
    count(*) AS commits,
    count(DISTINCT f.person) AS contributors
  FROM filtered AS f, span AS s
  WHERE f.kind = 'commit' AND f.day >= s.window_start AND f.day < s.window_end
  GROUP BY 1
)
SELECT
  strftime(m.start, '%Y-%m') AS month,
  CAST(coalesce(c.commits, 0) AS INTEGER) AS commits,
  CAST(coalesce(c.contributors, 0) AS INTEGER) AS contributors,
  coalesce(m.start > fc.month, false) AS fitted
FROM months AS m
CROSS JOIN first_commit AS fc
LEFT JOIN counted AS c ON c.start = m.start
ORDER BY m.start
