/**
 * One measurement, run in its own process so its peak memory (`process.resourceUsage().maxRSS`) is
 * its own: `node --import ./src/cli/register.js bench/measure-child.ts '<task as JSON>'`.
 *
 * Prints `progress <json>` lines while it runs (so a run stopped by a time limit still tells how far
 * it got) and one `result <json>` line at the end; see {@link ChildReport}.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { collectRepository } from '../collectors/git/collect-repository.ts';
import type { CommitSource } from '../collectors/git/commit-source.ts';
import { createGitCliSource } from '../collectors/git/engine-git-cli.ts';
import { createIsomorphicGitSource } from '../collectors/git/engine-isomorphic-git.ts';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { silentLogger, systemClock } from '../src/lib/effects.ts';
import { runCodeSizeTask, type CodeSizeTask } from './code-size-tasks.ts';
import { runJobsTask, type JobsTask } from './jobs-tasks.ts';

/** What to measure. */
export type Task =
  | {
      /** `git log` of all metadata (and messages), or with `--numstat`: the baseline. */
      kind: 'git-log';
      gitdir: string;
      head: string;
      numstat: boolean;
      /** `git rev-list` of the same commits instead (the list a split history starts from). */
      revList?: boolean;
      /** Commits reachable from head (reported back; git's output is not read). */
      commits: number;
    }
  | {
      /** An engine's walk alone, nothing stored. */
      kind: 'engine';
      engine: CommitSource['engine'];
      gitdir: string;
      head: string;
      withFiles: boolean;
    }
  | {
      /** The real pipeline (`collectRepository`) into a DuckDB file. */
      kind: 'collect';
      engine: CommitSource['engine'];
      source: string;
      db: string;
      withFiles: boolean;
    }
  /** Code size (bench/code-size-tasks.ts): `commits` counts distinct blobs read. */
  | CodeSizeTask
  /** Parallel mining (bench/jobs-tasks.ts). */
  | JobsTask;

/** What a child reports (also in its progress lines, with the figures so far). */
export interface ChildReport {
  /** Commits walked or stored (for `git-log`: commits in the history walked). */
  commits: number;
  /** Seconds of the measured work, without Node's start-up. */
  seconds: number;
  /** Bytes read (code-size tasks). */
  bytes?: number;
  /** The child's peak resident memory, in kilobytes. */
  maxRssKb: number;
  /** For `git-log`: the git process's peak resident memory, in kilobytes, when it could be read. */
  gitMaxRssKb?: number;
  /**
   * CPU seconds of the measured work (this process and the git processes it waited for), which a
   * busy machine inflates far less than wall time. Absent where /proc is not available.
   */
  cpuSeconds?: number;
  /** Parallel mining: CPU seconds of the collecting process alone, without its children. */
  mainCpuSeconds?: number;
  /** Parallel mining: the largest peak resident memory of a worker process, in kilobytes. */
  workerMaxRssKb?: number;
}

/** CPU seconds used so far by this process and its finished children (Linux /proc; else NaN). */
function cpuNow(): number {
  const usage = process.resourceUsage();
  let children = Number.NaN;
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of proc(5): cutime and cstime, in clock ticks (100 a second on Linux).
    children = (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    // No /proc: CPU time is left out.
  }
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6 + children;
}

/** Measures `work`'s wall and CPU time. */
async function timed(
  work: () => Promise<Omit<ChildReport, 'seconds' | 'cpuSeconds'>>,
): Promise<ChildReport> {
  const cpu = cpuNow();
  const start = performance.now();
  const report = await work();
  const seconds = (performance.now() - start) / 1000;
  const cpuSeconds = cpuNow() - cpu;
  return { ...report, seconds, ...(Number.isNaN(cpuSeconds) ? {} : { cpuSeconds }) };
}

function emit(kind: 'progress' | 'result', report: ChildReport): void {
  process.stdout.write(`${kind} ${JSON.stringify(report)}\n`);
}

function source(engine: CommitSource['engine']): CommitSource {
  return engine === 'git-cli' ? createGitCliSource() : createIsomorphicGitSource({ fs });
}

/** The git process's peak memory, read from /proc while it runs (Linux only; else undefined). */
function peakOf(pid: number | undefined): () => number | undefined {
  let peak: number | undefined;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) peak = Math.max(peak ?? 0, Number(match[1]));
    } catch {
      // The process has exited, or there is no /proc.
    }
  };
  const timer = setInterval(read, 50);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

function gitLog(task: Extract<Task, { kind: 'git-log' }>): Promise<ChildReport> {
  const args = task.revList
    ? ['--git-dir', task.gitdir, 'rev-list', task.head]
    : [
        '--git-dir',
        task.gitdir,
        'log',
        '--date=raw',
        '--format=%H%n%P%n%an%n%ae%n%ad%n%cn%n%ce%n%cd%n%B',
        ...(task.numstat ? ['--numstat'] : []),
        task.head,
      ];
  return timed(async () => {
    // Straight to /dev/null, as `time git log > /dev/null` measures it: the strictest baseline.
    const child = spawn('git', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    const peak = peakOf(child.pid);
    const [code] = await once(child, 'close');
    const gitMaxRssKb = peak();
    if (code !== 0) throw new Error(`git log exited with ${String(code)}`);
    return { commits: task.commits, maxRssKb: process.resourceUsage().maxRSS, gitMaxRssKb };
  });
}

function engineWalk(task: Extract<Task, { kind: 'engine' }>): Promise<ChildReport> {
  const start = performance.now();
  return timed(async () => {
    let commits = 0;
    for await (const commit of source(task.engine).walk({
      gitdir: task.gitdir,
      head: task.head,
      exclude: [],
      isKnown: () => false,
      withFiles: task.withFiles,
    })) {
      void commit;
      if (++commits % 5000 === 0) {
        const seconds = (performance.now() - start) / 1000;
        emit('progress', { commits, seconds, maxRssKb: process.resourceUsage().maxRSS });
      }
    }
    return { commits, maxRssKb: process.resourceUsage().maxRSS };
  });
}

async function collect(task: Extract<Task, { kind: 'collect' }>): Promise<ChildReport> {
  const start = performance.now();
  // Opening and closing count: closing writes what DuckDB has not yet checkpointed.
  return await timed(async () => {
    const db = await openNodeDatabase(task.db);
    try {
      const result = await collectRepository({
        db,
        repository: { name: 'bench', source: task.source },
        source: source(task.engine),
        withFiles: task.withFiles,
        fs,
        logger: silentLogger,
        clock: systemClock,
        onProgress: (progress) => {
          const seconds = (performance.now() - start) / 1000;
          const maxRssKb = process.resourceUsage().maxRSS;
          emit('progress', { commits: progress.commitsDone, seconds, maxRssKb });
        },
      });
      return { commits: result.commitsAdded, maxRssKb: process.resourceUsage().maxRSS };
    } finally {
      // Inside the timed work: the close is measured.
      await db.close();
    }
  });
}

const task = JSON.parse(process.argv[2] ?? '{}') as Task;
const run =
  task.kind === 'git-log'
    ? gitLog
    : task.kind === 'engine'
      ? engineWalk
      : task.kind === 'collect'
        ? collect
        : task.kind === 'collect-jobs' || task.kind === 'command'
          ? (jobsTask: JobsTask) => timed(() => runJobsTask(jobsTask))
          : (codeSizeTask: CodeSizeTask) => timed(() => runCodeSizeTask(codeSizeTask));
try {
  emit('result', await run(task as never));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
