-- What the mailing lists hold as of as_of (messages dated before it): messages, patches among
-- them, changes posted, review messages and review tags in them. Under a list filter, messages on
-- those lists; under a repository, path or area filter, the messages of the changes that pass
-- (mail-scope.sql), other messages left out.
WITH counted AS (
  SELECT m.message_id, m.is_patch, t.is_review, t.change_id
  FROM messages AS m
  JOIN mail_threads AS t USING (message_id)
  CROSS JOIN bounds AS b
  CROSS JOIN mail_given AS g
  WHERE m.time < b.as_of
    AND (
      len(g.lists) = 0
      OR m.message_id IN (
        SELECT l.message_id FROM message_lists AS l, mail_given AS lg WHERE list_contains(lg.lists, l.list)
      )
    )
    AND (
      (len(b.repositories) = 0 AND len(b.paths) = 0 AND len(b.areas) = 0)
      OR t.change_id IN (SELECT change_id FROM mail_scoped_changes)
    )
)
SELECT
  CAST(count(*) AS INTEGER) AS messages,
  CAST(count(*) FILTER (WHERE is_patch) AS INTEGER) AS "patchMessages",
  CAST((
    SELECT count(*) FROM mail_scoped_changes AS c, bounds AS b WHERE c.posted < b.as_of
  ) AS INTEGER) AS changes,
  CAST(count(*) FILTER (WHERE is_review) AS INTEGER) AS "reviewMessages",
  CAST((SELECT count(*) FROM mail_scoped_tags) AS INTEGER) AS "reviewTags"
FROM counted
