-- The day of each organisation's (not Unknown's) first counted commit or review before as_of, over
-- the whole history (`since` does not apply; a contribution without a readable date has no day and
-- is left out), earliest first, ties by name.
SELECT
  organisation,
  strftime(min(day), '%Y-%m-%d') AS date
FROM filtered
WHERE organisation <> 'Unknown' AND day IS NOT NULL
GROUP BY organisation
ORDER BY min(day), organisation
