-- People whose first counted commit (over the whole history before as_of) falls in the year, per
-- calendar year in [since, as_of); years without any as 0.
WITH years AS (
  SELECT CAST(y AS INTEGER) AS year
  FROM bounds, range(bounds.first_year, bounds.last_year + 1) AS r(y)
),
firsts AS (
  SELECT person, min(day) AS first_day
  FROM filtered
  WHERE kind = 'commit' AND person IS NOT NULL
  GROUP BY person
),
counted AS (
  SELECT year(fi.first_day) AS year, count(*) AS contributors
  FROM firsts AS fi, bounds AS b
  WHERE fi.first_day >= b.since
  GROUP BY 1
)
SELECT y.year, CAST(coalesce(c.contributors, 0) AS INTEGER) AS contributors
FROM years AS y
LEFT JOIN counted AS c ON c.year = y.year
ORDER BY y.year
