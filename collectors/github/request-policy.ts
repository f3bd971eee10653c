/**
 * How Barometer treats a failed GitHub request: the same behaviour as Octokit's throttling and retry
 * plugins, with the clock and the sleep passed in so tests never really wait and every wait is shown.
 *
 * - Primary rate limit (403 or 429 with `x-ratelimit-remaining: 0`): wait until `x-ratelimit-reset`.
 * - Secondary rate limit (403 or 429 with `retry-after`, or a "secondary rate limit" message): wait
 *   as long as `retry-after` says (seconds, or an HTTP date), else one minute, doubling on each
 *   repeat.
 * - Transient failures (5xx, or no response at all: a network error): retry with backoff
 *   1 s, 2 s, 4 s, 8 s, 16 s.
 */
import type { Clock, Logger } from '../../src/lib/effects.ts';

/** Sleeps `ms` milliseconds. Injected: tests record the waits instead of waiting. */
export type Sleep = (ms: number) => Promise<void>;

/** The real sleep. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Limits of the policy; the defaults suit api.github.com. */
export interface RequestPolicyOptions {
  /** Retries of a transient failure (5xx, network). Default: 5. */
  transientRetries?: number;
  /** First transient backoff, in milliseconds, doubled each time. Default: 1000. */
  backoffMs?: number;
  /** Waits for a rate limit on one request before giving up. Default: 5. */
  rateLimitRetries?: number;
}

/** What the policy needs to know about a failed request. */
export interface FailedRequest {
  /** HTTP status; 0 or a status without `headers` when no response arrived. */
  status: number;
  /** Response headers (lower-case names); undefined when no response arrived. */
  headers: Record<string, string | number | undefined> | undefined;
  /** The error message (GitHub's `message` field). */
  message: string;
}

/** The decision for one failure: give up, or wait `waitMs` and try again. */
export type Decision =
  | { retry: false }
  | { retry: true; waitMs: number; kind: 'primary' | 'secondary' | 'transient'; until?: Date };

const header = (failure: FailedRequest, name: string): string | undefined => {
  const value = failure.headers?.[name];
  return value === undefined ? undefined : String(value);
};

/** True when `failure` is a rate limit (primary or secondary), not a refusal. */
export function isRateLimit(failure: FailedRequest): boolean {
  if (failure.status !== 403 && failure.status !== 429) return false;
  return (
    header(failure, 'x-ratelimit-remaining') === '0' ||
    header(failure, 'retry-after') !== undefined ||
    /secondary rate limit|abuse detection/i.test(failure.message) ||
    failure.status === 429
  );
}

/**
 * Decides what to do about the `attempt`-th failure (0-based) of a request, counting rate-limit
 * waits and transient retries separately (`rateLimitWaits`, `transientRetries` so far).
 */
export function decide(
  failure: FailedRequest,
  counts: { rateLimitWaits: number; transientRetries: number },
  now: Date,
  options: Required<RequestPolicyOptions>,
): Decision {
  if (isRateLimit(failure)) {
    if (counts.rateLimitWaits >= options.rateLimitRetries) return { retry: false };
    const retryAfter = header(failure, 'retry-after');
    const reset = header(failure, 'x-ratelimit-reset');
    if (header(failure, 'x-ratelimit-remaining') === '0' && retryAfter === undefined && reset) {
      const until = new Date(Number(reset) * 1000);
      if (!Number.isNaN(until.getTime())) {
        // At least a second: the reset may already have passed by our clock (clock skew).
        return {
          retry: true,
          kind: 'primary',
          until,
          waitMs: Math.max(1000, until.getTime() - now.getTime()),
        };
      }
    }
    // retry-after is seconds (GitHub) or, by HTTP, a date.
    const seconds = retryAfter !== undefined ? Number(retryAfter) : Number.NaN;
    const date = retryAfter !== undefined ? Date.parse(retryAfter) : Number.NaN;
    const waitMs =
      Number.isFinite(seconds) && seconds >= 0
        ? seconds * 1000
        : Number.isFinite(date)
          ? Math.max(1000, date - now.getTime())
          : 60_000 * 2 ** counts.rateLimitWaits;
    return { retry: true, kind: 'secondary', waitMs };
  }
  const transient = failure.status >= 500 || failure.headers === undefined;
  if (transient && counts.transientRetries < options.transientRetries) {
    return {
      retry: true,
      kind: 'transient',
      waitMs: options.backoffMs * 2 ** counts.transientRetries,
    };
  }
  return { retry: false };
}

/** "1 h 02 min", "3 min 05 s", "42 s": a wait as a person reads it. */
export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** Tells the user why and how long the collector waits, as one line through `logger.info`. */
export function reportWait(logger: Logger, endpoint: string, decision: Decision, status: number) {
  if (!decision.retry) return;
  const wait = describeWait(decision.waitMs);
  if (decision.kind === 'primary') {
    const until = decision.until?.toISOString().slice(11, 19);
    logger.info(
      `github: rate limit reached at ${endpoint}; waiting ${wait} until ${until} UTC, when it resets`,
    );
  } else if (decision.kind === 'secondary') {
    logger.info(`github: secondary rate limit at ${endpoint}; waiting ${wait} as GitHub asks`);
  } else {
    const what = status > 0 ? `HTTP ${status}` : 'network error';
    logger.info(`github: ${what} at ${endpoint}; trying again in ${wait}`);
  }
}

/** The clock and sleep the policy runs on. */
export interface PolicyEffects {
  clock: Clock;
  sleep: Sleep;
  logger: Logger;
}
