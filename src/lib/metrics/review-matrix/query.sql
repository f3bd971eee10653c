-- Who reviews whom: reviews per calendar year in [since, as_of) by the reviewer's organisation and
-- the organisation of the author whose work was reviewed (review_authors: a trailer's commit
-- author, a GitHub pull request's author, a list change's sender; each organisation at the review's
-- time), Unknown included on either side. Self-reviews (reviewer and author the same person) are
-- left out; a review whose reviewer or author nobody can name is not a self-review. Reviews follow
-- the shared filters (filtered.sql): GitHub reviews drop out under a path or area filter.
-- Ordered by year, most reviews first, then reviewer and author organisation by name.
SELECT
  CAST(f.year AS INTEGER) AS year,
  f.organisation AS "reviewerOrganisation",
  coalesce(a.organisation, 'Unknown') AS "authorOrganisation",
  CAST(count(*) AS INTEGER) AS reviews
FROM filtered AS f
LEFT JOIN review_authors AS a ON a.contribution_id = f.contribution_id
CROSS JOIN bounds AS b
WHERE f.kind = 'review'
  AND f.day >= b.since
  AND (f.person IS NULL OR a.person IS NULL OR f.person <> a.person)
GROUP BY f.year, f.organisation, coalesce(a.organisation, 'Unknown')
ORDER BY year, reviews DESC, "reviewerOrganisation", "authorOrganisation"
