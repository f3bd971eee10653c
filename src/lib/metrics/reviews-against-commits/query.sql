-- Each organisation's reviews and commits in [since, as_of), Unknown included (last). Most commits
-- first, then most reviews, then name.
SELECT
  f.organisation,
  CAST(count(*) FILTER (WHERE f.kind = 'review') AS INTEGER) AS reviews,
  CAST(count(*) FILTER (WHERE f.kind = 'commit') AS INTEGER) AS commits
FROM filtered AS f, bounds AS b
WHERE f.day >= b.since
GROUP BY f.organisation
ORDER BY f.organisation = 'Unknown', commits DESC, reviews DESC, f.organisation
