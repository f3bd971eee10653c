-- One organisation's ($organisation) commits and reviews per repository in [since, as_of). A commit
-- held by several repositories counts once, under its contributions row's repository (the first
-- configured one by name); a GitHub review under its 'owner/name'. Most commits first.
SELECT
  f.repository,
  CAST(count(*) FILTER (WHERE f.kind = 'commit') AS INTEGER) AS commits,
  CAST(count(*) FILTER (WHERE f.kind = 'review') AS INTEGER) AS reviews
FROM filtered AS f, bounds AS b
WHERE f.organisation = CAST($organisation AS VARCHAR) AND f.day >= b.since
GROUP BY f.repository
ORDER BY commits DESC, reviews DESC, f.repository
