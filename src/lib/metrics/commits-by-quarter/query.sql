-- Commits per calendar quarter ('2018-Q2') from the quarter of `since` to the quarter of the last
-- counted day, empty quarters included (0). Partial: cut by `since` or by the as-of date.
WITH quarters AS (
  SELECT CAST(q AS DATE) AS start
  FROM bounds,
    range(
      CAST(date_trunc('quarter', bounds.since) AS TIMESTAMP),
      CAST(date_trunc('quarter', bounds.last_day) AS TIMESTAMP) + INTERVAL 3 MONTH,
      INTERVAL 3 MONTH
    ) AS r(q)
),
counted AS (
  SELECT CAST(date_trunc('quarter', f.day) AS DATE) AS start, count(*) AS commits
  FROM filtered AS f, bounds AS b
  WHERE f.kind = 'commit' AND f.day >= b.since
  GROUP BY 1
)
SELECT
  CAST(year(q.start) AS VARCHAR) || '-Q' || CAST(quarter(q.start) AS VARCHAR) AS quarter,
  CAST(coalesce(c.commits, 0) AS INTEGER) AS commits,
  (q.start < b.since OR CAST(q.start + INTERVAL 3 MONTH AS DATE) > b.as_of) AS partial
FROM quarters AS q
CROSS JOIN bounds AS b
LEFT JOIN counted AS c ON c.start = q.start
ORDER BY q.start
