/**
 * Mines pull requests, their reviews and commit authors, and user profiles from GitHub into the
 * github_* tables, incrementally: a later run asks only for pull requests updated since the last
 * one that completed, and a run stopped at any point resumes where it stopped.
 */
import type { GitHubConfig } from '../../src/lib/config/project-config.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import type { Clock, Logger } from '../../src/lib/effects.ts';
import { createOctokit, resolveApiUrl } from './create-octokit.ts';
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from './guarded-fetch.ts';
import { GitHubApi, refusal, type GitHubRepository } from './github-api.ts';
import {
  readRepositoryState,
  recordRepository,
  storePull,
  storedLogins,
  type GitHubDatabase,
  type MinedPull,
  type RepositoryStatus,
} from './github-store.ts';
import type { RequestPolicyOptions, Sleep } from './request-policy.ts';
import { scrubError, scrubSecret, scrubbingLogger } from './scrub-secret.ts';
import { stopError } from './stop-error.ts';

/** What {@link collectGitHub} needs; every side effect is passed in. */
export interface CollectGitHubOptions {
  /** An open Barometer database (the schema is ensured here). */
  db: GitHubDatabase;
  /** The project config's `github` section. */
  config: GitHubConfig;
  /** The token from GITHUB_TOKEN; undefined or empty: nothing is mined, and the user is told why. */
  token: string | undefined;
  /** The environment, for `GITHUB_API_URL`. */
  env: Record<string, string | undefined>;
  /** Progress and waits go to `info`, skipped repositories and the missing token to `warn`. */
  logger: Logger;
  /** "Now", for `last_collected_at` and rate-limit waits. */
  clock: Clock;
  /** Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Default: a real `setTimeout` sleep. Tests record the waits instead. */
  sleep?: Sleep;
  /** Retry and rate-limit limits; defaults in {@link RequestPolicyOptions}. */
  policy?: RequestPolicyOptions;
  /**
   * Bounds of each request, overriding the config's `timeoutSeconds` and `maxResponseMegabytes`
   * (tests use milliseconds' worth). Default: from the config, else {@link DEFAULT_FETCH_LIMITS}.
   */
  limits?: FetchLimits;
}

/** The request bounds a `github` config section sets. */
export function limitsOf(config: GitHubConfig): FetchLimits {
  const idle = config.timeoutSeconds ?? DEFAULT_FETCH_LIMITS.idleSeconds;
  return {
    idleSeconds: idle,
    totalSeconds: config.timeoutSeconds ? idle * 10 : DEFAULT_FETCH_LIMITS.totalSeconds,
    maxBodyBytes: config.maxResponseMegabytes
      ? Math.round(config.maxResponseMegabytes * 1024 * 1024)
      : DEFAULT_FETCH_LIMITS.maxBodyBytes,
  };
}

/** A repository or organisation that was skipped, and why. */
export interface SkippedSource {
  /** `owner/name`, or the organisation name. */
  name: string;
  kind: 'repository' | 'organisation';
  status: Exclude<RepositoryStatus, 'ok'>;
}

/** What a run did. */
export interface GitHubCollectSummary {
  /** False when nothing was asked of GitHub (no token, or no orgs or repos configured). */
  mined: boolean;
  /** The API base URL used; null when nothing was mined. */
  apiUrl: string | null;
  /** Repositories whose pull requests are now all stored. */
  repositories: number;
  skipped: SkippedSource[];
  /** Pull requests stored this run (new or updated since the last run). */
  pullRequests: number;
  /** Reviews stored this run (of those pull requests). */
  reviews: number;
  /** API requests sent (each page counts one; retries not counted). */
  requests: number;
}

/** The message shown when there is no token: how to make one, and that nothing was mined. */
export const NO_TOKEN_MESSAGE =
  'github: GITHUB_TOKEN is not set, so nothing was mined from GitHub. To count pull requests and ' +
  'reviews, make a token on GitHub (Settings → Developer settings → Personal access tokens): a ' +
  'fine-grained token with "Public Repositories (read-only)" access, or a classic token with the ' +
  'public_repo scope (for private repositories: read access to them, or the classic repo scope); ' +
  'then run again with GITHUB_TOKEN set to it.';

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;

/**
 * Mines the configured organisations' repositories and the configured `owner/name` repositories.
 * A repository or organisation that is gone or private is recorded, reported in one line and
 * skipped. Without a token, says how to make one and mines nothing (not an error).
 * Throws `github` (token refused, retries exhausted, a response of an unexpected shape); the token
 * never appears in what it throws or logs.
 */
export async function collectGitHub(options: CollectGitHubOptions): Promise<GitHubCollectSummary> {
  const token = options.token?.trim() || undefined;
  const logger = scrubbingLogger(options.logger, token);
  const summary: GitHubCollectSummary = {
    mined: false,
    apiUrl: null,
    repositories: 0,
    skipped: [],
    pullRequests: 0,
    reviews: 0,
    requests: 0,
  };
  const { config, db, clock } = options;
  if (config.orgs.length === 0 && config.repos.length === 0) return summary;
  if (!token) {
    logger.warn(NO_TOKEN_MESSAGE);
    return summary;
  }
  const apiUrl = resolveApiUrl(config.apiUrl, options.env);
  const api = new GitHubApi(
    createOctokit({
      token,
      baseUrl: apiUrl,
      logger,
      clock,
      ...(options.sleep ? { sleep: options.sleep } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      limits: options.limits ?? limitsOf(config),
      ...(config.longestWaitMinutes ? { longestWaitMs: config.longestWaitMinutes * 60_000 } : {}),
      ...options.policy,
    }),
    apiUrl,
    // No string the API sends is stored with the token in it (a server may echo it).
    (text) => scrubSecret(text, token),
  );
  summary.mined = true;
  summary.apiUrl = apiUrl;
  try {
    await ensureSchema(db);
    const repositories = await listRepositories(api, config, summary, logger, db, apiUrl, clock);
    const logins = await storedLogins(db);
    for (const repository of repositories) {
      try {
        await collectRepository({ api, db, repository, logins, logger, clock, apiUrl, summary });
      } catch (error) {
        const status = refusal(error);
        if (!status) throw error;
        await skipRepository(db, repository.fullName, status, apiUrl, clock, summary, logger);
      }
    }
    logger.info(
      `github: ${plural(summary.repositories, 'repository', 'repositories')}, ` +
        `${plural(summary.pullRequests, 'pull request')} new or updated, ` +
        `${plural(summary.reviews, 'review')} (${plural(api.requests, 'request')})` +
        (summary.skipped.length ? `; ${summary.skipped.length} skipped` : ''),
    );
  } catch (error) {
    throw scrubError(stopError(error, apiUrl), token, 'GitHub collection failed');
  } finally {
    summary.requests = api.requests;
  }
  return summary;
}

async function skipRepository(
  db: GitHubDatabase,
  fullName: string,
  status: Exclude<RepositoryStatus, 'ok'>,
  apiUrl: string,
  clock: Clock,
  summary: GitHubCollectSummary,
  logger: Logger,
): Promise<void> {
  await recordRepository(db, { fullName, apiUrl, status, now: clock() });
  summary.skipped.push({ name: fullName, kind: 'repository', status });
  logger.warn(
    status === 'not-found'
      ? `github: repository ${fullName} was not found (gone, renamed away or private); skipped`
      : `github: repository ${fullName} is not readable with this token (private or blocked); skipped`,
  );
}

/** The organisations' repositories, then the configured ones, each once (names ignore case). */
async function listRepositories(
  api: GitHubApi,
  config: GitHubConfig,
  summary: GitHubCollectSummary,
  logger: Logger,
  db: GitHubDatabase,
  apiUrl: string,
  clock: Clock,
): Promise<GitHubRepository[]> {
  const found = new Map<string, GitHubRepository>();
  const add = (repository: GitHubRepository) => {
    const key = repository.fullName.toLowerCase();
    if (!found.has(key)) found.set(key, repository);
  };
  for (const org of config.orgs) {
    try {
      for await (const repository of api.organisationRepositories(org)) add(repository);
    } catch (error) {
      const status = refusal(error);
      if (!status) throw error;
      summary.skipped.push({ name: org, kind: 'organisation', status });
      logger.warn(
        `github: organisation ${org} ${status === 'not-found' ? 'was not found' : 'is not readable with this token'}; skipped`,
      );
    }
  }
  for (const fullName of config.repos) {
    if (found.has(fullName.toLowerCase())) continue;
    const [owner = '', name = ''] = fullName.split('/');
    try {
      add(await api.repository(owner, name));
    } catch (error) {
      const status = refusal(error);
      if (!status) throw error;
      await skipRepository(db, fullName, status, apiUrl, clock, summary, logger);
    }
  }
  return [...found.values()];
}

interface RepositoryRun {
  api: GitHubApi;
  db: GitHubDatabase;
  repository: GitHubRepository;
  /** Logins whose profile is stored; grows as profiles are fetched. */
  logins: Set<string>;
  logger: Logger;
  clock: Clock;
  apiUrl: string;
  summary: GitHubCollectSummary;
}

/**
 * Walks a repository's pull requests newest update first, down to the stored sync mark, and
 * stores each new or updated one with its reviews, commits and new profiles. The sync mark moves
 * up to the newest update seen only when the walk completes.
 */
async function collectRepository(run: RepositoryRun): Promise<void> {
  const { api, db, repository, logins, logger } = run;
  const { fullName } = repository;
  const [owner = '', repo = ''] = fullName.split('/');
  const state = await readRepositoryState(db, fullName);
  let newest: Date | null = null;
  let stored = 0;
  let reviews = 0;
  walk: for await (const page of api.pullRequestPages(owner, repo)) {
    for (const listed of page) {
      if (state.pullsSyncedUntil && listed.updatedAt < state.pullsSyncedUntil) break walk;
      if (!newest || listed.updatedAt > newest) newest = listed.updatedAt;
      const known = state.storedUpdatedAt.get(listed.number);
      if (known && known.getTime() === listed.updatedAt.getTime()) continue;

      let mined: Awaited<ReturnType<typeof minePull>>;
      try {
        mined = await minePull(api, owner, repo, listed.number);
      } catch (error) {
        if (refusal(error) !== 'not-found') throw error;
        // One pull request gone (GitHub removes spam), or the whole repository: ask which.
        await api.repository(owner, repo);
        logger.warn(`github: ${fullName}#${listed.number} is listed but gone (404); skipped`);
        continue;
      }
      const { pull, pullReviews, commits } = mined;
      const profiles: MinedPull['profiles'] = [];
      const seen = [
        pull.authorLogin,
        ...pullReviews.map((r) => r.reviewerLogin),
        ...commits.map((c) => c.authorLogin),
      ];
      for (const login of new Set(seen)) {
        if (login === null || logins.has(login)) continue;
        profiles.push({ login, profile: await api.user(login) });
      }
      await storePull(db, { repository: fullName, pull, reviews: pullReviews, commits, profiles });
      for (const { login } of profiles) logins.add(login);
      stored++;
      reviews += pullReviews.length;
      run.summary.pullRequests++;
      run.summary.reviews += pullReviews.length;
      if (stored % 100 === 0) logger.info(`github: ${fullName}: ${stored} pull requests so far`);
    }
  }
  await recordRepository(db, {
    fullName,
    apiUrl: run.apiUrl,
    status: 'ok',
    now: run.clock(),
    syncedUntil: newest,
  });
  run.summary.repositories++;
  logger.info(
    `github: ${fullName}: ${plural(stored, 'pull request')} new or updated, ${plural(reviews, 'review')}`,
  );
}

/** The single-PR details, reviews and commits of one pull request. */
async function minePull(api: GitHubApi, owner: string, repo: string, pullNumber: number) {
  const pull = await api.pullRequest(owner, repo, pullNumber);
  const pullReviews = await api.reviews(owner, repo, pullNumber);
  const commits = await api.commits(owner, repo, pullNumber);
  return { pull, pullReviews, commits };
}
