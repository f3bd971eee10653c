/**
 * Side effects are passed in, never reached for: the logger and the clock. File systems, HTTP and
 * the database connection are passed the same way by the modules that need them.
 */

/** Where progress and notes go. The CLI writes `info` to stdout and `warn` to stderr. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Detail shown only under `--verbose`. */
  debug(message: string): void;
}

/** "Now", injected so tests and reports are reproducible. */
export type Clock = () => Date;

/** A logger that drops everything (tests, library use). */
export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };

/** The real clock. */
export const systemClock: Clock = () => new Date();
