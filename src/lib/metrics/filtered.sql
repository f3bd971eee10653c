-- The one place every metric's filtering lives. Every metric's SQL is composed after this prefix
-- (see compose-metric-sql.ts) and reads two relations from it:
--
--   bounds    one row: the parameters as typed values, and the dates every metric derives from them
--   filtered  the contributions that count under the filters, as of the as-of date: kind, source,
--             contribution_id, commit_id, repository, time, person, person_name, organisation, and
--             its day and year (NULL for a date git could not read, stored as the epoch: such a row
--             counts in totals but in no period)
--
-- (and `scoped`, the contributions under the repository, path and area filters at any date, which
-- only `filtered` reads).
--
-- Filters:
--   * as-of (DESIGN.md): `time < $as_of` (exclusive end: nothing on the as-of day counts), and the
--     commit was on its branch as the branch stood that day: `landed < $as_of` (contributions.landed,
--     computed when collecting from each commit's place on the branch; a GitHub review's is its own
--     time; NULL, for a branch with no readable date, leaves only the first test).
--   * repositories ($repositories, empty = all): a commit (and each trailer review on it) counts when
--     `commits` holds it in one of the named repositories; `contributions` keeps one row per commit
--     (its first repository by name), so the filter looks in `commits`, not at that column. A GitHub
--     review counts when its pull request's repository ('owner/name') is named.
--   * paths ($paths, empty = all): a commit counts when it changes a file at or under one of the
--     prefixes (`xen/arch/arm` matches `xen/arch/arm/x.c` and `xen/arch/arm` itself, not
--     `xen/arch/arm64/x.c`), either as its new or its old path; a trailer review follows its commit.
--     GitHub reviews have no files, so they drop out under a path filter.
--   * areas ($areas, empty = all): a commit counts when it changes a file (new or old path) that
--     one of the named areas covers (commit_areas, built by collect from the project's areas); a
--     trailer review follows its commit, GitHub reviews drop out.
--   Under either, a list review counts when a patch of its change touches such a file, and from the
--   first such patch on: its `landed` becomes that patch's time when later (so as of D it counts
--   when a matching patch was posted before D, as the mailing-list metrics' changes do). Paths and
--   areas together narrow to both; list reviews drop out under a repository filter.
-- `since` is not applied here: each metric applies it (or not) as its definition says.
-- `$top` and `$growth_since` are not bound here either: the few metrics that need them name them
-- themselves, so changing N or the growth span leaves every other metric's query (and a cached
-- result of it) unchanged.
WITH given AS (
  SELECT
    CAST($as_of AS DATE) AS as_of,
    CAST($since AS DATE) AS since,
    CAST($repositories AS VARCHAR[]) AS repositories,
    list_transform(CAST($paths AS VARCHAR[]), p -> rtrim(p, '/')) AS paths,
    CAST($areas AS VARCHAR[]) AS areas
),
bounds AS (
  SELECT
    as_of,
    since,
    repositories,
    paths,
    areas,
    -- The last day that counts.
    CAST(as_of - INTERVAL 1 DAY AS DATE) AS last_day,
    year(since) AS first_year,
    year(CAST(as_of - INTERVAL 1 DAY AS DATE)) AS last_year,
    -- The last calendar year wholly before as-of.
    year(as_of) - 1 AS last_full_year,
    -- One and two years before as-of: the same calendar day, and 29 February maps to 1 March so
    -- that [year_ago, as_of) holds the same days of the calendar as a year earlier.
    CASE
      WHEN month(as_of) = 2 AND day(as_of) = 29 THEN make_date(year(as_of) - 1, 3, 1)
      ELSE CAST(as_of - INTERVAL 1 YEAR AS DATE)
    END AS year_ago,
    CASE
      WHEN month(as_of) = 2 AND day(as_of) = 29 THEN make_date(year(as_of) - 2, 3, 1)
      ELSE CAST(as_of - INTERVAL 2 YEAR AS DATE)
    END AS two_years_ago
  FROM given
),
-- `scoped` is the repository, path and area narrowing alone (no date): the dashboard keeps it as a
-- table per filter set and reads it in place of this definition (see compose-metric-sql.ts), so a
-- control change does not redo the narrowing in every metric. Nothing in it may depend on the
-- as-of or since date.
scoped AS (
  WITH
  -- The paths the named areas cover (none without an area filter). Joined on the unnested list,
  -- here and below, so that an empty list ends the scan at once.
  area_paths AS (
    SELECT DISTINCT a.path
    FROM path_areas AS a
    JOIN (SELECT unnest(areas) AS area FROM bounds) AS n ON n.area = a.area
  ),
  -- Under a path or area filter, each list change with a patch touching a matching file: the first
  -- such patch's time for the paths and for the areas (NULL: none). Nothing without such a filter.
  mail_change_files AS (
    SELECT
      t.change_id,
      min(m.time) FILTER (
        WHERE len(list_filter(b.paths, p -> f.path = p OR starts_with(f.path, p || '/'))) > 0
      ) AS path_posted,
      min(m.time) FILTER (WHERE a.path IS NOT NULL) AS area_posted
    FROM bounds AS b
    JOIN mail_threads AS t ON len(b.paths) > 0 OR len(b.areas) > 0
    JOIN messages AS m ON m.message_id = t.message_id
    JOIN message_files AS f ON f.message_id = t.message_id
    LEFT JOIN area_paths AS a ON a.path = f.path
    WHERE m.is_patch AND t.change_id IS NOT NULL
    GROUP BY t.change_id
  )
  SELECT
    c.kind,
    c.source,
    c.contribution_id,
    c.commit_id,
    c.repository,
    c.time,
    c.landed,
    c.person,
    c.person_name,
    c.organisation
  FROM contributions AS c, bounds AS b
  WHERE (
      len(b.repositories) = 0
      OR (c.source = 'github' AND list_contains(b.repositories, c.repository))
      OR (
        c.source <> 'github'
        AND c.commit_id IN (
          SELECT k.commit_id
          FROM commits AS k
          JOIN (SELECT unnest(repositories) AS name FROM bounds) AS r ON r.name = k.repository
        )
      )
    )
    -- List reviews under a path or area filter come from the branch after UNION ALL.
    AND (c.source <> 'mail' OR (len(b.paths) = 0 AND len(b.areas) = 0))
    AND (
      len(b.paths) = 0
      OR (
        c.source <> 'github'
        AND c.commit_id IN (
          SELECT f.commit_id
          FROM commit_files AS f, (SELECT unnest(paths) AS prefix FROM bounds) AS p
          WHERE f.path = p.prefix
            OR starts_with(f.path, p.prefix || '/')
            OR f.old_path = p.prefix
            OR starts_with(f.old_path, p.prefix || '/')
        )
      )
    )
    AND (
      len(b.areas) = 0
      OR c.commit_id IN (
        SELECT a.commit_id
        FROM commit_areas AS a
        JOIN (SELECT unnest(areas) AS area FROM bounds) AS n ON n.area = a.area
      )
    )
  UNION ALL
  SELECT
    c.kind,
    c.source,
    c.contribution_id,
    c.commit_id,
    c.repository,
    c.time,
    greatest(c.landed, coalesce(k.path_posted, c.landed), coalesce(k.area_posted, c.landed)),
    c.person,
    c.person_name,
    c.organisation
  FROM contributions AS c
  JOIN mail_threads AS t ON c.contribution_id = 'mail:' || t.message_id
  JOIN mail_change_files AS k ON k.change_id = t.change_id
  CROSS JOIN bounds AS b
  WHERE c.source = 'mail'
    AND len(b.repositories) = 0
    AND (len(b.paths) = 0 OR k.path_posted IS NOT NULL)
    AND (len(b.areas) = 0 OR k.area_posted IS NOT NULL)
),
filtered AS (
  SELECT
    s.kind,
    s.source,
    s.contribution_id,
    s.commit_id,
    s.repository,
    s.time,
    s.person,
    s.person_name,
    s.organisation,
    CASE WHEN s.time <> TIMESTAMP '1970-01-01 00:00:00' THEN CAST(s.time AS DATE) END AS day,
    CASE WHEN s.time <> TIMESTAMP '1970-01-01 00:00:00' THEN year(s.time) END AS year
  FROM scoped AS s, bounds AS b
  WHERE s.time < b.as_of AND (s.landed IS NULL OR s.landed < b.as_of)
)
