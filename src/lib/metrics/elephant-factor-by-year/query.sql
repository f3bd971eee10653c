-- The elephant factor per calendar year in [since, as_of): the fewest organisations (not Unknown)
-- whose commits together reach half of ALL the year's commits, Unknown's included. 0 for a year
-- without commits; NULL when even all organisations together stay under half (Unknown holds more
-- than half). Ties in the ordering are broken by name, which cannot change the count.
WITH years AS (
  SELECT CAST(y AS INTEGER) AS year
  FROM bounds, range(bounds.first_year, bounds.last_year + 1) AS r(y)
),
per_organisation AS (
  SELECT f.year, f.organisation, count(*) AS commits
  FROM filtered AS f, bounds AS b
  WHERE f.kind = 'commit' AND f.day >= b.since
  GROUP BY f.year, f.organisation
),
totals AS (
  SELECT year, sum(commits) AS total FROM per_organisation GROUP BY year
),
running AS (
  SELECT
    year,
    commits,
    sum(commits) OVER (
      PARTITION BY year ORDER BY commits DESC, organisation ROWS UNBOUNDED PRECEDING
    ) AS running
  FROM per_organisation
  WHERE organisation <> 'Unknown'
),
factors AS (
  SELECT
    r.year,
    count(*) FILTER (WHERE 2 * (r.running - r.commits) < t.total) AS needed,
    max(r.running) AS mapped
  FROM running AS r
  JOIN totals AS t ON t.year = r.year
  GROUP BY r.year
)
SELECT
  y.year,
  CAST(
    CASE
      WHEN coalesce(t.total, 0) = 0 THEN 0
      WHEN 2 * coalesce(f.mapped, 0) < t.total THEN NULL
      ELSE f.needed
    END AS INTEGER
  ) AS "elephantFactor",
  CAST(coalesce(t.total, 0) AS INTEGER) AS commits
FROM years AS y
LEFT JOIN totals AS t ON t.year = y.year
LEFT JOIN factors AS f ON f.year = y.year
ORDER BY y.year
