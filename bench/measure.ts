/**
 * Runs one {@link Task} in a child process (bench/measure-child.ts) and returns its figures, or, when
 * it outlives the time limit, the figures of its last progress line, marked as stopped.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ChildReport, Task } from './measure-child.ts';

/** A finished (or stopped) measurement. */
export interface Measurement extends ChildReport {
  /** True when the time limit stopped it: the figures are those of the part it did. */
  stopped: boolean;
  /** Seconds from starting the child process to its exit (Node start-up and module loading included). */
  processSeconds: number;
  /** The progress reports, in order (collect: one per stored batch; engine: every 5,000 commits). */
  progress: ChildReport[];
}

const REGISTER = fileURLToPath(new URL('../src/cli/register.js', import.meta.url));
const BAROMETER = fileURLToPath(new URL('../src/cli/barometer.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./measure-child.ts', import.meta.url));

/** Runs `task` in a fresh Node process; `limitSeconds` stops it (default: no limit). */
export async function measure(task: Task, limitSeconds = Infinity): Promise<Measurement> {
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', REGISTER, CHILD, JSON.stringify(task)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const progress: ChildReport[] = [];
  let result: ChildReport | null = null;
  let stderr = '';
  let carry = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    for (const line of lines) {
      const space = line.indexOf(' ');
      const kind = line.slice(0, space);
      if (kind !== 'progress' && kind !== 'result') continue;
      const report = JSON.parse(line.slice(space + 1)) as ChildReport;
      if (kind === 'result') result = report;
      else progress.push(report);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  let stopped = false;
  const timer =
    limitSeconds === Infinity
      ? null
      : setTimeout(() => {
          stopped = true;
          child.kill('SIGTERM');
        }, limitSeconds * 1000);
  const [code] = (await once(child, 'close')) as [number | null];
  if (timer) clearTimeout(timer);
  const processSeconds = (performance.now() - start) / 1000;
  const last = progress.at(-1);
  if (result) return { ...(result as ChildReport), stopped: false, processSeconds, progress };
  if (stopped && last) return { ...last, stopped: true, processSeconds, progress };
  throw new Error(
    `${task.kind} measurement failed (exit ${String(code)}${stopped ? ', time limit' : ''}): ${stderr.trim()}`,
  );
}

/**
 * Runs the real `barometer` command with `args` in a fresh Node process, as a user would, and
 * returns its wall time in seconds (Node start-up included); throws when it exits non-zero.
 */
export async function timeCommand(args: string[]): Promise<number> {
  const start = performance.now();
  const child = spawn(process.execPath, [BAROMETER, ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  const [code] = (await once(child, 'close')) as [number | null];
  if (code !== 0) {
    throw new Error(`barometer ${args.join(' ')} failed (exit ${String(code)}): ${stderr.trim()}`);
  }
  return (performance.now() - start) / 1000;
}
