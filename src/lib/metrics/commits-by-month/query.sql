-- Commits per calendar month ('2018-05') from the month of `since` to the month of the last counted
-- day, empty months included (0). Partial: cut by `since` or by the as-of date.
WITH months AS (
  SELECT CAST(m AS DATE) AS start
  FROM bounds,
    range(
      CAST(date_trunc('month', bounds.since) AS TIMESTAMP),
      CAST(date_trunc('month', bounds.last_day) AS TIMESTAMP) + INTERVAL 1 MONTH,
      INTERVAL 1 MONTH
    ) AS r(m)
),
counted AS (
  SELECT CAST(date_trunc('month', f.day) AS DATE) AS start, count(*) AS commits
  FROM filtered AS f, bounds AS b
  WHERE f.kind = 'commit' AND f.day >= b.since
  GROUP BY 1
)
SELECT
  strftime(m.start, '%Y-%m') AS month,
  CAST(coalesce(c.commits, 0) AS INTEGER) AS commits,
  (m.start < b.since OR CAST(m.start + INTERVAL 1 MONTH AS DATE) > b.as_of) AS partial
FROM months AS m
CROSS JOIN bounds AS b
LEFT JOIN counted AS c ON c.start = m.start
ORDER BY m.start
