/**
 * The points of history code size counts: every tag matching a pattern, and the branch as it stood
 * at the end of each quarter or year.
 */
import type * as NodeFs from 'node:fs';
import git from 'isomorphic-git';
import { matchWildcard } from '../../src/lib/areas/match-wildcard.ts';
import type { CodeSizePeriod } from '../../src/lib/config/code-size-config.ts';
import type { Database } from '../../src/lib/db/database.ts';
import { UNDATED_SQL } from '../../src/lib/db/schema.ts';
import type { Logger } from '../../src/lib/effects.ts';
import type { ObjectStore } from '../git/object-store.ts';
import { parseCommit } from '../git/parse-commit.ts';
import { peelToCommit } from '../git/repository-refs.ts';

/** One point: a commit, named by a tag or a period. */
export interface CodeSizePoint {
  kind: 'tag' | CodeSizePeriod;
  /** The tag's name, or the period (`2018`, `2018-Q2`). */
  point: string;
  commit: string;
  /** The commit's committer time. */
  time: Date;
}

/** True when the tag `name` matches one of `patterns` (`*` any characters, `?` one). */
export function tagMatches(patterns: readonly string[], name: string): boolean {
  return patterns.some((pattern) => matchWildcard(pattern, name));
}

/**
 * Every tag of the repository matching one of `patterns`, peeled to its commit. A tag that names
 * no commit (a tree, a blob) is skipped with a warning.
 */
export async function tagPoints(
  fs: typeof NodeFs,
  gitdir: string,
  store: ObjectStore,
  patterns: readonly string[],
  logger: Logger,
): Promise<CodeSizePoint[]> {
  if (patterns.length === 0) return [];
  const names = (await git.listTags({ fs, gitdir })).filter((name) => tagMatches(patterns, name));
  const points: CodeSizePoint[] = [];
  for (const name of names.sort()) {
    const oid = await git.resolveRef({ fs, gitdir, ref: `refs/tags/${name}` });
    let commit: string;
    try {
      commit = peelToCommit(store, oid);
    } catch {
      logger.warn(`tag ${name} names no commit; not counted`);
      continue;
    }
    const parsed = parseCommit(store.read(commit).data);
    // A date git cannot read is stored as the epoch, as `commits` stores it.
    const time = 'unreadable' in parsed ? new Date(0) : parsed.committer.time;
    points.push({ kind: 'tag', point: name, commit, time });
  }
  return points;
}

/**
 * The branch as it stood at the end of each `every` (the head as of the first day after it, as
 * "as of" is defined: the last commit of the first-parent chain dated before that day), for every
 * period that has ended by `now`, from the first one holding a chain commit. A period without
 * commits of its own repeats the one before. Reads `branch_positions` and `commits`.
 */
export async function periodPoints(
  db: Database,
  repository: string,
  every: CodeSizePeriod,
  now: Date,
): Promise<CodeSizePoint[]> {
  const step = every === 'year' ? 'INTERVAL 1 YEAR' : 'INTERVAL 3 MONTH';
  const rows = await db.query<{ point: string; commit_id: string; time: Date }>(
    `WITH chain AS (
       SELECT p.position, p.commit_id, c.committer_time AS time
       FROM branch_positions p JOIN commits c USING (repository, commit_id)
       WHERE p.repository = $repository AND p.first_parent AND c.committer_time <> ${UNDATED_SQL}
     ),
     ends AS (
       SELECT unnest(generate_series(
         date_trunc($unit, min(time)) + ${step},
         date_trunc($unit, CAST($now AS TIMESTAMP)),
         ${step})) AS period_end
       FROM chain
     ),
     heads AS (
       SELECT e.period_end, arg_max(c.commit_id, c.position) AS commit_id
       FROM ends e JOIN chain c ON c.time < e.period_end
       GROUP BY e.period_end
     )
     SELECT CASE WHEN $unit = 'year' THEN CAST(year(h.period_end - INTERVAL 1 DAY) AS VARCHAR)
                 ELSE year(h.period_end - INTERVAL 1 DAY) || '-Q' || quarter(h.period_end - INTERVAL 1 DAY)
            END AS point,
            h.commit_id, c.time
     FROM heads h JOIN chain c USING (commit_id)
     ORDER BY h.period_end`,
    { repository, unit: every, now },
  );
  return rows.map((row) => ({
    kind: every,
    point: row.point,
    commit: row.commit_id,
    time: row.time,
  }));
}
