-- Commits per organisation per calendar year in [since, as_of), Unknown included under its name
-- (the "organisations over time" figure). Years without commits have no rows.
SELECT
  f.year,
  f.organisation,
  CAST(count(*) AS INTEGER) AS commits
FROM filtered AS f, bounds AS b
WHERE f.kind = 'commit' AND f.day >= b.since
GROUP BY f.year, f.organisation
ORDER BY f.year, f.organisation = 'Unknown', commits DESC, f.organisation
