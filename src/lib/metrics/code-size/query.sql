-- Source lines at each counted point (code_size_points: a release tag, or the branch at the end of
-- a quarter or year) dated before as_of, per area and language: files, code, comment and blank
-- lines (docs/code-size.md), as summed per commit in code_size_totals. A file counts in every area
-- covering it, and once more in the rows of no area (area NULL), which cover every counted file.
-- Narrowed by repository; not by path (narrow by area instead). `target` is the area's code-line
-- target from the config (NULL when none). Points in time order, then the whole before the areas,
-- areas and languages by name.
SELECT
  p.repository,
  p.point AS at,
  p.kind,
  p.commit_id AS commit,
  strftime(p.time, '%Y-%m-%d') AS date,
  s.area,
  s.language,
  s.files,
  s.code,
  s.comment,
  s.blank,
  t.code AS target
FROM code_size_points AS p
JOIN code_size_totals AS s ON s.repository = p.repository AND s.commit_id = p.commit_id
LEFT JOIN code_size_targets AS t ON t.area = s.area
CROSS JOIN bounds AS b
WHERE p.time < b.as_of
  AND (len(b.repositories) = 0 OR list_contains(b.repositories, p.repository))
ORDER BY p.time, p.repository, p.kind, p.point, s.area NULLS FIRST, s.language
