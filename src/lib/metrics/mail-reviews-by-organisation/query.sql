-- Review messages on the mailing lists and the review tags in them, per organisation per calendar
-- year of the review in [since, as_of), Unknown included under its name, last in each year. A
-- review message counts for its sender's organisation; a tag for the organisation of the person
-- it names. Both count under the filters when their change does (mail-scope.sql).
WITH reviews AS (
  SELECT r.organisation, year(r.time) AS year, count(*) AS reviews
  FROM mail_scoped_reviews AS r, bounds AS b
  WHERE r.time >= b.since
  GROUP BY r.organisation, year(r.time)
),
tags AS (
  SELECT g.organisation, year(g.time) AS year, count(*) AS tags
  FROM mail_scoped_tags AS g, bounds AS b
  WHERE g.time >= b.since
  GROUP BY g.organisation, year(g.time)
)
SELECT organisation, year, reviews, tags
FROM (
  SELECT
    coalesce(r.organisation, g.organisation) AS organisation,
    CAST(coalesce(r.year, g.year) AS INTEGER) AS year,
    CAST(coalesce(r.reviews, 0) AS INTEGER) AS reviews,
    CAST(coalesce(g.tags, 0) AS INTEGER) AS tags
  FROM reviews AS r
  FULL OUTER JOIN tags AS g ON g.organisation = r.organisation AND g.year = r.year
)
ORDER BY year, organisation = 'Unknown', reviews DESC, tags DESC, organisation
