/**
 * JSON in the shapes GitHub's REST API gives (the recorded field sets, URLs trimmed), built from the
 * fake server's state.
 */
import type { FakeCommit, FakePull, FakeRepository, FakeReview, FakeState } from './fake-github.ts';

const userJson = (login: string, id: number) => ({
  login,
  id,
  node_id: `MDQ6VXNlcj${id}`,
  avatar_url: `https://avatars.example/u/${id}?v=4`,
  gravatar_id: '',
  type: login.endsWith('[bot]') ? 'Bot' : 'User',
  user_view_type: 'public',
  site_admin: false,
});

function repositoryJson(fullName: string, id: number) {
  const [owner = '', name = ''] = fullName.split('/');
  return {
    id,
    node_id: `R_kgDO${id}`,
    name,
    full_name: fullName,
    private: false,
    owner: userJson(owner, id + 1000),
    description: `The ${name} repository`,
    fork: false,
    created_at: '2015-05-01T10:00:00Z',
    updated_at: '2025-12-01T10:00:00Z',
    pushed_at: '2025-12-01T10:00:00Z',
    archived: false,
    disabled: false,
    visibility: 'public',
    default_branch: 'main',
    open_issues_count: 3,
    permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
  };
}

/** Builds each answer's JSON; user ids are stable per login. */
export class GitHubShapes {
  private readonly userIds = new Map<string, number>();

  constructor(
    private readonly state: FakeState,
    private readonly base: () => string,
  ) {}

  private idOf(login: string): number {
    if (!this.userIds.has(login)) {
      this.userIds.set(login, this.state.users[login]?.id ?? 9000 + this.userIds.size);
    }
    return this.userIds.get(login)!;
  }

  /** A user object as nested in other answers, or null for a deleted account. */
  user(login: string | null) {
    return login === null ? null : userJson(login, this.idOf(login));
  }

  /** A repository as listed and as `GET /repos/{owner}/{repo}` gives it. */
  repository(fullName: string, id: number) {
    return repositoryJson(fullName, id);
  }

  /** A pull request as the list endpoint gives it. */
  pull(repository: FakeRepository, pull: FakePull) {
    const head = pull.commits.at(-1)?.sha ?? '0'.repeat(40);
    return {
      url: `${this.base()}/repos/${repository.full_name}/pulls/${pull.number}`,
      id: 100000 + pull.number,
      node_id: `PR_kwDO${pull.number}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.user(pull.user),
      body: 'Fixes a thing.\r\n\r\nSigned-off-by: someone',
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: pull.created_at,
      updated_at: pull.updated_at,
      closed_at: pull.closed_at,
      merged_at: pull.merged_at,
      merge_commit_sha: pull.merged_at ? 'f'.repeat(40) : null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: {
        label: `${pull.user ?? 'ghost'}:topic`,
        ref: 'topic',
        sha: head,
        user: this.user(pull.user),
      },
      base: {
        label: `${repository.full_name.split('/')[0]}:${pull.base}`,
        ref: pull.base,
        sha: 'e'.repeat(40),
        repo: repositoryJson(repository.full_name, 1),
      },
      author_association: 'CONTRIBUTOR',
      auto_merge: null,
      draft: false,
    };
  }

  /** A pull request as the single-PR endpoint gives it. */
  detail(repository: FakeRepository, pull: FakePull) {
    return {
      ...this.pull(repository, pull),
      merged: pull.merged_at !== null,
      mergeable: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      merged_by: null,
      comments: 2,
      review_comments: pull.review_comments,
      maintainer_can_modify: false,
      commits: pull.commits.length,
      additions: pull.additions,
      deletions: pull.deletions,
      changed_files: 3,
      ...pull.detail,
    };
  }

  /** A review. */
  review(repository: FakeRepository, pull: FakePull, review: FakeReview) {
    return {
      id: review.id,
      node_id: `PRR_kwDO${review.id}`,
      user: this.user(review.user),
      body: review.state === 'APPROVED' ? 'Looks good to me.' : 'A few notes.',
      state: review.state,
      html_url: `https://github.example/${repository.full_name}/pull/${pull.number}#pullrequestreview-${review.id}`,
      pull_request_url: `${this.base()}/repos/${repository.full_name}/pulls/${pull.number}`,
      author_association: 'MEMBER',
      _links: {},
      ...(review.submitted_at ? { submitted_at: review.submitted_at } : {}),
      commit_id: pull.commits.at(-1)?.sha ?? null,
    };
  }

  /** A commit as the pull request's commits endpoint gives it. */
  commit(commit: FakeCommit) {
    return {
      sha: commit.sha,
      node_id: `C_kwDO${commit.sha.slice(0, 8)}`,
      commit: {
        author: { name: commit.name, email: commit.email, date: commit.date },
        committer: { name: 'GitHub', email: 'noreply@github.example', date: commit.date },
        message: 'Change things\n\nSigned-off-by: someone',
        tree: { sha: 'd'.repeat(40) },
        comment_count: 0,
        verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
      },
      author: this.user(commit.login),
      committer: null,
      parents: [{ sha: 'c'.repeat(40) }],
    };
  }

  /** A user's profile. */
  profile(login: string) {
    const u = this.state.users[login]!;
    return {
      ...userJson(login, u.id),
      name: u.name,
      company: u.company,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 4,
      followers: 10,
      following: 0,
      created_at: '2012-02-03T04:05:06Z',
      updated_at: '2025-01-02T03:04:05Z',
    };
  }
}
