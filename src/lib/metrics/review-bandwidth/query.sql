-- Review bandwidth per area and calendar year in [since, as_of) (area_contributions, see
-- area-scope.sql): the reviews and the counted commits in the area, the distinct reviewers, and the
-- review bus factor: the fewest reviewers whose reviews together reach half of all the area's
-- reviews that year (reviews without a named person in the total, never among the reviewers;
-- NULL when the named ones stay under half). An area and year with neither commits nor reviews has
-- no row. Ordered by area, then year.
WITH per_person AS (
  SELECT
    area,
    year,
    person,
    count(*) FILTER (WHERE kind = 'review') AS reviews,
    count(*) FILTER (WHERE kind = 'commit') AS commits
  FROM area_contributions
  GROUP BY area, year, person
),
totals AS (
  SELECT
    area,
    year,
    sum(reviews) AS reviews,
    sum(commits) AS commits,
    count(*) FILTER (WHERE reviews > 0 AND person IS NOT NULL) AS reviewers
  FROM per_person
  GROUP BY area, year
),
running AS (
  SELECT
    area,
    year,
    reviews,
    sum(reviews) OVER (
      PARTITION BY area, year ORDER BY reviews DESC, person ROWS UNBOUNDED PRECEDING
    ) AS running
  FROM per_person
  WHERE reviews > 0 AND person IS NOT NULL
),
factors AS (
  SELECT
    r.area,
    r.year,
    count(*) FILTER (WHERE 2 * (r.running - r.reviews) < t.reviews) AS needed,
    max(r.running) AS named
  FROM running AS r
  JOIN totals AS t ON t.area = r.area AND t.year = r.year
  GROUP BY r.area, r.year
)
SELECT
  t.area,
  CAST(t.year AS INTEGER) AS year,
  CAST(t.reviews AS INTEGER) AS reviews,
  CAST(t.commits AS INTEGER) AS commits,
  CAST(t.reviewers AS INTEGER) AS reviewers,
  CAST(
    CASE
      WHEN t.reviews = 0 THEN 0
      WHEN 2 * coalesce(f.named, 0) < t.reviews THEN NULL
      ELSE f.needed
    END AS INTEGER
  ) AS "busFactor"
FROM totals AS t
LEFT JOIN factors AS f ON f.area = t.area AND f.year = t.year
ORDER BY t.area, t.year
