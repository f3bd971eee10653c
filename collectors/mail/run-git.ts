/** Runs the git CLI for the mail collector, in the git engine's environment, output kept as text. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { environment } from '../git/engine-git-cli.ts';

/** What a git run printed, and its exit code. */
export interface GitRun {
  code: number;
  out: string;
  /** The end of standard error (at most 2,000 characters). */
  err: string;
}

/** Runs `git args` and waits for it; never throws for a non-zero exit (the caller decides). */
export async function runGit(args: readonly string[]): Promise<GitRun> {
  const child = spawn('git', args, {
    env: environment({}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (err = (err + t).slice(-2000)));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code: code ?? 1, out, err };
}
