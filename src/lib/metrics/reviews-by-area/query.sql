-- Reviews per area, calendar year and organisation in [since, as_of) (area_contributions, see
-- area-scope.sql), Unknown included, with each organisation's share of the area's reviews that
-- year. Every organisation is named (the figure keeps the top N, so N takes no query). Ordered by
-- area, year, most reviews first, Unknown last, then by name.
SELECT
  area,
  CAST(year AS INTEGER) AS year,
  organisation,
  CAST(count(*) AS INTEGER) AS reviews,
  count(*) / sum(count(*)) OVER (PARTITION BY area, year) AS share
FROM area_contributions
WHERE kind = 'review'
GROUP BY area, year, organisation
ORDER BY area, year, organisation = 'Unknown', reviews DESC, organisation
