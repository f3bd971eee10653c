/**
 * Runs the real `barometer collect` in a child process and kills it (SIGKILL, as a power cut or
 * the OOM killer would) as soon as its `--verbose` output says a batch or part was stored.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `barometer collect ARGS --verbose`, killed once stderr matches `stored` (default: the first
 * `N commits stored` line); resolves with the signal or exit code it ended with.
 */
export function collectUntilKilled(
  args: string[],
  stored: RegExp = / commits stored/,
): Promise<NodeJS.Signals | number | null> {
  const child = spawn(process.execPath, ['src/cli/barometer.js', 'collect', ...args, '--verbose'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (stored.test(stderr)) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
}
