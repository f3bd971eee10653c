/** Runs the `barometer` CLI in-process, as a user would, and keeps what it printed. */
import { main, type MainOptions } from '../../src/cli/main.ts';
import { capture } from './capture.ts';

/** An in-process run's exit code and everything it wrote. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `barometer <args>` through `main` with captured stdout and stderr; `terminal` (see
 * {@link capture}) applies to both. Default: no terminal.
 */
export async function runCli(
  args: string[],
  options: Omit<MainOptions, 'stdout' | 'stderr'> = {},
  terminal: { isTTY?: boolean; columns?: number } = {},
): Promise<CliRun> {
  const stdout = capture(terminal);
  const stderr = capture(terminal);
  const code = await main(args, { ...options, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
