-- Per calendar year of review in [since, as_of): review messages on the mailing lists, the people
-- who sent them, and the fewest of those people whose reviews reach half of the year's (ties
-- broken by address, as a ranking is). Reviews by no address count in the total, not as a person.
-- Reviews count under the filters when their change does (mail-scope.sql).
WITH reviews AS (
  SELECT year(r.time) AS year, r.person
  FROM mail_scoped_reviews AS r, bounds AS b
  WHERE r.time >= b.since
),
per_person AS (
  SELECT year, person, count(*) AS reviews FROM reviews WHERE person IS NOT NULL GROUP BY year, person
),
totals AS (
  SELECT year, count(*) AS reviews FROM reviews GROUP BY year
),
ranked AS (
  SELECT
    p.year,
    p.reviews,
    sum(p.reviews) OVER (
      PARTITION BY p.year ORDER BY p.reviews DESC, p.person ROWS UNBOUNDED PRECEDING
    ) - p.reviews AS before
  FROM per_person AS p
)
SELECT
  CAST(t.year AS INTEGER) AS year,
  CAST(t.reviews AS INTEGER) AS reviews,
  CAST((SELECT count(*) FROM per_person AS p WHERE p.year = t.year) AS INTEGER) AS reviewers,
  CAST((
    SELECT count(*) FROM ranked AS r WHERE r.year = t.year AND 2 * r.before < t.reviews
  ) AS INTEGER) AS "halfReviewers"
FROM totals AS t
ORDER BY year
