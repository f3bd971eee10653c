-- Organisations (not Unknown) whose first counted commit or review falls in the last 24 months,
-- [two_years_ago, as_of), with their commits and reviews since then (all of theirs) and in the
-- last 12 months. Earliest first contribution first, ties by name.
WITH firsts AS (
  SELECT organisation, min(day) AS first_day
  FROM filtered
  WHERE organisation <> 'Unknown'
  GROUP BY organisation
)
SELECT
  fi.organisation,
  strftime(fi.first_day, '%Y-%m-%d') AS "firstContribution",
  CAST(count(*) FILTER (WHERE f.kind = 'commit') AS INTEGER) AS commits,
  CAST(count(*) FILTER (WHERE f.kind = 'review') AS INTEGER) AS reviews,
  CAST(count(*) FILTER (WHERE f.kind = 'commit' AND f.day >= b.year_ago) AS INTEGER)
    AS "commitsLast12Months",
  CAST(count(*) FILTER (WHERE f.kind = 'review' AND f.day >= b.year_ago) AS INTEGER)
    AS "reviewsLast12Months"
FROM firsts AS fi
CROSS JOIN bounds AS b
JOIN filtered AS f ON f.organisation = fi.organisation
WHERE fi.first_day >= b.two_years_ago
GROUP BY fi.organisation, fi.first_day
ORDER BY fi.first_day, fi.organisation
