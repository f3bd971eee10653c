import type { Clock, Logger } from '../lib/effects.ts';

/** What a command gets from the entry: its arguments and every side effect it may use. */
export interface CommandContext {
  /** Arguments after the command name (global flags such as --verbose already removed). */
  argv: string[];
  logger: Logger;
  clock: Clock;
  /** The folder the command was started in. */
  cwd: string;
  env: Record<string, string | undefined>;
  /** Where reports and listings go (progress and notes go through `logger`). */
  stdout: { write(text: string): unknown };
  /** Progress output; `isTTY` says whether a live progress bar can be drawn. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
  verbose: boolean;
}

/** One `barometer` sub-command. Returns the exit code (0 when omitted). */
export interface Command {
  /** One line for `barometer --help`. */
  summary: string;
  /** Usage text for `barometer <command> --help`. */
  usage: string;
  run(context: CommandContext): Promise<number | void>;
}
