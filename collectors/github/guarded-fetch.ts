/**
 * The `fetch` every GitHub request goes through: it sends nothing to another origin than the API's
 * (a `Link` to another host would carry the token there), and it never waits or reads without
 * bound. A server that answers nothing, trickles its body or sends more than a page can hold fails
 * the request instead of holding the run (and its database) for hours.
 */
import { BarometerError } from '../../src/lib/errors.ts';

/** Bounds of one request; defaults in {@link DEFAULT_FETCH_LIMITS}. */
export interface FetchLimits {
  /** Seconds without a byte (before the answer starts, or between two parts of its body). */
  idleSeconds: number;
  /** Seconds the whole answer may take, body included. */
  totalSeconds: number;
  /** Bytes a response body may hold. */
  maxBodyBytes: number;
}

/** 30 s without a byte, 5 min for a whole answer, 64 MiB a body (a page of 100 pull requests is ~1 MB). */
export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  idleSeconds: 30,
  totalSeconds: 300,
  maxBodyBytes: 64 * 1024 * 1024,
};

/** Statuses whose response has no body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A request that took too long: retried like a network error. */
class SlowAnswer extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SlowAnswer';
  }
}

function endpoint(url: URL, apiUrl: string): string {
  const text = url.toString();
  return text.startsWith(apiUrl) ? text.slice(apiUrl.length) : text;
}

/**
 * Wraps `fetchImpl` for the API at `apiUrl`: requests to another origin throw `github` at once;
 * a request that gets no byte for `idleSeconds`, or not its whole answer in `totalSeconds`,
 * fails like a dropped connection (and is retried as one); a body over `maxBodyBytes` throws
 * `github`. The body is read here, so the response returned holds it in memory.
 */
export function guardedFetch(
  fetchImpl: typeof fetch,
  apiUrl: string,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): typeof fetch {
  const origin = new URL(apiUrl).origin;
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== origin) {
      throw new BarometerError(
        'github',
        `GitHub API answered with a link to ${url.origin}, another server than ${origin}; ` +
          'Barometer sends the token only to the API it was given, so it stops here',
        { url: url.origin },
      );
    }
    const controller = new AbortController();
    const signal = init?.signal
      ? AbortSignal.any([init.signal, controller.signal])
      : controller.signal;
    const what = `GET ${endpoint(url, apiUrl)}`;
    const fail = (message: string) => controller.abort(new SlowAnswer(message));
    const total = setTimeout(
      () => fail(`no whole answer within ${limits.totalSeconds} s`),
      limits.totalSeconds * 1000,
    );
    let idle = setTimeout(
      () => fail(`no answer for ${limits.idleSeconds} s`),
      limits.idleSeconds * 1000,
    );
    const stillAlive = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => fail(`no data for ${limits.idleSeconds} s`),
        limits.idleSeconds * 1000,
      );
    };
    const tooBig = () =>
      new BarometerError(
        'github',
        `GitHub API ${what} answered with more than ${Math.round(limits.maxBodyBytes / 1048576)} MB, ` +
          'more than a page can hold; Barometer stops rather than fill the memory',
        { endpoint: what, limit: limits.maxBodyBytes },
      );
    try {
      const response = await fetchImpl(input, { ...init, signal });
      stillAlive();
      if (Number(response.headers.get('content-length') ?? 0) > limits.maxBodyBytes) {
        await response.body?.cancel().catch(() => {});
        throw tooBig();
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      // The abort makes a pending read reject with the reason; reading stops there.
      for (;;) {
        if (!reader) break;
        const { done, value } = await reader.read();
        if (done) break;
        stillAlive();
        size += value.byteLength;
        if (size > limits.maxBodyBytes) {
          await reader.cancel().catch(() => {});
          throw tooBig();
        }
        chunks.push(value);
      }
      const body = NULL_BODY.has(response.status) ? null : Buffer.concat(chunks);
      const copy = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      // Octokit reads the URL of the page it got (pagination, messages).
      Object.defineProperty(copy, 'url', { value: response.url || url.toString() });
      return copy;
    } catch (error) {
      // An abort surfaces as the reason given, or as an AbortError wrapping it.
      if (signal.aborted && signal.reason instanceof SlowAnswer) throw signal.reason;
      throw error;
    } finally {
      clearTimeout(total);
      clearTimeout(idle);
    }
  };
}
