/**
 * The few kinds of failure Barometer reports. Only the CLI entry maps them to exit codes and prints
 * them as one line; everything else throws a `BarometerError` with structured `data` and a `cause`.
 *
 * - `bad-input`: a file, field or value given by the user is wrong (config, map, flag, date).
 * - `not-found`: a path, repository, branch or named thing does not exist.
 * - `database-in-use`: another process holds the database.
 * - `database`: the database cannot be opened, written, or is not Barometer's.
 * - `source`: a git repository or remote could not be read or reached.
 * - `github`: the GitHub API refused or failed in a way that stops the run.
 */
export type ErrorCode =
  'bad-input' | 'not-found' | 'database-in-use' | 'database' | 'source' | 'github';

/** Where a bad value came from, so the message can say file, line, field and value. */
export interface ErrorData {
  file?: string;
  line?: number;
  field?: string;
  value?: unknown;
  [key: string]: unknown;
}

/** A failure with a literal `code`, structured `data` and an optional `cause`. */
export class BarometerError extends Error {
  readonly code: ErrorCode;
  readonly data: ErrorData;

  constructor(
    code: ErrorCode,
    message: string,
    data: ErrorData = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BarometerError';
    this.code = code;
    this.data = data;
  }
}

/** True when `error` is a `BarometerError`, optionally of the given code. */
export function isBarometerError(error: unknown, code?: ErrorCode): error is BarometerError {
  return error instanceof BarometerError && (code === undefined || error.code === code);
}
