-- One organisation's ($organisation) commits and reviews per calendar year in [since, as_of),
-- years without any as 0.
WITH years AS (
  SELECT CAST(y AS INTEGER) AS year
  FROM bounds, range(bounds.first_year, bounds.last_year + 1) AS r(y)
),
counted AS (
  SELECT
    f.year,
    count(*) FILTER (WHERE f.kind = 'commit') AS commits,
    count(*) FILTER (WHERE f.kind = 'review') AS reviews
  FROM filtered AS f, bounds AS b
  WHERE f.organisation = CAST($organisation AS VARCHAR) AND f.day >= b.since
  GROUP BY f.year
)
SELECT
  y.year,
  CAST(coalesce(c.commits, 0) AS INTEGER) AS commits,
  CAST(coalesce(c.reviews, 0) AS INTEGER) AS reviews
FROM years AS y
LEFT JOIN counted AS c ON c.year = y.year
ORDER BY y.year
