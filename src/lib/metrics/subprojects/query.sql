-- The members of each sub-project (the `subprojects` table, rebuilt by collect from the project
-- config): its repositories that the report's repository filter keeps (all when it names none),
-- and its lists, in the config's order of sub-projects, then by kind and name. A sub-project none
-- of whose repositories is kept has no rows.
WITH kept AS (
  SELECT s.subproject, min(s.position) AS position, s.kind, s.name
  FROM subprojects AS s
  WHERE s.kind IS NOT NULL
  GROUP BY s.subproject, s.kind, s.name
),
shown AS (
  SELECT DISTINCT k.subproject
  FROM kept AS k, bounds AS b
  WHERE k.kind = 'repository'
    AND (len(b.repositories) = 0 OR list_contains(b.repositories, k.name))
)
SELECT k.subproject, CAST(k.position AS INTEGER) AS position, k.kind, k.name
FROM kept AS k, bounds AS b
WHERE k.subproject IN (SELECT subproject FROM shown)
  AND (k.kind = 'list' OR len(b.repositories) = 0 OR list_contains(b.repositories, k.name))
ORDER BY k.position, k.kind DESC, k.name
