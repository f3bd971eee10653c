-- Organisations (not Unknown) whose first counted commit or review falls in the last 24 months,
-- [two_years_ago, as_of), with their commits and reviews since then (all of theirs) and in the
-- last 12 months. Earliest first contribution first, ties by name.
-- One pass over the contributions: each organisation's first day and its counts.
WITH per_organisation AS (
  SELECT
    f.organisation,
    min(f.day) AS first_day,
    count(*) FILTER (WHERE f.kind = 'commit') AS commits,
    count(*) FILTER (WHERE f.kind = 'review') AS reviews,
    count(*) FILTER (WHERE f.kind = 'commit' AND f.day >= b.year_ago) AS commits_last_12_months,
    count(*) FILTER (WHERE f.kind = 'review' AND f.day >= b.year_ago) AS reviews_last_12_months
  FROM filtered AS f, bounds AS b
  WHERE f.organisation <> 'Unknown'
  GROUP BY f.organisation
)
SELECT
  o.organisation,
  strftime(o.first_day, '%Y-%m-%d') AS "firstContribution",
  CAST(o.commits AS INTEGER) AS commits,
  CAST(o.reviews AS INTEGER) AS reviews,
  CAST(o.commits_last_12_months AS INTEGER) AS "commitsLast12Months",
  CAST(o.reviews_last_12_months AS INTEGER) AS "reviewsLast12Months"
FROM per_organisation AS o, bounds AS b
WHERE o.first_day >= b.two_years_ago
ORDER BY o.first_day, o.organisation
