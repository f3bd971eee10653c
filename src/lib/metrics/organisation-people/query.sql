-- One organisation's ($organisation) people in [since, as_of): commits and reviews credited to the
-- organisation, per address with the name most recently seen for it. Addresses that carry the same
-- name (ignoring case) are one person, listed once with every address (most commits first; their
-- `person` is the first). Most commits first, then reviews, then address. A review with no address
-- (person NULL) is one person with no address; an address with no name stays on its own.
WITH per_address AS (
  SELECT
    f.person,
    arg_max(f.person_name, f.time) AS name,
    CAST(count(*) FILTER (WHERE f.kind = 'commit') AS INTEGER) AS commits,
    CAST(count(*) FILTER (WHERE f.kind = 'review') AS INTEGER) AS reviews
  FROM filtered AS f, bounds AS b
  WHERE f.organisation = CAST($organisation AS VARCHAR) AND f.day >= b.since
  GROUP BY f.person
),
people AS (
  SELECT
    list(person ORDER BY commits DESC, reviews DESC, person NULLS LAST) AS addresses,
    arg_max(name, commits * 1000000 + reviews) AS name,
    CAST(sum(commits) AS INTEGER) AS commits,
    CAST(sum(reviews) AS INTEGER) AS reviews
  FROM per_address
  GROUP BY CASE WHEN name IS NULL OR name = '' THEN 'address:' || coalesce(person, '') ELSE 'name:' || lower(name) END
)
SELECT
  addresses[1] AS person,
  name,
  commits,
  reviews,
  array_to_string(list_filter(addresses, a -> a IS NOT NULL), ', ') AS addresses
FROM people
ORDER BY commits DESC, reviews DESC, person NULLS LAST
