/**
 * Keeps the GitHub token out of everything Barometer writes: log lines, error messages, error data.
 */
import { BarometerError, isBarometerError } from '../../src/lib/errors.ts';
import type { Logger } from '../../src/lib/effects.ts';

/** What stands in for the token wherever it would have appeared. */
export const REDACTED = '[token]';

/** The shortest start of the token that is scrubbed too (a message cut short shows only a start). */
export const SECRET_PREFIX = 8;

/**
 * `text` with every occurrence of `secret` (when non-empty), and of any start of it of at least
 * {@link SECRET_PREFIX} characters, replaced by {@link REDACTED}.
 */
export function scrubSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  if (secret.length <= SECRET_PREFIX) return text.split(secret).join(REDACTED);
  const start = secret.slice(0, SECRET_PREFIX);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(start); at >= 0; at = text.indexOf(start, from)) {
    let end = at + SECRET_PREFIX;
    while (end < text.length && end - at < secret.length && text[end] === secret[end - at]) end++;
    out += text.slice(from, at) + REDACTED;
    from = end;
  }
  return out + text.slice(from);
}

/** A logger that scrubs `secret` from every line before passing it on to `logger`. */
export function scrubbingLogger(logger: Logger, secret: string | undefined): Logger {
  return {
    info: (message) => logger.info(scrubSecret(message, secret)),
    warn: (message) => logger.warn(scrubSecret(message, secret)),
    debug: (message) => logger.debug(scrubSecret(message, secret)),
  };
}

function scrubValue(value: unknown, secret: string): unknown {
  if (typeof value === 'string') return scrubSecret(value, secret);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, secret));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, scrubValue(item, secret)]),
    );
  }
  return value;
}

/**
 * Rebuilds `error` as a `BarometerError` that cannot carry the token: message and data scrubbed,
 * and the cause chain replaced by plain errors holding only scrubbed messages (an Octokit error
 * keeps request headers and options, which must not travel up to a `--verbose` stack print).
 * Errors that are not `BarometerError`s become code `github` with `fallback` before their message.
 */
export function scrubError(error: unknown, secret: string | undefined, fallback: string): Error {
  const chain: string[] = [];
  for (let e: unknown = isBarometerError(error) ? error.cause : error; e;) {
    chain.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    e = e instanceof Error ? e.cause : undefined;
    if (chain.length > 5) break;
  }
  let cause: Error | undefined;
  for (const text of chain.reverse()) {
    cause = new Error(scrubSecret(text, secret ?? ''), cause ? { cause } : undefined);
  }
  if (isBarometerError(error)) {
    return new BarometerError(
      error.code,
      scrubSecret(error.message, secret),
      secret ? (scrubValue(error.data, secret) as BarometerError['data']) : error.data,
      cause ? { cause } : undefined,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new BarometerError(
    'github',
    scrubSecret(`${fallback}: ${message.split('\n')[0]}`, secret),
    {},
    cause ? { cause } : undefined,
  );
}
