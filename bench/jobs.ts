/**
 * The parallel mining bench, `npm run bench -- jobs [PATH] [options]`: what `collect --jobs`
 * gains, against `git log --numstat` and `--jobs 1` measured in the same run.
 *
 * - One repository (PATH, default: the generated history of 100,000 commits): `git log --numstat`
 *   alone; the pipeline (`collectRepository` into a fresh database) at `--jobs 1` and `--jobs N`;
 *   the whole `barometer collect` command at both. The pipeline rows split the CPU seconds between
 *   the collecting process and its children (workers and git), which gives what more cores would
 *   do.
 * - A project (unless `--no-project`): `--repositories R` generated histories of `--commits C`
 *   commits each (default 20 of 5,000) in one config, the whole command at `--jobs 1` and `--jobs N`.
 *
 * Each measurement runs in its own process; the machine is shared, so the measurements run in
 * interleaved rounds (`--repeat`, default 3: A B C, A B C, …) and the medians are shown, with the
 * load average at the start of each round. Options: `--jobs N` (default: the machine's cores),
 * `--repeat N`, `--no-project`, `--no-repository`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { generateHistory } from './generate-history.ts';
import { measure, type Measurement } from './measure.ts';
import type { Task } from './measure-child.ts';
import { megabytes, number, warmPageCache } from './mine.ts';

/** Parsed command line of the parallel mining bench. */
export interface JobsBenchOptions {
  path: string | null;
  jobs: number;
  repeat: number;
  repository: boolean;
  project: boolean;
  repositories: number;
  commits: number;
}

/** The goal of the issue: the whole command at `--jobs 2` within 0.75× of `git log --numstat`. */
export const JOBS_GOAL = 0.75;

/** Parses `npm run bench -- jobs [PATH] [--jobs N] [--repeat N] [--no-project] …`. */
export function parseJobsArguments(args: string[]): JobsBenchOptions {
  const options: JobsBenchOptions = {
    path: null,
    jobs: availableParallelism(),
    repeat: 3,
    repository: true,
    project: true,
    repositories: 20,
    commits: 5000,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = Number(args[++i]);
      if (!Number.isInteger(next) || next < 1) throw new Error(`${arg} needs a positive number`);
      return next;
    };
    if (arg === '--jobs') options.jobs = value();
    else if (arg === '--repeat') options.repeat = value();
    else if (arg === '--repositories') options.repositories = value();
    else if (arg === '--commits') options.commits = value();
    else if (arg === '--no-project') options.project = false;
    else if (arg === '--no-repository') options.repository = false;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.path = isAbsolute(arg) ? arg : resolve(arg);
  }
  return options;
}

function git(args: string[]): string {
  const out = spawnSync('git', args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr.trim()}`);
  return out.stdout.trim();
}

const load = () => number(loadavg()[0]!, 1);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Row {
  label: string;
  task: () => Task;
  /** Runs before each measurement (removes the database it writes). */
  before?: () => void;
  runs: Measurement[];
}

function removeDb(path: string): () => void {
  return () => {
    for (const suffix of ['', '.wal']) rmSync(path + suffix, { force: true });
  };
}

/** Runs every row once per round, in order, `repeat` rounds; prints the load at each round. */
async function rounds(rows: Row[], repeat: number): Promise<void> {
  for (let round = 1; round <= repeat; round++) {
    const loads = [load()];
    for (const row of rows) {
      row.before?.();
      row.runs.push(await measure(row.task()));
    }
    loads.push(load());
    console.log(`round ${round} of ${repeat}: load average ${loads.join(' → ')}`);
  }
}

/** The medians of a row: wall (whole process), CPU, the collecting process's CPU, memory. */
function medians(row: Row) {
  const of = (pick: (m: Measurement) => number | undefined) => {
    const values = row.runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? median(values) : undefined;
  };
  return {
    wall: of((m) => m.processSeconds)!,
    cpu: of((m) => m.cpuSeconds),
    main: of((m) => m.mainCpuSeconds),
    rss: of((m) => m.maxRssKb),
    workerRss: of((m) => m.workerMaxRssKb),
    gitRss: of((m) => m.gitMaxRssKb),
  };
}

/**
 * Wall seconds on `cores` cores: what one process must do in turn (`serial` CPU seconds) plus the
 * rest shared by the cores.
 */
const projected = (cpu: number, serial: number, cores: number) =>
  serial + Math.max(0, cpu - serial) / cores;

function printTable(rows: Row[], base: Row | null, serialOf: (row: Row) => number | undefined) {
  const b = base ? medians(base).wall : null;
  console.log(
    `\n${'measurement'.padEnd(44)}  ${'wall s'.padStart(6)}  ${'CPU s'.padStart(6)}  ${'main'.padStart(5)}` +
      `  ${'RSS'.padStart(7)}  ${'worker'.padStart(7)}  ${'vs git'.padStart(6)}  ${'8 cores'.padStart(7)}  ${'16 cores'.padStart(8)}`,
  );
  for (const row of rows) {
    const m = medians(row);
    const serial = serialOf(row);
    const cell = (v: number | undefined, digits = 2) => (v === undefined ? '' : number(v, digits));
    const at = (cores: number) =>
      m.cpu === undefined || serial === undefined ? '' : number(projected(m.cpu, serial, cores), 1);
    console.log(
      `${row.label.padEnd(44)}  ${cell(m.wall).padStart(6)}  ${cell(m.cpu).padStart(6)}  ${cell(m.main, 1).padStart(5)}` +
        `  ${megabytes(m.gitRss ?? m.rss).padStart(7)}  ${megabytes(m.workerRss).padStart(7)}` +
        `  ${(b ? `${number(m.wall / b, 2)}×` : '').padStart(6)}  ${at(8).padStart(7)}  ${at(16).padStart(8)}`,
    );
  }
}

async function repositoryBench(options: JobsBenchOptions, work: string): Promise<void> {
  let gitdir: string;
  let source: string;
  if (options.path) {
    gitdir = git(['-C', options.path, 'rev-parse', '--absolute-git-dir']);
    source = options.path;
  } else {
    const history = await generateHistory({ commits: 100_000 });
    gitdir = history.gitdir;
    source = history.gitdir;
  }
  const head = git(['--git-dir', gitdir, 'rev-parse', 'HEAD^{commit}']);
  const commits = Number(git(['--git-dir', gitdir, 'rev-list', '--count', head]));
  console.log(`\nOne repository: ${source}, ${number(commits)} commits, --jobs ${options.jobs}`);
  await warmPageCache(gitdir);
  const N = options.jobs;
  const db = (name: string) => join(work, `${name}.duckdb`);
  const command = (jobs: number, name: string) => () =>
    ({
      kind: 'command',
      args: ['collect', source, '--db', db(name), '--engine', 'git-cli', '--jobs', String(jobs)],
      commits,
    }) as Task;
  const pipeline = (jobs: number, name: string) => () =>
    ({ kind: 'collect-jobs', engine: 'git-cli', source, db: db(name), jobs }) as Task;
  const rows: Row[] = [
    {
      label: 'git log --numstat',
      task: () => ({ kind: 'git-log', gitdir, head, numstat: true, commits }),
      runs: [],
    },
    {
      label: 'git rev-list (the list cut into parts)',
      task: () => ({ kind: 'git-log', gitdir, head, numstat: false, commits, revList: true }),
      runs: [],
    },
    { label: 'pipeline, --jobs 1', task: pipeline(1, 'p1'), before: removeDb(db('p1')), runs: [] },
    {
      label: `pipeline, --jobs ${N}`,
      task: pipeline(N, 'pN'),
      before: removeDb(db('pN')),
      runs: [],
    },
    {
      label: 'barometer collect --jobs 1',
      task: command(1, 'c1'),
      before: removeDb(db('c1')),
      runs: [],
    },
    {
      label: `barometer collect --jobs ${N}`,
      task: command(N, 'cN'),
      before: removeDb(db('cN')),
      runs: [],
    },
  ];
  await rounds(rows, options.repeat);
  const [gitLog, revList, p1, pN, c1, cN] = rows as [Row, Row, Row, Row, Row, Row];
  // Serial: the collecting process's own CPU, plus the `git rev-list` it waits for before the
  // workers start; a command adds its start-up and affiliation step, all in the collecting process.
  const listing = medians(revList).cpu ?? 0;
  const serial = (row: Row): number | undefined => {
    const m = medians(row);
    if (row === gitLog || row === revList || m.main === undefined) return undefined;
    return m.main + (row === pN || row === cN ? listing : 0);
  };
  printTable(rows, gitLog, serial);
  const ratio = medians(cN).wall / medians(gitLog).wall;
  console.log(
    `\nThe whole command at --jobs ${N}: ${number(ratio, 2)}× git log --numstat ` +
      `(goal ≤ ${JOBS_GOAL}×: ${ratio <= JOBS_GOAL ? 'met' : 'NOT met'}); at --jobs 1: ` +
      `${number(medians(c1).wall / medians(gitLog).wall, 2)}×; pipeline --jobs ${N} against --jobs 1: ` +
      `${number(medians(pN).wall / medians(p1).wall, 2)}×.`,
  );
  console.log(
    'Wall s is the whole process (Node start-up included); CPU s counts it and every process it ran;\n' +
      '"main" is the collecting process alone; RSS is its peak (git log rows: git\'s), "worker" a\n' +
      "worker process's peak (its git's not included). 8 and 16 cores: main's CPU and git rev-list\n" +
      'in turn, the rest shared by the cores.',
  );
}

async function projectBench(options: JobsBenchOptions, work: string): Promise<void> {
  const R = options.repositories;
  const C = options.commits;
  console.log(`\nA project: ${R} generated repositories of ${number(C)} commits each`);
  const repositories = [];
  for (let seed = 1; seed <= R; seed++) {
    const history = await generateHistory({ commits: C, files: 500, authors: 300, seed });
    repositories.push({ source: history.gitdir, name: `repo-${seed}` });
    await warmPageCache(history.gitdir);
  }
  const config = join(work, 'project.json');
  writeFileSync(config, JSON.stringify({ name: 'project', repositories }));
  const N = options.jobs;
  const row = (jobs: number): Row => {
    const db = join(work, `project-${jobs}.duckdb`);
    return {
      label: `barometer collect CONFIG --jobs ${jobs}`,
      task: () => ({
        kind: 'command',
        args: ['collect', config, '--db', db, '--engine', 'git-cli', '--jobs', String(jobs)],
        commits: R * C,
      }),
      before: removeDb(db),
      runs: [],
    };
  };
  const rows = [row(1), row(N)];
  await rounds(rows, options.repeat);
  printTable(rows, null, (r) => medians(r).main);
  const [one, many] = rows.map((r) => medians(r).wall) as [number, number];
  console.log(
    `\n--jobs ${N} against --jobs 1: ${number(many / one, 2)}× the time. 8 and 16 cores: the` +
      ' collecting process in turn (its CPU, "main"), the rest shared by the cores.',
  );
}

/** Runs the parallel mining bench and prints its tables. */
export async function runJobsBench(args: string[]): Promise<void> {
  const options = parseJobsArguments(args);
  const gitVersion = git(['--version']).replace(/^git version /, '');
  console.log(
    `Barometer parallel mining bench: ${availableParallelism()} CPUs, Node ${process.version}, ` +
      `git ${gitVersion}, load average ${loadavg()
        .map((l) => number(l, 1))
        .join(' ')}`,
  );
  const work = mkdtempSync(join(tmpdir(), 'barometer-bench-jobs-'));
  try {
    if (options.repository) await repositoryBench(options, work);
    if (options.project) await projectBench(options, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\nload average at the end: ${loadavg()
      .map((l) => number(l, 1))
      .join(' ')}`,
  );
}
