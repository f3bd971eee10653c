-- Commits of each full calendar year from growth_since (the base year) to the last full year
-- before as-of, `since` not applied. Each year after the base has its year-over-year growth
-- (commits / previous year's − 1; NULL when the previous year had none). Every row repeats the
-- span's compound annual rate, (last / base)^(1 / years) − 1 (NULL when the base year had none),
-- and the mean of the yearly rates (NULL when one of them is NULL). No rows when the span is
-- shorter than one year.
WITH span AS (
  SELECT CAST($growth_since AS INTEGER) AS from_year, last_full_year AS to_year FROM bounds
),
years AS (
  SELECT CAST(y AS INTEGER) AS year
  FROM span, range(span.from_year, span.to_year + 1) AS r(y)
  WHERE span.to_year > span.from_year
),
counted AS (
  SELECT f.year, count(*) AS commits FROM filtered AS f WHERE f.kind = 'commit' GROUP BY f.year
),
series AS (
  SELECT y.year, coalesce(c.commits, 0) AS commits
  FROM years AS y LEFT JOIN counted AS c ON c.year = y.year
),
rates AS (
  SELECT
    year,
    commits,
    CASE
      WHEN lag(commits) OVER (ORDER BY year) IS NULL THEN NULL
      WHEN lag(commits) OVER (ORDER BY year) = 0 THEN NULL
      ELSE CAST(commits AS DOUBLE) / lag(commits) OVER (ORDER BY year) - 1
    END AS growth
  FROM series
),
summary AS (
  SELECT
    CASE
      WHEN b.commits = 0 THEN NULL
      ELSE pow(CAST(l.commits AS DOUBLE) / b.commits, 1.0 / (s.to_year - s.from_year)) - 1
    END AS cagr,
    CASE
      WHEN (SELECT count(growth) FROM rates) = s.to_year - s.from_year
        THEN (SELECT avg(growth) FROM rates)
      ELSE NULL
    END AS mean_yoy
  FROM span AS s
  JOIN series AS b ON b.year = s.from_year
  JOIN series AS l ON l.year = s.to_year
)
SELECT
  r.year,
  CAST(r.commits AS INTEGER) AS commits,
  r.growth,
  s.cagr,
  s.mean_yoy AS "meanYoY"
FROM rates AS r, summary AS s
ORDER BY r.year
