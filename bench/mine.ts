/**
 * The mining bench: mines a history through the real pipeline (`collectRepository` into a fresh
 * DuckDB file) with each engine, with changed lines, metadata only, and again with nothing new, and
 * measures `git log` and `git log --numstat` of the same history in the same run for the ratios.
 * Every measurement runs in its own process, so each peak memory figure is its own.
 *
 * `npm run bench` generates the history (bench/generate-history.ts); `npm run bench -- PATH` mines
 * that repository instead. Options: `--commits N` (generated history, default 100000), `--engines
 * git-cli,isomorphic-git`, `--limit SECONDS` (time limit of each isomorphic-git measurement, default
 * 600; a stopped one shows the throughput of the part it did), `--repeat N` (the fastest of N runs
 * of each measurement counts; default 1).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { CommitSource } from '../collectors/git/commit-source.ts';
import { findGit } from '../collectors/git/engine-git-cli.ts';
import { generateHistory } from './generate-history.ts';
import { measure, timeCommand, type Measurement } from './measure.ts';
import type { Task } from './measure-child.ts';

type Engine = CommitSource['engine'];

/** Parsed command line of the mining bench. */
export interface MineBenchOptions {
  /** A repository to mine instead of the generated history. */
  path: string | null;
  /** Commits of the generated history. Default 100,000. */
  commits: number;
  engines: Engine[];
  /** Time limit of each isomorphic-git measurement, in seconds. Default 600. */
  limitSeconds: number;
  /** Runs of each measurement; the fastest counts (a shared machine slows some runs). Default 1. */
  repeat: number;
}

/** Goals from the issue: full mining ≤ 2× `git log --numstat`, metadata ≤ 3× `git log`, incremental < 2 s. */
export const GOALS = { fullRatio: 2, metadataRatio: 3, incrementalSeconds: 2 } as const;

function git(args: string[], cwd?: string): string {
  const out = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr.trim()}`);
  return out.stdout.trim();
}

/** `git-cli,isomorphic-git` → the engines; throws for an unknown one. */
export function parseEngines(value: string): Engine[] {
  return value.split(',').map((e) => {
    if (e !== 'git-cli' && e !== 'isomorphic-git') throw new Error(`unknown engine ${e}`);
    return e;
  });
}

/** Parses `npm run bench -- [PATH] [--commits N] [--engines a,b] [--limit S]`. */
export function parseMineArguments(args: string[]): MineBenchOptions {
  const options: MineBenchOptions = {
    path: null,
    commits: 100_000,
    engines: ['git-cli', 'isomorphic-git'],
    limitSeconds: 600,
    repeat: 1,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--commits') options.commits = Number(value());
    else if (arg === '--limit') options.limitSeconds = Number(value());
    else if (arg === '--repeat') options.repeat = Number(value());
    else if (arg === '--engines') options.engines = parseEngines(value());
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.path = isAbsolute(arg) ? arg : resolve(arg);
  }
  if (!Number.isInteger(options.commits) || options.commits < 1) {
    throw new Error('--commits needs a positive whole number');
  }
  if (!(options.limitSeconds > 0)) throw new Error('--limit needs a number of seconds');
  if (!Number.isInteger(options.repeat) || options.repeat < 1) {
    throw new Error('--repeat needs a positive whole number');
  }
  return options;
}

/** `12345.6` → `12,346` (or with `digits` decimals). */
export const number = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Kilobytes as whole megabytes (`''` when unknown). */
export const megabytes = (kb: number | undefined) =>
  kb === undefined ? '' : `${number(kb / 1024)} MB`;

/** Reads the pack files once so the first measurement does not pay for the disk alone. */
export async function warmPageCache(gitdir: string): Promise<void> {
  const packDir = join(gitdir, 'objects', 'pack');
  let names: string[];
  try {
    names = readdirSync(packDir);
  } catch {
    return;
  }
  for (const name of names.filter((n) => n.endsWith('.pack') || n.endsWith('.idx'))) {
    await pipeline(
      createReadStream(join(packDir, name)),
      new Writable({ write: (_chunk, _encoding, done) => done() }),
    );
  }
}

interface Row {
  label: string;
  m: Measurement;
  note?: string;
  /** A git log row: its memory is git's (blank when git ended before it could be read). */
  git?: boolean;
}

const COLUMNS: Array<[string, number]> = [
  ['measurement', -42],
  ['commits', 8],
  ['wall s', 7],
  ['CPU s', 7],
  ['commits/s', 9],
  ['peak RSS', 8],
];

function printLine(cells: string[]): void {
  const padded = cells.map((cell, i) => {
    const width = COLUMNS[i]?.[1];
    if (width === undefined) return cell;
    return width < 0 ? cell.padEnd(-width) : cell.padStart(width);
  });
  console.log(padded.join('  ').trimEnd());
}

function printRow({ label, m, note, git }: Row): void {
  const rate = m.seconds > 0 ? m.commits / m.seconds : 0;
  printLine([
    label,
    number(m.commits),
    number(m.seconds, 2),
    m.cpuSeconds === undefined ? '' : number(m.cpuSeconds, 2),
    m.commits ? number(rate) : '—',
    megabytes(git ? m.gitMaxRssKb : m.maxRssKb),
    note ?? '',
  ]);
}

/**
 * Time per commit of `m` against `base` (which walked `baseCommits`), wall and CPU, and whether the
 * wall ratio meets `goal`.
 */
function ratio(
  m: Measurement,
  base: Measurement,
  baseCommits: number,
  what: string,
  goal?: number,
): { text: string; met: boolean } {
  const per = (seconds: number, commits: number) => seconds / Math.max(1, commits);
  const wall = per(m.seconds, m.commits) / per(base.seconds, baseCommits);
  const cpu =
    m.cpuSeconds !== undefined && base.cpuSeconds !== undefined
      ? per(m.cpuSeconds, m.commits) / per(base.cpuSeconds, baseCommits)
      : null;
  const met = goal === undefined || wall <= goal;
  const goalText = goal === undefined ? '' : ` (goal ≤ ${goal}×: ${met ? 'met' : 'NOT met'})`;
  const cpuText = cpu === null ? '' : `; CPU ${number(cpu, 2)}×`;
  return { text: `${number(wall, 2)}× ${what}${goalText}${cpuText}`, met };
}

/** Peak memory when a quarter and half of the commits were done, to show whether it grows. */
function memoryGrowth(m: Measurement, total: number): string {
  const at = (share: number) => m.progress.find((p) => p.commits >= total * share);
  const quarter = at(0.25);
  const half = at(0.5);
  if (!quarter || !half || m.stopped) return '';
  return `; peak RSS at 25%: ${megabytes(quarter.maxRssKb)}, at 50%: ${megabytes(half.maxRssKb)}`;
}

/**
 * The fastest of `repeat` runs of `task` (by time per commit); `before` runs before each (e.g. to
 * remove the database a collect writes).
 */
async function best(
  task: Task,
  limitSeconds: number,
  repeat: number,
  before: () => void = () => {},
): Promise<Measurement> {
  let fastest: Measurement | null = null;
  for (let i = 0; i < repeat; i++) {
    before();
    const m = await measure(task, limitSeconds);
    const per = (x: Measurement) => x.seconds / Math.max(1, x.commits);
    if (!fastest || per(m) < per(fastest)) fastest = m;
  }
  return fastest!;
}

const removeDb = (path: string) => () => {
  for (const suffix of ['', '.wal']) rmSync(path + suffix, { force: true });
};

/** Runs the mining bench and prints its table. */
export async function runMineBench(args: string[]): Promise<void> {
  const options = parseMineArguments(args);
  const gitBinary = await findGit();
  if (!gitBinary) {
    console.log(
      'git is not installed: the bench needs it to generate a history and for the baselines.',
    );
    process.exitCode = 1;
    return;
  }
  const gitVersion = git(['--version']).replace(/^git version /, '');
  console.log(
    `Barometer mining bench: ${cpus().length} CPUs, Node ${process.version}, git ${gitVersion}, ` +
      `load average ${loadavg()
        .map((l) => number(l, 1))
        .join(' ')}`,
  );

  let gitdir: string;
  let head: string;
  let source: string;
  if (options.path) {
    gitdir = git(['rev-parse', '--absolute-git-dir'], options.path);
    head = git(['--git-dir', gitdir, 'rev-parse', 'HEAD^{commit}']);
    source = options.path;
    console.log(`History: ${options.path}, HEAD ${head.slice(0, 12)}`);
  } else {
    const started = Date.now();
    const history = await generateHistory({ commits: options.commits });
    gitdir = history.gitdir;
    head = history.head;
    source = history.gitdir;
    console.log(
      `History: generated, seed 1, 1,500 authors, 2,000 files at the start; ` +
        (history.built
          ? `built with git fast-import in ${number((Date.now() - started) / 1000)} s`
          : 'reused from the cache'),
    );
  }
  const total = Number(git(['--git-dir', gitdir, 'rev-list', '--count', head]));
  const merges = Number(git(['--git-dir', gitdir, 'rev-list', '--count', '--merges', head]));
  console.log(`${number(total)} commits (${number(merges)} merges) reachable from HEAD\n`);
  await warmPageCache(gitdir);

  printLine([...COLUMNS.map(([name]) => name), 'ratio']);
  const metadataBase = await best(
    { kind: 'git-log', gitdir, head, numstat: false, commits: total },
    Infinity,
    options.repeat,
  );
  printRow({ label: 'git log (all metadata and messages)', m: metadataBase, git: true });
  const numstatBase = await best(
    { kind: 'git-log', gitdir, head, numstat: true, commits: total },
    Infinity,
    options.repeat,
  );
  printRow({ label: 'git log --numstat', m: numstatBase, git: true });

  const work = mkdtempSync(join(tmpdir(), 'barometer-bench-db-'));
  const summary: string[] = [];
  try {
    for (const engine of options.engines) {
      const limit = engine === 'isomorphic-git' ? options.limitSeconds : Infinity;
      const stopped = (m: Measurement) =>
        m.stopped ? `stopped at the ${number(options.limitSeconds)} s limit; ` : '';
      const row = (label: string, m: Measurement, note: string) => {
        printRow({ label: `${engine}: ${label}`, m, note: stopped(m) + note });
      };

      const walkFull = await best(
        { kind: 'engine', engine, gitdir, head, withFiles: true },
        limit,
        options.repeat,
      );
      row(
        'engine alone, changed lines',
        walkFull,
        ratio(walkFull, numstatBase, total, 'git log --numstat').text +
          memoryGrowth(walkFull, total),
      );
      const walkMeta = await best(
        { kind: 'engine', engine, gitdir, head, withFiles: false },
        limit,
        options.repeat,
      );
      row('engine alone, metadata', walkMeta, ratio(walkMeta, metadataBase, total, 'git log').text);

      const fullDb = join(work, `${engine}-full.duckdb`);
      const full = await best(
        { kind: 'collect', engine, source, db: fullDb, withFiles: true },
        limit,
        options.repeat,
        removeDb(fullDb),
      );
      const fullRatio = ratio(full, numstatBase, total, 'git log --numstat', GOALS.fullRatio);
      row('collect, changed lines', full, fullRatio.text + memoryGrowth(full, total));
      summary.push(
        `${engine}, full mining: ${fullRatio.text}${full.stopped ? ' (partial run)' : ''}`,
      );

      const metaDb = join(work, `${engine}-metadata.duckdb`);
      const meta = await best(
        { kind: 'collect', engine, source, db: metaDb, withFiles: false },
        limit,
        options.repeat,
        removeDb(metaDb),
      );
      const metaRatio = ratio(meta, metadataBase, total, 'git log', GOALS.metadataRatio);
      row('collect, metadata only', meta, metaRatio.text + memoryGrowth(meta, total));
      summary.push(
        `${engine}, metadata only: ${metaRatio.text}${meta.stopped ? ' (partial run)' : ''}`,
      );

      if (!full.stopped) {
        const again = await best(
          { kind: 'collect', engine, source, db: fullDb, withFiles: true },
          Infinity,
          options.repeat,
        );
        // The whole command a user runs: Node start-up, the pipeline and the affiliation step
        // (which the first run does in full, as after any mining, and later runs skip).
        const command = ['collect', fullDb, '--engine', engine];
        await timeCommand(command);
        let commandSeconds = Infinity;
        for (let i = 0; i < options.repeat; i++) {
          commandSeconds = Math.min(commandSeconds, await timeCommand(command));
        }
        const goal = GOALS.incrementalSeconds;
        const met = again.seconds < goal && commandSeconds < goal ? 'met' : 'NOT met';
        const note = `${number(again.seconds, 2)} s in the pipeline; the whole \`barometer collect\` command ${number(commandSeconds, 2)} s (goal < ${goal} s: ${met})`;
        row('collect again, nothing new', again, note);
        summary.push(`${engine}, nothing new: ${note}`);
      }
      removeDb(fullDb)();
      removeDb(metaDb)();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    '\nRatios compare time per commit (a run stopped at the time limit is compared on the part it did).',
  );
  console.log(
    "Peak RSS of the git log rows is git's own; the others are the measuring Node process's (git's own memory is not included).",
  );
  console.log('CPU s counts the Node process and the git processes it ran.\n');
  for (const line of summary) console.log(line);
}
