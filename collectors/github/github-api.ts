/**
 * The GitHub endpoints the collector reads, and the one place their JSON enters Barometer: every
 * field that is stored is checked here ({@link JsonAt}); everything else in a response is ignored.
 */
import { BarometerError } from '../../src/lib/errors.ts';
import type { BarometerOctokit } from './create-octokit.ts';
import { JsonAt } from './github-json.ts';
import { isRateLimit } from './request-policy.ts';

/** A repository as listed. */
export interface GitHubRepository {
  /** `owner/name` as GitHub spells it. */
  fullName: string;
}

/** A pull request as the list endpoint gives it. */
export interface PullSummary {
  number: number;
  authorLogin: string | null;
  state: 'open' | 'closed';
  title: string;
  baseBranch: string;
  createdAt: Date;
  updatedAt: Date;
  mergedAt: Date | null;
  closedAt: Date | null;
}

/** A pull request with the counts only the single-PR endpoint gives. */
export interface PullDetail extends PullSummary {
  additions: number;
  deletions: number;
  reviewComments: number;
}

/** Review states GitHub reports. */
export const REVIEW_STATES = [
  'APPROVED',
  'COMMENTED',
  'CHANGES_REQUESTED',
  'DISMISSED',
  'PENDING',
] as const;

/** One review of a pull request. */
export interface PullReview {
  id: bigint;
  reviewerLogin: string | null;
  state: (typeof REVIEW_STATES)[number];
  /** Null for a pending review. */
  submittedAt: Date | null;
}

/** One commit of a pull request: its id, the GitHub login of its author and the author e-mail. */
export interface PullCommit {
  sha: string;
  /** Null when the e-mail belongs to no GitHub account. */
  authorLogin: string | null;
  authorEmail: string;
}

/** Profile fields of a user; hints only. */
export interface UserProfile {
  login: string;
  name: string | null;
  company: string | null;
}

/** The HTTP status of an Octokit error, or undefined for anything else. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * `not-found` (404, 410) or `forbidden` (403 that is not a rate limit, 451) when `error` says a
 * repository or organisation is gone or private; undefined for any other failure.
 */
export function refusal(error: unknown): 'not-found' | 'forbidden' | undefined {
  const status = httpStatus(error);
  if (status === 404 || status === 410) return 'not-found';
  if (status === 451) return 'forbidden';
  if (status === 403) {
    const e = error as {
      message?: string;
      response?: { headers?: Record<string, string | number | undefined> };
    };
    const limited = isRateLimit({
      status,
      headers: e.response?.headers,
      message: e.message ?? '',
    });
    return limited ? undefined : 'forbidden';
  }
  return undefined;
}

/** Reads the GitHub REST API through one Octokit. */
export class GitHubApi {
  /** Requests sent (pages count one each), for the summary line. */
  requests = 0;

  /**
   * `scrub` cleans every string read from a response before it is used (the token's scrubber);
   * default: none.
   */
  constructor(
    private readonly octokit: BarometerOctokit,
    private readonly baseUrl: string,
    private readonly scrub: (text: string) => string = (text) => text,
  ) {}

  private label(method: string, url: string): string {
    return `${method} ${url.startsWith(this.baseUrl) ? url.slice(this.baseUrl.length) : url}`;
  }

  private async get(route: string, params: Record<string, string | number>): Promise<JsonAt> {
    this.requests++;
    const response = await this.octokit.request(`GET ${route}`, params);
    return new JsonAt(response.data as unknown, this.label('GET', response.url), '', this.scrub);
  }

  /**
   * Each page of a list endpoint, following `Link: rel="next"`; stop early by breaking out. A link
   * back to a page already read throws `github` (a server in a loop would never end the walk).
   */
  private async *pages(
    route: string,
    params: Record<string, string | number>,
  ): AsyncGenerator<JsonAt[]> {
    const iterable = this.octokit.paginate.iterator(`GET ${route}`, { ...params, per_page: 100 });
    const iterator = iterable[Symbol.asyncIterator]();
    const seen = new Set<string>();
    for (;;) {
      this.requests++;
      const next = await iterator.next();
      if (next.done) {
        this.requests--;
        return;
      }
      const label = this.label('GET', next.value.url);
      if (seen.has(next.value.url)) {
        throw new BarometerError(
          'github',
          `GitHub API ${label}: the next-page link leads back to a page already read; ` +
            'the server is in a loop, so Barometer stops here',
          { endpoint: label },
        );
      }
      seen.add(next.value.url);
      yield new JsonAt(next.value.data as unknown, label, '', this.scrub).items();
    }
  }

  private static repository(json: JsonAt): GitHubRepository {
    const fullName = json.field('full_name').name();
    if (!/^[^/\s]+\/[^/\s]+$/.test(fullName)) json.field('full_name').fail('"owner/name"');
    return { fullName };
  }

  /** The repositories of an organisation (or, when no organisation has that name, of a user). */
  async *organisationRepositories(org: string): AsyncGenerator<GitHubRepository> {
    let pages = this.pages('/orgs/{org}/repos', { org, type: 'all' });
    try {
      const first = await pages.next();
      if (!first.done) yield* first.value.map(GitHubApi.repository);
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
      pages = this.pages('/users/{username}/repos', { username: org, type: 'owner' });
    }
    for await (const page of pages) yield* page.map(GitHubApi.repository);
  }

  /** One repository by `owner/name`. */
  async repository(owner: string, repo: string): Promise<GitHubRepository> {
    return GitHubApi.repository(await this.get('/repos/{owner}/{repo}', { owner, repo }));
  }

  private static pullSummary(json: JsonAt): PullSummary {
    return {
      number: json.field('number').count(),
      authorLogin: json.field('user').userLogin(),
      state: json.field('state').oneOf(['open', 'closed'] as const),
      title: json.field('title').string(),
      baseBranch: json.field('base').field('ref').name(),
      createdAt: json.field('created_at').dateTime(),
      updatedAt: json.field('updated_at').dateTime(),
      mergedAt: json.field('merged_at').optionalDateTime(),
      closedAt: json.field('closed_at').optionalDateTime(),
    };
  }

  /** Pull requests, most recently updated first, a page at a time. */
  async *pullRequestPages(owner: string, repo: string): AsyncGenerator<PullSummary[]> {
    const params = { owner, repo, state: 'all', sort: 'updated', direction: 'desc' };
    for await (const page of this.pages('/repos/{owner}/{repo}/pulls', params)) {
      yield page.map(GitHubApi.pullSummary);
    }
  }

  /** One pull request with its line and review-comment counts. */
  async pullRequest(owner: string, repo: string, pullNumber: number): Promise<PullDetail> {
    const json = await this.get('/repos/{owner}/{repo}/pulls/{pull_number}', {
      owner,
      repo,
      pull_number: pullNumber,
    });
    return {
      ...GitHubApi.pullSummary(json),
      additions: json.field('additions').count(),
      deletions: json.field('deletions').count(),
      reviewComments: json.field('review_comments').count(),
    };
  }

  /** Every review of a pull request. */
  async reviews(owner: string, repo: string, pullNumber: number): Promise<PullReview[]> {
    const reviews: PullReview[] = [];
    const params = { owner, repo, pull_number: pullNumber };
    for await (const page of this.pages(
      '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
      params,
    )) {
      for (const json of page) {
        const state = json.field('state').oneOf(REVIEW_STATES);
        const submitted = json.field('submitted_at');
        reviews.push({
          id: json.field('id').id(),
          reviewerLogin: json.field('user').userLogin(),
          state,
          submittedAt: state === 'PENDING' ? submitted.optionalDateTime() : submitted.dateTime(),
        });
      }
    }
    return reviews;
  }

  /** The commits of a pull request (GitHub lists at most 250). */
  async commits(owner: string, repo: string, pullNumber: number): Promise<PullCommit[]> {
    const commits: PullCommit[] = [];
    const params = { owner, repo, pull_number: pullNumber };
    for await (const page of this.pages(
      '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
      params,
    )) {
      for (const json of page) {
        const sha = json.field('sha').name();
        if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) json.field('sha').fail('a commit id');
        const author = json.field('commit').field('author');
        commits.push({
          sha,
          authorLogin: json.field('author').userLogin(),
          authorEmail: author.isNull ? '' : author.field('email').string(),
        });
      }
    }
    return commits;
  }

  /** A user's profile, or null when the account no longer exists. */
  async user(login: string): Promise<UserProfile | null> {
    let json: JsonAt;
    try {
      json = await this.get('/users/{username}', { username: login });
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
    return {
      login: json.field('login').name(),
      name: json.field('name').optionalString(),
      company: json.field('company').optionalString(),
    };
  }
}
