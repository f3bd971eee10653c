/**
 * The parallel mining bench's measurements (bench/jobs.ts), run by bench/measure-child.ts in a
 * process of their own: the pipeline with a pool of `jobs` worker processes, and the whole
 * `barometer` command as a user runs it.
 */
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectRepository } from '../collectors/git/collect-repository.ts';
import type { CommitSource } from '../collectors/git/commit-source.ts';
import { MiningPool } from '../collectors/git/mining-pool.ts';
import { main } from '../src/cli/main.ts';
import { openNodeDatabase } from '../src/lib/db/node.ts';
import { silentLogger, systemClock } from '../src/lib/effects.ts';

const REGISTER = fileURLToPath(new URL('../src/cli/register.js', import.meta.url));

/** A measurement of parallel mining. */
export type JobsTask =
  | {
      /** `collectRepository` into a fresh DuckDB file, with `jobs` worker processes (1: none). */
      kind: 'collect-jobs';
      engine: CommitSource['engine'];
      source: string;
      db: string;
      jobs: number;
    }
  | {
      /**
       * The whole `barometer ARGS` command (`main`, in this process, output thrown away); `commits`
       * is reported back. The exit code must be 0.
       */
      kind: 'command';
      args: string[];
      commits: number;
    };

/** What a parallel mining task reports. */
export interface JobsReport {
  commits: number;
  /** This process's peak resident memory, in kilobytes. */
  maxRssKb: number;
  /** CPU seconds of this process alone (the collecting process), without its children. */
  mainCpuSeconds?: number;
  /** The largest peak resident memory of a worker process (git's own not included), in kilobytes. */
  workerMaxRssKb?: number;
}

const ownCpu = () => {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1e6;
};

async function collectWithJobs(task: Extract<JobsTask, { kind: 'collect-jobs' }>) {
  const pool =
    task.jobs > 1
      ? new MiningPool({ jobs: task.jobs, nodeArguments: ['--import', REGISTER] })
      : undefined;
  const db = await openNodeDatabase(task.db);
  try {
    const result = await collectRepository({
      db,
      repository: { name: 'bench', source: task.source },
      engine: task.engine,
      ...(pool ? { pool } : {}),
      fs,
      logger: silentLogger,
      clock: systemClock,
    });
    const stats = pool?.stats();
    return {
      commits: result.commitsAdded,
      maxRssKb: process.resourceUsage().maxRSS,
      ...(stats ? { workerMaxRssKb: stats.peakWorkerRssKb } : {}),
    };
  } finally {
    await pool?.close();
    await db.close();
  }
}

/** Runs one parallel mining task. */
export async function runJobsTask(task: JobsTask): Promise<JobsReport> {
  const cpu = ownCpu();
  if (task.kind === 'command') {
    let stderr = '';
    const code = await main(task.args, {
      stdout: { write: () => true },
      stderr: { write: (text: string) => ((stderr = (stderr + text).slice(-4000)), true) },
    });
    if (code !== 0) throw new Error(`barometer ${task.args.join(' ')}: exit ${code}: ${stderr}`);
    return {
      commits: task.commits,
      maxRssKb: process.resourceUsage().maxRSS,
      mainCpuSeconds: ownCpu() - cpu,
    };
  }
  const report = await collectWithJobs(task);
  return { ...report, mainCpuSeconds: ownCpu() - cpu };
}
