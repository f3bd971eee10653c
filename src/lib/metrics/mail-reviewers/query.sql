-- Reviewers on the mailing lists in [since, as_of): each person's review messages and the review
-- tags naming them, most reviews first (then most tags, then address). The person's organisation
-- is the one of their latest review. Reviews and tags count under the filters when their change
-- does (mail-scope.sql); a review by no address is left out (it names nobody).
WITH reviews AS (
  SELECT r.person, count(*) AS reviews, arg_max(r.organisation, r.time) AS organisation,
         arg_max(r.person_name, r.time) AS name
  FROM mail_scoped_reviews AS r, bounds AS b
  WHERE r.person IS NOT NULL AND r.time >= b.since
  GROUP BY r.person
),
tags AS (
  SELECT g.person, count(*) AS tags, arg_max(g.organisation, g.time) AS organisation,
         arg_max(g.person_name, g.time) AS name
  FROM mail_scoped_tags AS g, bounds AS b
  WHERE g.person IS NOT NULL AND g.time >= b.since
  GROUP BY g.person
)
SELECT person, name, organisation, reviews, tags
FROM (
  SELECT
    coalesce(r.person, g.person) AS person,
    coalesce(r.name, g.name) AS name,
    coalesce(r.organisation, g.organisation) AS organisation,
    CAST(coalesce(r.reviews, 0) AS INTEGER) AS reviews,
    CAST(coalesce(g.tags, 0) AS INTEGER) AS tags
  FROM reviews AS r
  FULL OUTER JOIN tags AS g ON g.person = r.person
)
ORDER BY reviews DESC, tags DESC, person
