-- Lines added and removed per area and calendar year in [since, as_of), by organisation: each
-- counted commit's changed files (commit_files, against its first parent) in each area covering
-- them, as summed per commit and area in commit_areas (files by their new path; a commit is in an
-- area also when it only moved a file out of it). The top $top organisations of each area (by
-- lines added and removed over the span, Unknown aside) keep their names; the others are summed as
-- 'Other'; Unknown keeps its own. As of and repositories narrow commits as for every metric; areas
-- narrow the areas shown; paths narrow the files (a file at or under one of the paths, read from
-- commit_files and path_areas). Binary files change no lines. `commits` counts the distinct
-- commits. Ordered by area, year, then the named organisations by lines changed, Other, Unknown.
WITH counted AS (
  SELECT c.commit_id, c.repository, c.organisation, year(c.time) AS year
  FROM contributions AS c, bounds AS b
  WHERE c.kind = 'commit'
    AND c.time < b.as_of
    AND (c.landed IS NULL OR c.landed < b.as_of)
    AND c.time <> TIMESTAMP '1970-01-01 00:00:00'
    AND CAST(c.time AS DATE) >= b.since
    AND (
      len(b.repositories) = 0
      OR c.commit_id IN (
        SELECT k.commit_id
        FROM commits AS k, bounds AS kb
        WHERE list_contains(kb.repositories, k.repository)
      )
    )
),
-- Under a path filter, the changed files at or under the paths (none without one).
path_files AS (
  SELECT f.repository, f.commit_id, f.path, f.lines_added, f.lines_deleted
  FROM commit_files AS f, bounds AS b
  WHERE len(b.paths) > 0
    AND len(list_filter(b.paths, p -> f.path = p OR starts_with(f.path, p || '/'))) > 0
),
-- One row per commit and area.
changed AS (
  SELECT
    a.area,
    k.year,
    k.organisation,
    k.commit_id,
    a.lines_added AS added,
    a.lines_deleted AS removed
  FROM counted AS k
  JOIN commit_areas AS a ON a.commit_id = k.commit_id
  CROSS JOIN bounds AS b
  WHERE len(b.paths) = 0 AND (len(b.areas) = 0 OR list_contains(b.areas, a.area))
  UNION ALL
  SELECT
    a.area,
    k.year,
    k.organisation,
    k.commit_id,
    sum(coalesce(f.lines_added, 0)),
    sum(coalesce(f.lines_deleted, 0))
  FROM path_files AS f
  JOIN counted AS k ON k.repository = f.repository AND k.commit_id = f.commit_id
  JOIN path_areas AS a ON a.repository = f.repository AND a.path = f.path
  CROSS JOIN bounds AS b
  WHERE len(b.areas) = 0 OR list_contains(b.areas, a.area)
  GROUP BY a.area, k.year, k.organisation, k.commit_id
),
ranked AS (
  SELECT
    area,
    organisation,
    row_number() OVER (PARTITION BY area ORDER BY sum(added + removed) DESC, organisation) AS rank
  FROM changed
  WHERE organisation <> 'Unknown'
  GROUP BY area, organisation
),
named AS (
  SELECT
    c.area,
    c.year,
    CASE
      WHEN c.organisation = 'Unknown' THEN 'Unknown'
      WHEN r.rank <= $top THEN c.organisation
      ELSE 'Other'
    END AS organisation,
    c.added,
    c.removed
  FROM changed AS c
  LEFT JOIN ranked AS r ON r.area = c.area AND r.organisation = c.organisation
)
SELECT
  area,
  CAST(year AS INTEGER) AS year,
  organisation,
  CAST(sum(added) AS INTEGER) AS added,
  CAST(sum(removed) AS INTEGER) AS removed,
  CAST(count(*) AS INTEGER) AS commits
FROM named
GROUP BY area, year, organisation
ORDER BY
  area,
  year,
  organisation = 'Unknown',
  organisation = 'Other',
  sum(added) + sum(removed) DESC,
  organisation
