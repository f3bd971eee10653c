-- Commits per calendar year from the year of `since` to the year of the last counted day, years
-- with no commits included (0). A year is partial when `since` falls after its 1 January or the
-- as-of date before its end.
WITH years AS (
  SELECT CAST(y AS INTEGER) AS year
  FROM bounds, range(bounds.first_year, bounds.last_year + 1) AS r(y)
),
counted AS (
  SELECT f.year, count(*) AS commits
  FROM filtered AS f, bounds AS b
  WHERE f.kind = 'commit' AND f.day >= b.since
  GROUP BY f.year
)
SELECT
  y.year,
  CAST(coalesce(c.commits, 0) AS INTEGER) AS commits,
  (make_date(y.year, 1, 1) < b.since OR make_date(y.year + 1, 1, 1) > b.as_of) AS partial
FROM years AS y
CROSS JOIN bounds AS b
LEFT JOIN counted AS c ON c.year = y.year
ORDER BY y.year
