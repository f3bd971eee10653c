/**
 * Worker processes that mine parts of histories at the same time (`collect --jobs N`): at most
 * `jobs` of them, started when the first parts arrive, each mining one part at a time into its own
 * DuckDB part file (mine-part.ts, mining-worker.ts). Parts wait their turn in arrival order. The
 * collecting process alone writes the database: it merges the part files (mine-in-parts.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BarometerError } from '../../src/lib/errors.ts';
import type { PartResult, PartTask } from './mine-part.ts';
import type { WorkerReply, WorkerRequest } from './mining-worker.ts';

const WORKER = fileURLToPath(new URL('./mining-worker.ts', import.meta.url));
const STDERR_KEEP = 4 * 1024;

/** Options for {@link MiningPool}. */
export interface MiningPoolOptions {
  /** Worker processes at most (at least 1). */
  jobs: number;
  /**
   * Node arguments that let a worker load Barometer's TypeScript, e.g.
   * `['--import', '<path of src/cli/register.js>']`.
   */
  nodeArguments: readonly string[];
}

interface Waiting {
  task: PartTask;
  resolve: (result: PartResult) => void;
  reject: (error: unknown) => void;
}

interface Worker {
  child: ChildProcess;
  /** The part it is mining, if any. */
  current: (Waiting & { id: number }) | null;
  stderr: string;
}

/** Memory and work of the pool's workers so far. */
export interface PoolStats {
  /** Workers started. */
  workers: number;
  /** Parts mined. */
  parts: number;
  /** The largest peak resident memory of a worker process (git's own not included), in kilobytes. */
  peakWorkerRssKb: number;
}

/** A pool of mining worker processes; {@link close} it when done. */
export class MiningPool {
  readonly jobs: number;
  private readonly nodeArguments: readonly string[];
  private readonly workers: Worker[] = [];
  private readonly waiting: Waiting[] = [];
  private folder: string | null = null;
  private files = 0;
  private requests = 0;
  private closed = false;
  private readonly counts: PoolStats = { workers: 0, parts: 0, peakWorkerRssKb: 0 };

  constructor(options: MiningPoolOptions) {
    this.jobs = Math.max(1, Math.floor(options.jobs));
    this.nodeArguments = options.nodeArguments;
  }

  /** A path for a new part file, in a temporary folder the pool removes when closed. */
  partFile(): string {
    this.folder ??= mkdtempSync(join(tmpdir(), 'barometer-parts-'));
    return join(this.folder, `part-${++this.files}.duckdb`);
  }

  /** Mines `task` in a worker once one is free; throws what the worker threw. */
  run(task: PartTask): Promise<PartResult> {
    if (this.closed) return Promise.reject(new Error('the mining pool is closed'));
    return new Promise<PartResult>((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  /**
   * Starts the workers that are not running yet, so they are ready when the first parts come
   * (starting one takes about half a second).
   */
  warm(): void {
    if (this.closed) return;
    while (this.workers.filter((w) => w.child.connected).length < this.jobs) this.start();
  }

  /** What the workers did so far. */
  stats(): PoolStats {
    return { ...this.counts };
  }

  /** Stops the workers (a part being mined is abandoned) and removes the part files. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.waiting.splice(0)) {
      waiting.reject(new Error('the mining pool was closed'));
    }
    await Promise.all(
      this.workers.map(async ({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (child.connected) child.disconnect();
        else child.kill('SIGTERM');
        await exited;
      }),
    );
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let worker = this.workers.find((w) => w.current === null && w.child.connected);
      if (!worker) {
        if (this.workers.filter((w) => w.child.connected).length >= this.jobs) return;
        worker = this.start();
      }
      const next = this.waiting.shift()!;
      const id = ++this.requests;
      worker.current = { ...next, id };
      const request: WorkerRequest = { id, task: next.task };
      worker.child.send(request);
    }
  }

  private start(): Worker {
    const child = fork(WORKER, [], {
      execArgv: [...this.nodeArguments],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const worker: Worker = { child, current: null, stderr: '' };
    this.counts.workers++;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      worker.stderr = (worker.stderr + text).slice(-STDERR_KEEP);
    });
    child.on('message', (message: WorkerReply) => {
      const current = worker.current;
      if (!current || current.id !== message.id) return;
      worker.current = null;
      if (message.ok) {
        this.counts.parts++;
        this.counts.peakWorkerRssKb = Math.max(this.counts.peakWorkerRssKb, message.maxRssKb);
        current.resolve(message.result);
      } else {
        const { code, message: text, data } = message.error;
        current.reject(code ? new BarometerError(code, text, data) : new Error(text));
      }
      this.dispatch();
    });
    // An 'error' (it could not be started) is followed by 'exit' or 'close'; both end it.
    child.on('error', () => {});
    const ended = (code: number | null, signal: NodeJS.Signals | null) => {
      const current = worker.current;
      worker.current = null;
      const index = this.workers.indexOf(worker);
      if (index >= 0) this.workers.splice(index, 1);
      if (current) {
        const how = signal ? `was killed (${signal})` : `exited with code ${String(code)}`;
        const last = worker.stderr.trim().split('\n').at(-1) ?? '';
        current.reject(
          new Error(`a mining worker ${how} while mining ${current.task.repository}: ${last}`),
        );
      }
      if (!this.closed) this.dispatch();
    };
    child.once('exit', ended);
    this.workers.push(worker);
    return worker;
  }
}
