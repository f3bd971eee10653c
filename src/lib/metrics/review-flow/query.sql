-- Review flow of the changes posted on the mailing lists, per year and per quarter of posting in
-- [since, as_of) (a year row has quarter NULL and comes before its quarters). As of as_of: only
-- messages dated before it count, and merges by commits committed before it and on their branch as
-- it stood that day (contributions.landed).
--   changes          changes posted (DESIGN.md: series roots of one sender with one subject text)
--   reviewed         of those, with a review (a reply in its series by someone other than its sender)
--   merged           of those, with a counted commit of its sender bearing one of its patches' subject text
--   unanswered       of those posted at least 30 days before as_of, none reviewed within 30 days
--   answerable       changes posted at least 30 days before as_of (the base of `unanswered`)
--   *DaysToFirstReview  median and 75th percentile of days from posting to the first review (negative skew as 0)
--   *DaysToMerge        median and 75th percentile of days from posting to the earliest merging commit's committer date
--   meanVersions     mean distinct versions per change; twoOrMoreVersions, threeOrMoreVersions: changes
--                    with at least 2, at least 3
WITH roots AS (
  SELECT t.change_id, count(DISTINCT m.patch_version) AS versions
  FROM mail_threads AS t
  JOIN messages AS m USING (message_id)
  CROSS JOIN bounds AS b
  WHERE t.series_id = t.message_id AND m.time < b.as_of
  GROUP BY t.change_id
),
first_reviews AS (
  SELECT t.change_id, min(m.time) AS first_review
  FROM mail_threads AS t
  JOIN messages AS m USING (message_id)
  CROSS JOIN bounds AS b
  WHERE t.is_review AND m.time < b.as_of
  GROUP BY t.change_id
),
first_merges AS (
  SELECT mc.change_id, min(mc.committed) AS merged
  FROM mail_change_commits AS mc, bounds AS b
  WHERE mc.committed < b.as_of
    AND (mc.landed IS NULL OR mc.landed < b.as_of)
    AND (
      len(b.repositories) = 0
      OR mc.commit_id IN (
        SELECT k.commit_id FROM commits AS k, bounds AS kb
        WHERE list_contains(kb.repositories, k.repository)
      )
    )
  GROUP BY mc.change_id
),
flow AS (
  SELECT
    year(c.posted) AS year,
    quarter(c.posted) AS quarter,
    r.versions,
    f.first_review IS NOT NULL AS reviewed,
    g.merged IS NOT NULL AS merged,
    -- greatest() skips NULLs, so an unreviewed change is kept out explicitly.
    CASE
      WHEN f.first_review IS NOT NULL
        THEN greatest(date_diff('second', c.posted, f.first_review), 0) / 86400.0
    END AS review_days,
    date_diff('second', c.posted, g.merged) / 86400.0 AS merge_days,
    CASE
      WHEN c.posted + INTERVAL 30 DAY <= b.as_of
        THEN f.first_review IS NULL OR f.first_review >= c.posted + INTERVAL 30 DAY
    END AS unanswered
  FROM mail_scoped_changes AS c
  JOIN roots AS r USING (change_id)
  LEFT JOIN first_reviews AS f USING (change_id)
  LEFT JOIN first_merges AS g USING (change_id)
  CROSS JOIN bounds AS b
  WHERE c.posted >= b.since AND c.posted < b.as_of
)
SELECT
  CAST(year AS INTEGER) AS year,
  CAST(quarter AS INTEGER) AS quarter,
  CAST(count(*) AS INTEGER) AS changes,
  CAST(count(*) FILTER (WHERE reviewed) AS INTEGER) AS reviewed,
  CAST(count(*) FILTER (WHERE merged) AS INTEGER) AS merged,
  CAST(count(*) FILTER (WHERE unanswered) AS INTEGER) AS unanswered,
  CAST(count(unanswered) AS INTEGER) AS answerable,
  quantile_cont(review_days, 0.5) AS "medianDaysToFirstReview",
  quantile_cont(review_days, 0.75) AS "p75DaysToFirstReview",
  quantile_cont(merge_days, 0.5) AS "medianDaysToMerge",
  quantile_cont(merge_days, 0.75) AS "p75DaysToMerge",
  avg(versions) AS "meanVersions",
  CAST(count(*) FILTER (WHERE versions >= 2) AS INTEGER) AS "twoOrMoreVersions",
  CAST(count(*) FILTER (WHERE versions >= 3) AS INTEGER) AS "threeOrMoreVersions"
FROM flow
GROUP BY GROUPING SETS ((year), (year, quarter))
ORDER BY year, quarter NULLS FIRST
