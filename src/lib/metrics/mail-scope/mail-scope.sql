-- The mailing-list metrics' own filtering, composed after filtered.sql (see mail-scope.ts):
--   mail_scoped_changes  the changes (mail_changes) under the repository, path and list filters
--   mail_scoped_reviews  review messages (their `contributions` rows) of those changes, before as_of
--   mail_scoped_tags     review tags (mail_review_tags) of those changes, before as_of
-- Filters:
--   * repositories ($repositories): a change counts when mail_change_repositories names one of them
--     (merged there, or a patch touches a file that repository's history touched);
--   * paths ($paths): a change counts when one of its patches dated before $as_of touches a file at
--     or under one of the prefixes (as for commits: `xen/arch/arm` is not `xen/arch/arm64`);
--   * areas ($areas): a change counts when one of its patches dated before $as_of touches a file
--     one of the areas covers (path_areas, in any repository);
--   * lists ($lists, empty = all): a change counts when one of its patches was read from one of
--     the lists (a cross-post counts on each).
WITH mail_given AS (
  SELECT CAST($lists AS VARCHAR[]) AS lists
),
mail_scoped_changes AS (
  SELECT c.change_id, c.person, c.posted
  FROM mail_changes AS c, bounds AS b, mail_given AS g
  WHERE (
      len(b.repositories) = 0
      OR c.change_id IN (
        SELECT r.change_id
        FROM mail_change_repositories AS r, bounds AS rb
        WHERE list_contains(rb.repositories, r.repository)
      )
    )
    AND (
      len(b.paths) = 0
      OR c.change_id IN (
        SELECT t.change_id
        FROM mail_threads AS t
        JOIN messages AS m USING (message_id)
        JOIN message_files AS f USING (message_id)
        CROSS JOIN bounds AS pb
        CROSS JOIN (SELECT unnest(paths) AS prefix FROM bounds) AS p
        WHERE m.is_patch
          AND m.time < pb.as_of
          AND (f.path = p.prefix OR starts_with(f.path, p.prefix || '/'))
      )
    )
    AND (
      len(b.areas) = 0
      OR c.change_id IN (
        SELECT t.change_id
        FROM mail_threads AS t
        JOIN messages AS m USING (message_id)
        JOIN message_files AS f USING (message_id)
        JOIN path_areas AS a ON a.path = f.path
        CROSS JOIN bounds AS ab
        WHERE m.is_patch AND m.time < ab.as_of AND list_contains(ab.areas, a.area)
      )
    )
    AND (
      len(g.lists) = 0
      OR c.change_id IN (
        SELECT t.change_id
        FROM mail_threads AS t
        JOIN messages AS m USING (message_id)
        JOIN message_lists AS l USING (message_id)
        CROSS JOIN mail_given AS lg
        WHERE m.is_patch AND list_contains(lg.lists, l.list)
      )
    )
),
mail_scoped_reviews AS (
  SELECT c.person, c.person_name, c.organisation, c.time, t.change_id
  FROM contributions AS c
  JOIN mail_threads AS t ON c.contribution_id = 'mail:' || t.message_id
  CROSS JOIN bounds AS b
  WHERE c.source = 'mail'
    AND c.time < b.as_of
    AND t.change_id IN (SELECT change_id FROM mail_scoped_changes)
),
mail_scoped_tags AS (
  SELECT g.person, g.person_name, g.organisation, g.time, g.change_id
  FROM mail_review_tags AS g, bounds AS b
  WHERE g.time < b.as_of AND g.change_id IN (SELECT change_id FROM mail_scoped_changes)
)
