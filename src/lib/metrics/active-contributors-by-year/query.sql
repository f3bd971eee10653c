-- Distinct people (canonical address, after .mailmap and aliases) who authored a counted commit,
-- per calendar year in [since, as_of); years without commits as 0.
WITH years AS (
  SELECT CAST(y AS INTEGER) AS year
  FROM bounds, range(bounds.first_year, bounds.last_year + 1) AS r(y)
),
counted AS (
  SELECT f.year, count(DISTINCT f.person) AS contributors
  FROM filtered AS f, bounds AS b
  WHERE f.kind = 'commit' AND f.day >= b.since
  GROUP BY f.year
)
SELECT y.year, CAST(coalesce(c.contributors, 0) AS INTEGER) AS contributors
FROM years AS y
LEFT JOIN counted AS c ON c.year = y.year
ORDER BY y.year
