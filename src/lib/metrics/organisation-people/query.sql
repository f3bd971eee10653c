-- One organisation's ($organisation) people in [since, as_of): commits and reviews credited to the
-- organisation, the name most recently seen; most commits first, then reviews, then address.
-- A review with no address (person NULL) is grouped as one person with no address.
SELECT
  f.person,
  arg_max(f.person_name, f.time) AS name,
  CAST(count(*) FILTER (WHERE f.kind = 'commit') AS INTEGER) AS commits,
  CAST(count(*) FILTER (WHERE f.kind = 'review') AS INTEGER) AS reviews
FROM filtered AS f, bounds AS b
WHERE f.organisation = CAST($organisation AS VARCHAR) AND f.day >= b.since
GROUP BY f.person
ORDER BY commits DESC, reviews DESC, f.person NULLS LAST
