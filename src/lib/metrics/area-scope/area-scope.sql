-- The per-area metrics' own relation, composed after filtered.sql (see area-scope.ts):
--   area_contributions  each contribution of `filtered` dated from since, once per area it is in:
--                       area, year, kind, person, organisation
-- A commit is in every area covering a file it changed (commit_areas; new or old path), and a
-- trailer review in its commit's; a list review is in every area covering a file that a patch of its change
-- dated before as_of touched. GitHub reviews have no files and are in none. Under an area filter,
-- only the named areas.
WITH named_commit_areas AS (
  SELECT a.commit_id, a.area
  FROM commit_areas AS a, bounds AS b
  WHERE len(b.areas) = 0 OR list_contains(b.areas, a.area)
),
change_areas AS (
  SELECT DISTINCT t.change_id, a.area
  FROM mail_threads AS t
  JOIN messages AS m ON m.message_id = t.message_id
  JOIN message_files AS f ON f.message_id = t.message_id
  JOIN path_areas AS a ON a.path = f.path
  CROSS JOIN bounds AS b
  WHERE m.is_patch
    AND m.time < b.as_of
    AND (len(b.areas) = 0 OR list_contains(b.areas, a.area))
),
area_contributions AS (
  SELECT a.area, f.year, f.kind, f.person, f.organisation
  FROM filtered AS f
  JOIN named_commit_areas AS a ON a.commit_id = f.commit_id
  CROSS JOIN bounds AS b
  WHERE f.day >= b.since
  UNION ALL
  SELECT a.area, f.year, f.kind, f.person, f.organisation
  FROM filtered AS f
  JOIN mail_threads AS t ON f.contribution_id = 'mail:' || t.message_id
  JOIN change_areas AS a ON a.change_id = t.change_id
  CROSS JOIN bounds AS b
  WHERE f.source = 'mail' AND f.day >= b.since
)
