-- Reviews (Reviewed-by/Acked-by trailers and GitHub reviews) per organisation per calendar year in
-- [since, as_of), Unknown included under its name, last in each year.
SELECT
  f.organisation,
  f.year,
  CAST(count(*) AS INTEGER) AS reviews
FROM filtered AS f, bounds AS b
WHERE f.kind = 'review' AND f.day >= b.since
GROUP BY f.year, f.organisation
ORDER BY f.year, f.organisation = 'Unknown', reviews DESC, f.organisation
