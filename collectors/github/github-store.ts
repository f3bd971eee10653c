/**
 * Writes what the GitHub collector mined into the github_* tables. Each pull request lands in one
 * transaction with its reviews, commits and new profiles, so a run stopped at any point loses
 * nothing it has stored, and collecting again inserts nothing twice.
 */
import type { Database } from '../../src/lib/db/database.ts';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import type { PullCommit, PullDetail, PullReview, UserProfile } from './github-api.ts';

/** The database the collector needs: the seam plus transactions (a {@link NodeDatabase} is one). */
export type GitHubDatabase = Database & Pick<NodeDatabase, 'transaction'>;

/** How a repository stands after a run. */
export type RepositoryStatus = 'ok' | 'not-found' | 'forbidden';

/** The stored sync state of a repository. */
export interface RepositoryState {
  /** Pull requests updated before this instant are all stored; null before the first full run. */
  pullsSyncedUntil: Date | null;
  /** `updated_at` of every stored pull request, by number. */
  storedUpdatedAt: Map<number, Date>;
}

/** Reads a repository's sync state. */
export async function readRepositoryState(
  db: GitHubDatabase,
  fullName: string,
): Promise<RepositoryState> {
  const [row] = await db.query<{ pulls_synced_until: Date | null }>(
    `SELECT pulls_synced_until FROM github_repositories WHERE full_name = $name`,
    { name: fullName },
  );
  const pulls = await db.query<{ number: number; updated_at: Date; complete: boolean }>(
    `SELECT number, updated_at, additions IS NOT NULL AS complete
       FROM github_pull_requests WHERE repository = $name`,
    { name: fullName },
  );
  return {
    pullsSyncedUntil: row?.pulls_synced_until ?? null,
    storedUpdatedAt: new Map(pulls.filter((p) => p.complete).map((p) => [p.number, p.updated_at])),
  };
}

/** Logins whose profile is already stored (also those GitHub no longer knows). */
export async function storedLogins(db: GitHubDatabase): Promise<Set<string>> {
  const rows = await db.query<{ login: string }>(`SELECT login FROM github_users`);
  return new Set(rows.map((row) => row.login));
}

/**
 * Records a repository's status (and, when `syncedUntil` is given, that every pull request updated
 * before it is stored). The sync mark never moves back.
 */
export async function recordRepository(
  db: GitHubDatabase,
  row: {
    fullName: string;
    apiUrl: string;
    status: RepositoryStatus;
    now: Date;
    syncedUntil?: Date | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO github_repositories (full_name, api_url, pulls_synced_until, last_collected_at, status)
     VALUES ($name, $api, $synced, $now, $status)
     ON CONFLICT (full_name) DO UPDATE SET
       api_url = excluded.api_url,
       pulls_synced_until = CASE
         WHEN excluded.pulls_synced_until IS NULL THEN github_repositories.pulls_synced_until
         WHEN github_repositories.pulls_synced_until IS NULL THEN excluded.pulls_synced_until
         ELSE greatest(github_repositories.pulls_synced_until, excluded.pulls_synced_until) END,
       last_collected_at = excluded.last_collected_at,
       status = excluded.status`,
    {
      name: row.fullName,
      api: row.apiUrl,
      synced: row.syncedUntil ?? null,
      now: row.now,
      status: row.status,
    },
  );
}

/** Everything mined about one pull request. */
export interface MinedPull {
  repository: string;
  pull: PullDetail;
  reviews: PullReview[];
  commits: PullCommit[];
  /** Profiles of logins seen for the first time; null for a login GitHub no longer knows. */
  profiles: Array<{ login: string; profile: UserProfile | null }>;
}

/** Stores one pull request, its reviews, commits and new profiles in one transaction. */
export async function storePull(db: GitHubDatabase, mined: MinedPull): Promise<void> {
  const { repository, pull } = mined;
  await db.transaction(async () => {
    await db.query(
      `INSERT OR REPLACE INTO github_pull_requests VALUES
         ($repository, $number, $author, $state, $title, $base, $created, $updated, $merged,
          $closed, $additions, $deletions, $comments)`,
      {
        repository,
        number: pull.number,
        author: pull.authorLogin,
        state: pull.state,
        title: pull.title,
        base: pull.baseBranch,
        created: pull.createdAt,
        updated: pull.updatedAt,
        merged: pull.mergedAt,
        closed: pull.closedAt,
        additions: pull.additions,
        deletions: pull.deletions,
        comments: pull.reviewComments,
      },
    );
    for (const review of mined.reviews) {
      await db.query(
        `INSERT OR REPLACE INTO github_reviews VALUES ($id, $repository, $number, $login, $state, $submitted)`,
        {
          id: review.id,
          repository,
          number: pull.number,
          login: review.reviewerLogin,
          state: review.state,
          submitted: review.submittedAt,
        },
      );
    }
    // A force-push can drop commits from a pull request: keep exactly the ones listed now, and
    // recount the logins of the commits it had before as well as those it has now.
    const before = await db.query<{ login: string }>(
      `SELECT DISTINCT author_login AS login FROM github_pull_commits
        WHERE repository = $repository AND pull_number = $number AND author_login IS NOT NULL`,
      { repository, number: pull.number },
    );
    await db.query(
      `DELETE FROM github_pull_commits WHERE repository = $repository AND pull_number = $number`,
      { repository, number: pull.number },
    );
    const seen = new Set<string>();
    for (const commit of mined.commits) {
      if (seen.has(commit.sha)) continue;
      seen.add(commit.sha);
      await db.query(
        `INSERT INTO github_pull_commits VALUES ($repository, $number, $sha, $login, $email)`,
        {
          repository,
          number: pull.number,
          sha: commit.sha,
          login: commit.authorLogin,
          email: commit.authorEmail,
        },
      );
    }
    await refreshLoginEmails(db, [
      ...new Set([
        ...before.map((row) => row.login),
        ...mined.commits.flatMap((c) => (c.authorLogin ? [c.authorLogin] : [])),
      ]),
    ]);
    for (const { login, profile } of mined.profiles) {
      await db.query(
        `INSERT INTO github_users VALUES ($login, $name, $company) ON CONFLICT (login) DO NOTHING`,
        { login, name: profile?.name ?? null, company: profile?.company ?? null },
      );
    }
  });
}

/**
 * Recounts github_login_emails for `logins` from github_pull_commits: distinct commits per login
 * and lower-case, trimmed e-mail address.
 */
async function refreshLoginEmails(db: GitHubDatabase, all: string[]): Promise<void> {
  if (all.length === 0) return;
  await db.query(`DELETE FROM github_login_emails WHERE list_contains($logins, login)`, {
    logins: all,
  });
  await db.query(
    `INSERT INTO github_login_emails
       SELECT author_login, lower(trim(author_email)), count(DISTINCT commit_id)::INTEGER
         FROM github_pull_commits
        WHERE list_contains($logins, author_login) AND trim(author_email) <> ''
        GROUP BY ALL`,
    { logins: all },
  );
}
