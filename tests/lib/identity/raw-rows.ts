/** Inserts raw rows the way the collectors store them, for identity tests on a real DuckDB. */
import type { Database } from '../../../src/lib/db/database.ts';

/** A commit row; defaults fill the columns identity does not read. */
export interface RawCommit {
  repository?: string;
  id: string;
  parents?: number;
  name: string;
  email: string;
  /** Author time, ISO UTC. */
  time: string;
}

/**
 * Inserts commits into `commits`, each on its repository's branch: the commits of a repository
 * form its first-parent chain in the order given (`branch_positions`).
 */
export async function insertCommits(db: Database, commits: RawCommit[]): Promise<void> {
  const positions = new Map<string, number>();
  for (const c of commits) {
    const repository = c.repository ?? 'xen';
    const position = (positions.get(repository) ?? 0) + 1;
    positions.set(repository, position);
    await db.query(
      `INSERT INTO commits VALUES ($repository, $id, $parents, $name, $email, CAST($time AS TIMESTAMP), 0,
         $name, $email, CAST($time AS TIMESTAMP), 0, 'subject', '')`,
      {
        repository,
        id: c.id,
        parents: c.parents ?? 1,
        name: c.name,
        email: c.email,
        time: c.time,
      },
    );
    await db.query(`INSERT INTO branch_positions VALUES ($repository, $id, $position, true)`, {
      repository,
      id: c.id,
      position,
    });
  }
}

/** A trailer row. */
export interface RawTrailer {
  repository?: string;
  commit: string;
  position: number;
  key: string;
  value: string;
  name: string | null;
  email: string | null;
}

/** Inserts trailers into `trailers`. */
export async function insertTrailers(db: Database, trailers: RawTrailer[]): Promise<void> {
  for (const t of trailers) {
    await db.query(
      `INSERT INTO trailers VALUES ($repository, $commit, $position, $key, $value, $name, $email, true)`,
      {
        repository: t.repository ?? 'xen',
        commit: t.commit,
        position: t.position,
        key: t.key,
        value: t.value,
        name: t.name,
        email: t.email,
      },
    );
  }
}

/** Inserts a GitHub review. */
export async function insertReview(
  db: Database,
  review: {
    id: number;
    login: string | null;
    state: string;
    at: string | null;
    repository?: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO github_reviews VALUES ($id, $repository, 1, $login, $state, CAST($at AS TIMESTAMP))`,
    {
      id: review.id,
      repository: review.repository ?? 'xen-project/xen',
      login: review.login,
      state: review.state,
      at: review.at,
    },
  );
}

/** The `contributions` table as plain rows, ordered by id, times as ISO strings. */
export async function contributionRows(db: Database): Promise<Record<string, unknown>[]> {
  const rows = await db.query(
    `SELECT kind, source, contribution_id, repository, commit_id,
            strftime(time, '%Y-%m-%dT%H:%M:%SZ') AS time, person, person_name, organisation
     FROM contributions ORDER BY contribution_id`,
  );
  return rows;
}
