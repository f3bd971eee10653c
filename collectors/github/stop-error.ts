/**
 * The one error a GitHub failure that stops the run becomes. The original (an Octokit error, with
 * request options) travels as `cause` only until the collector scrubs it.
 */
import { BarometerError, isBarometerError } from '../../src/lib/errors.ts';
import { httpStatus } from './github-api.ts';

function endpointOf(error: unknown, apiUrl: string): string {
  const request = (error as { request?: { method?: unknown; url?: unknown } } | null)?.request;
  if (!request || typeof request.url !== 'string') return 'the GitHub API';
  const url = request.url.startsWith(apiUrl) ? request.url.slice(apiUrl.length) : request.url;
  return `${String(request.method ?? 'GET')} ${url}`;
}

/**
 * Turns a failure that stops a GitHub run into one `github` error naming the endpoint (`GET /path`,
 * the API base URL left out): a refused token (401) says how to fix it; other HTTP failures and
 * unreachable servers say what happened. `BarometerError`s and non-HTTP errors pass unchanged.
 */
export function stopError(error: unknown, apiUrl: string): unknown {
  if (isBarometerError(error)) return error;
  const status = httpStatus(error);
  if (status === undefined) return error;
  const endpoint = endpointOf(error, apiUrl);
  const reason = error instanceof Error ? error.message.split('\n')[0] : '';
  if (status === 401) {
    return new BarometerError(
      'github',
      `GitHub refused the token at ${endpoint} (401: ${reason}); it may have expired or been ` +
        'revoked: make a new one and set GITHUB_TOKEN to it',
      { endpoint, status },
      { cause: error },
    );
  }
  const response = (error as { response?: unknown }).response;
  return new BarometerError(
    'github',
    response
      ? `GitHub API ${endpoint} failed with HTTP ${status}: ${reason}`
      : `GitHub API ${endpoint} could not be reached: ${reason}`,
    { endpoint, status },
    { cause: error },
  );
}
