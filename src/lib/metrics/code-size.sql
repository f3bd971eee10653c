-- Source lines at each counted point (code_size_points: a release tag, or the branch at the end of
-- a quarter or year) dated before as_of, per area and language: files, code, comment and blank
-- lines (docs/code-size.md). A file counts in every area covering it (path_areas), and once more
-- in the rows of no area (area NULL), which cover every counted file. Binary and empty files are
-- not counted, as cloc skips them. Narrowed by repository and by path (a file at or under one of
-- the paths). `target` is the area's code-line target from the config (NULL when none).
-- Points in time order, then the whole before the areas, areas and languages by name.
WITH points AS (
  SELECT p.repository, p.kind, p.point, p.commit_id, p.time
  FROM code_size_points AS p, bounds AS b
  WHERE p.time < b.as_of
    AND (len(b.repositories) = 0 OR list_contains(b.repositories, p.repository))
),
-- Each commit once, however many points name it.
counted_files AS (
  SELECT f.repository, f.commit_id, f.path, k.language, k.code, k.comment, k.blank
  FROM code_size_files AS f
  JOIN code_size_blobs AS k ON k.blob_id = f.blob_id AND k.path_language = f.path_language
  CROSS JOIN bounds AS b
  WHERE (f.repository, f.commit_id) IN (SELECT (repository, commit_id) FROM points)
    AND k.language <> 'Binary'
    AND k.code + k.comment + k.blank > 0
    AND (
      len(b.paths) = 0
      OR len(list_filter(b.paths, p -> f.path = p OR starts_with(f.path, p || '/'))) > 0
    )
),
sizes AS (
  SELECT repository, commit_id, NULL AS area, language, count(*) AS files, sum(code) AS code,
         sum(comment) AS comment, sum(blank) AS blank
  FROM counted_files
  GROUP BY repository, commit_id, language
  UNION ALL
  SELECT f.repository, f.commit_id, a.area, f.language, count(*), sum(f.code), sum(f.comment),
         sum(f.blank)
  FROM counted_files AS f
  JOIN path_areas AS a ON a.repository = f.repository AND a.path = f.path
  GROUP BY f.repository, f.commit_id, a.area, f.language
)
SELECT
  p.repository,
  p.point AS at,
  p.kind,
  p.commit_id AS commit,
  strftime(p.time, '%Y-%m-%d') AS date,
  s.area,
  s.language,
  CAST(s.files AS INTEGER) AS files,
  CAST(s.code AS INTEGER) AS code,
  CAST(s.comment AS INTEGER) AS comment,
  CAST(s.blank AS INTEGER) AS blank,
  t.code AS target
FROM points AS p
JOIN sizes AS s ON s.repository = p.repository AND s.commit_id = p.commit_id
LEFT JOIN code_size_targets AS t ON t.area = s.area
ORDER BY p.time, p.repository, p.kind, p.point, s.area NULLS FIRST, s.language
