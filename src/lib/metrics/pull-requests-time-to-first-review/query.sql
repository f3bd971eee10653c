-- Time to first review of GitHub pull requests, per calendar year of opening in [since, as_of):
-- for each pull request opened (created_at, UTC) in the year, the hours from its opening to its
-- first review by someone other than its author, submitted before as_of (approving, commenting or
-- requesting changes, or since dismissed; pending reviews are not submitted). Per year: the pull
-- requests opened, how many of them had such a review, and the median of their hours (NULL when
-- none had one). Years without pull requests have no row.
-- Filters: a pull request counts under a repository filter when its repository ('owner/name') is
-- named; pull requests have no files, so none count under a path or area filter (like GitHub
-- reviews).
WITH opened AS (
  SELECT p.repository, p.number, lower(p.author_login) AS author, p.created_at
  FROM github_pull_requests AS p, bounds AS b
  WHERE p.created_at >= b.since
    AND p.created_at < b.as_of
    AND len(b.paths) = 0
    AND len(b.areas) = 0
    AND (len(b.repositories) = 0 OR list_contains(b.repositories, p.repository))
),
first_reviews AS (
  SELECT o.repository, o.number, min(r.submitted_at) AS first_review
  FROM opened AS o
  JOIN github_reviews AS r ON r.repository = o.repository AND r.pull_number = o.number
  CROSS JOIN bounds AS b
  WHERE r.state IN ('APPROVED', 'COMMENTED', 'CHANGES_REQUESTED', 'DISMISSED')
    AND r.submitted_at IS NOT NULL
    AND r.submitted_at < b.as_of
    AND lower(r.reviewer_login) IS DISTINCT FROM o.author
  GROUP BY o.repository, o.number
)
SELECT
  CAST(year(o.created_at) AS INTEGER) AS year,
  CAST(count(*) AS INTEGER) AS opened,
  CAST(count(f.first_review) AS INTEGER) AS reviewed,
  median(date_diff('second', o.created_at, f.first_review) / 3600.0) AS "medianHours"
FROM opened AS o
LEFT JOIN first_reviews AS f USING (repository, number)
GROUP BY year(o.created_at)
ORDER BY year
