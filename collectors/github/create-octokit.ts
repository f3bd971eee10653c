/**
 * The one Octokit Barometer uses: token auth, the API base URL from the config or the environment,
 * and the rate-limit and retry behaviour of {@link decide}, with every wait reported.
 */
import { Octokit } from '@octokit/rest';
import type { Clock, Logger } from '../../src/lib/effects.ts';
import { BarometerError, isBarometerError } from '../../src/lib/errors.ts';
import { DEFAULT_FETCH_LIMITS, guardedFetch, type FetchLimits } from './guarded-fetch.ts';
import {
  decide,
  describeWait,
  realSleep,
  reportWait,
  type FailedRequest,
  type RequestPolicyOptions,
  type Sleep,
} from './request-policy.ts';
import { scrubSecret } from './scrub-secret.ts';
import { isHttpUrl } from '../../src/lib/config/source-url.ts';

/** The public GitHub API, used when neither the config nor `GITHUB_API_URL` names another. */
export const DEFAULT_API_URL = 'https://api.github.com';

/**
 * The API base URL: the config's `github.apiUrl`, else the `GITHUB_API_URL` environment variable
 * (GitHub Actions sets it, also on GitHub Enterprise), else {@link DEFAULT_API_URL}. No trailing `/`.
 * Throws `bad-input` when GITHUB_API_URL is used and is not an http(s) URL, and for a plain http
 * URL of another host than localhost (the token would travel unencrypted).
 */
export function resolveApiUrl(
  configUrl: string | undefined,
  env: Record<string, string | undefined>,
): string {
  const fromEnv = env.GITHUB_API_URL?.trim();
  const url = configUrl || fromEnv || DEFAULT_API_URL;
  if (!configUrl && fromEnv && !isHttpUrl(fromEnv)) {
    throw new BarometerError(
      'bad-input',
      `GITHUB_API_URL must be an http(s) URL such as https://api.github.com, got ${JSON.stringify(fromEnv.slice(0, 60))}`,
      { field: 'GITHUB_API_URL', value: fromEnv.slice(0, 60) },
    );
  }
  const { protocol, hostname } = new URL(url);
  if (protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(hostname)) {
    const field = configUrl ? 'github.apiUrl' : 'GITHUB_API_URL';
    throw new BarometerError(
      'bad-input',
      `${field} ${url} is plain http, which would send the token unencrypted; use https ` +
        '(plain http is accepted only for localhost)',
      { field, value: url },
    );
  }
  return url.replace(/\/+$/, '');
}

/** What {@link createOctokit} needs; every side effect is passed in. */
export interface CreateOctokitOptions extends RequestPolicyOptions {
  /** The token (from GITHUB_TOKEN); sent only as the `authorization` header. */
  token: string;
  /** The API base URL, e.g. from {@link resolveApiUrl}. */
  baseUrl: string;
  /** Waits and notes (already scrubbed by the caller, scrubbed here again). */
  logger: Logger;
  clock: Clock;
  /** Default: a real `setTimeout` sleep. */
  sleep?: Sleep;
  /** Default: the global `fetch`. Every request goes through {@link guardedFetch}. */
  fetch?: typeof fetch;
  /** Bounds of each request. Default: {@link DEFAULT_FETCH_LIMITS}. */
  limits?: FetchLimits;
  /**
   * The longest wait for a rate limit, in milliseconds; a limit that resets later stops the run
   * with a `github` error (what was stored stays, and the next run carries on). Default: 90 min.
   */
  longestWaitMs?: number;
}

/** The longest rate-limit wait by default: GitHub's primary limit resets within the hour. */
export const DEFAULT_LONGEST_WAIT_MS = 90 * 60 * 1000;

/** The Octokit type Barometer uses. */
export type BarometerOctokit = InstanceType<typeof Octokit>;

interface OctokitLikeError {
  status?: unknown;
  message?: unknown;
  response?: { headers?: Record<string, string | number | undefined> };
}

function toFailure(error: unknown): FailedRequest | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as OctokitLikeError;
  if (typeof e.status !== 'number') return undefined;
  return {
    status: e.status,
    headers: e.response?.headers,
    message: typeof e.message === 'string' ? e.message : '',
  };
}

/**
 * Creates the Octokit: token auth, `baseUrl`, Octokit's own logging routed to `logger.debug`, and a
 * request hook that waits out rate limits and retries transient failures ({@link decide}).
 */
export function createOctokit(options: CreateOctokitOptions): BarometerOctokit {
  const { token, logger, clock } = options;
  const sleep = options.sleep ?? realSleep;
  const policy: Required<RequestPolicyOptions> = {
    transientRetries: options.transientRetries ?? 5,
    backoffMs: options.backoffMs ?? 1000,
    rateLimitRetries: options.rateLimitRetries ?? 5,
  };
  const text = (args: unknown[]) => scrubSecret(args.map(String).join(' '), token);
  const log = {
    // Octokit's per-request lines and its own error lines: detail for --verbose only; the
    // collector reports failures itself.
    // Octokit's debug line is the bare word "request" with the options object: nothing to show.
    debug: () => {},
    info: (...args: unknown[]) => logger.debug(text(args)),
    warn: (...args: unknown[]) => logger.warn(text(args)),
    error: (...args: unknown[]) => logger.debug(text(args)),
  };
  const octokit = new Octokit({
    auth: token,
    baseUrl: options.baseUrl,
    userAgent: 'barometer',
    log,
    request: {
      fetch: guardedFetch(
        options.fetch ?? globalThis.fetch,
        options.baseUrl,
        options.limits ?? DEFAULT_FETCH_LIMITS,
      ),
      log,
    },
  });
  const longestWaitMs = options.longestWaitMs ?? DEFAULT_LONGEST_WAIT_MS;

  octokit.hook.wrap('request', async (request, requestOptions) => {
    const parsed = octokit.request.endpoint.parse(requestOptions);
    const endpoint = `${parsed.method} ${parsed.url.replace(options.baseUrl, '')}`;
    const counts = { rateLimitWaits: 0, transientRetries: 0 };
    for (;;) {
      try {
        return await request(requestOptions);
      } catch (error) {
        // guardedFetch's refusals (another host, a body too big) are final, not network trouble.
        const cause = (error as { cause?: unknown } | null)?.cause;
        if (isBarometerError(cause)) throw cause;
        const failure = toFailure(error);
        if (!failure) throw error;
        const decision = decide(failure, counts, clock(), policy);
        if (!decision.retry) throw error;
        if (decision.kind !== 'transient' && decision.waitMs > longestWaitMs) {
          const until = new Date(clock().getTime() + decision.waitMs);
          throw new BarometerError(
            'github',
            `GitHub's rate limit at ${endpoint} lifts at ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
              `in ${describeWait(decision.waitMs)}: longer than the longest wait ` +
              `(${describeWait(longestWaitMs)}, github.longestWaitMinutes); what was collected is kept, ` +
              'and collect carries on from there when run again after that time',
            { endpoint, waitMs: decision.waitMs },
          );
        }
        if (decision.kind === 'transient') counts.transientRetries++;
        else counts.rateLimitWaits++;
        reportWait(
          { ...logger, info: (m) => logger.info(scrubSecret(m, token)) },
          endpoint,
          decision,
          failure.headers ? failure.status : 0,
        );
        await sleep(decision.waitMs);
      }
    }
  });
  return octokit;
}
