-- Commits per organisation in [since, as_of) and the share of all commits of the span (Unknown's
-- included in the denominator). Organisations are ranked by commits, largest first, ties by name;
-- Unknown gets no rank and comes last.
WITH counted AS (
  SELECT f.organisation, count(*) AS commits
  FROM filtered AS f, bounds AS b
  WHERE f.kind = 'commit' AND f.day >= b.since
  GROUP BY f.organisation
),
total AS (
  SELECT sum(commits) AS commits FROM counted
)
SELECT
  c.organisation,
  CAST(c.commits AS INTEGER) AS commits,
  CAST(c.commits AS DOUBLE) / t.commits AS share,
  CASE
    WHEN c.organisation = 'Unknown' THEN NULL
    ELSE CAST(
      row_number() OVER (
        PARTITION BY c.organisation = 'Unknown' ORDER BY c.commits DESC, c.organisation
      ) AS INTEGER
    )
  END AS rank
FROM counted AS c, total AS t
ORDER BY c.organisation = 'Unknown', c.commits DESC, c.organisation
