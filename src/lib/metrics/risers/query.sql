-- Organisations (not Unknown) whose commits in the last 12 months, [year_ago, as_of), are at least
-- twice their yearly average before. "Before" is the full calendar years from the later of the first
-- full year from `since` (the year of `since` when it is 1 January, else the next) and the year of
-- the organisation's first counted commit, up to the last year that ends on or before year_ago.
-- The average is that span's commits / its number of years. An organisation with no such year, or
-- no commit in them, is not a riser (a newcomer is one, see newcomers/query.sql).
WITH span AS (
  SELECT
    CASE WHEN since = make_date(year(since), 1, 1) THEN year(since) ELSE year(since) + 1 END
      AS start_year,
    year(year_ago) - 1 AS end_year,
    year_ago
  FROM bounds
),
-- One pass over the commits: each organisation's commits per year, and how many of them fall in
-- the last 12 months; everything below reads this small table.
per_year AS MATERIALIZED (
  SELECT
    f.organisation,
    f.year,
    count(*) AS commits,
    count(*) FILTER (WHERE f.day >= s.year_ago) AS recent
  FROM filtered AS f, span AS s
  WHERE f.kind = 'commit' AND f.organisation <> 'Unknown'
  GROUP BY f.organisation, f.year
),
first_commit AS (
  SELECT organisation, min(year) AS first_year
  FROM per_year
  GROUP BY organisation
),
spans AS (
  SELECT fc.organisation, greatest(s.start_year, fc.first_year) AS from_year, s.end_year AS to_year
  FROM first_commit AS fc, span AS s
  WHERE greatest(s.start_year, fc.first_year) <= s.end_year
),
before AS (
  SELECT
    sp.organisation,
    sp.from_year,
    sp.to_year,
    CAST(coalesce(sum(p.commits), 0) AS BIGINT) AS commits
  FROM spans AS sp
  LEFT JOIN per_year AS p
    ON p.organisation = sp.organisation
    AND p.year BETWEEN sp.from_year AND sp.to_year
  GROUP BY sp.organisation, sp.from_year, sp.to_year
),
recent AS (
  SELECT organisation, CAST(sum(recent) AS BIGINT) AS commits
  FROM per_year
  GROUP BY organisation
  HAVING sum(recent) > 0
)
SELECT
  r.organisation,
  CAST(r.commits AS INTEGER) AS "last12Months",
  CAST(b.commits AS DOUBLE) / (b.to_year - b.from_year + 1) AS "yearlyAverageBefore",
  CAST(r.commits AS DOUBLE) * (b.to_year - b.from_year + 1) / b.commits AS ratio,
  CAST(b.from_year AS INTEGER) AS "fromYear",
  CAST(b.to_year AS INTEGER) AS "toYear"
FROM recent AS r
JOIN before AS b ON b.organisation = r.organisation
WHERE b.commits > 0 AND r.commits * (b.to_year - b.from_year + 1) >= 2 * b.commits
ORDER BY r.commits DESC, r.organisation
