-- Distinct people who made a counted review (a trailer or a GitHub review), per calendar year in
-- [since, as_of); years without reviews as 0.
WITH years AS (
  SELECT CAST(y AS INTEGER) AS year
  FROM bounds, range(bounds.first_year, bounds.last_year + 1) AS r(y)
),
counted AS (
  SELECT f.year, count(DISTINCT f.person) AS reviewers
  FROM filtered AS f, bounds AS b
  WHERE f.kind = 'review' AND f.day >= b.since
  GROUP BY f.year
)
SELECT y.year, CAST(coalesce(c.reviewers, 0) AS INTEGER) AS reviewers
FROM years AS y
LEFT JOIN counted AS c ON c.year = y.year
ORDER BY y.year
