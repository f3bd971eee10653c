/**
 * The mining bench: mines a history through the real pipeline (`collectRepository` into a fresh
 * DuckDB file) with each engine, with changed lines, metadata only, and again with nothing new, and
 * measures `git log` and `git log --numstat` of the same history in the same run for the ratios.
 * Every measurement runs in its own process, so each peak memory figure is its own.
 *
 * `npm run bench` generates the history (bench/generate-history.ts); `npm run bench -- PATH` mines
 * that repository instead. Options: `--commits N` (generated history, default 100000), `--engines
 * git-cli,isomorphic-git`, `--limit SECONDS` (time limit of each isomorphic-git measurement, default
 * 600; a stopped one shows the throughput of the part it did).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type { CommitSource } from '../collectors/git/commit-source.ts';
import { findGit } from '../collectors/git/engine-git-cli.ts';
import { generateHistory } from './generate-history.ts';
import { measure, type Measurement } from './measure.ts';

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
}

/** Goals from the issue: full mining ≤ 2× `git log --numstat`, metadata ≤ 3× `git log`, incremental < 2 s. */
export const GOALS = { fullRatio: 2, metadataRatio: 3, incrementalSeconds: 2 } as const;

function git(args: string[], cwd?: string): string {
  const out = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`git ${args.join(' ')}: ${out.stderr.trim()}`);
  return out.stdout.trim();
}

/** Parses `npm run bench -- [PATH] [--commits N] [--engines a,b] [--limit S]`. */
export function parseMineArguments(args: string[]): MineBenchOptions {
  const options: MineBenchOptions = {
    path: null,
    commits: 100_000,
    engines: ['git-cli', 'isomorphic-git'],
    limitSeconds: 600,
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
    else if (arg === '--engines') {
      options.engines = value()
        .split(',')
        .map((e) => {
          if (e !== 'git-cli' && e !== 'isomorphic-git') throw new Error(`unknown engine ${e}`);
          return e;
        });
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.path = isAbsolute(arg) ? arg : resolve(arg);
  }
  if (!Number.isInteger(options.commits) || options.commits < 1) {
    throw new Error('--commits needs a positive whole number');
  }
  if (!(options.limitSeconds > 0)) throw new Error('--limit needs a number of seconds');
  return options;
}

const number = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const megabytes = (kb: number | undefined) => (kb === undefined ? '' : `${number(kb / 1024)} MB`);

/** Reads the pack files once so the first measurement does not pay for the disk alone. */
async function warmPageCache(gitdir: string): Promise<void> {
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

function printRow({ label, m, note, git }: Row): void {
  const rate = m.seconds > 0 ? m.commits / m.seconds : 0;
  const cells = [
    label.padEnd(44),
    number(m.commits).padStart(9),
    number(m.seconds, 2).padStart(9),
    (m.commits ? number(rate) : '—').padStart(10),
    megabytes(git ? m.gitMaxRssKb : m.maxRssKb).padStart(9),
    note ?? '',
  ];
  console.log(cells.join('  '));
}

function ratioNote(value: number, base: number, what: string, goal?: number): string {
  const ratio = value / base;
  const goalText =
    goal === undefined ? '' : ` (goal ≤ ${goal}×: ${ratio <= goal ? 'met' : 'NOT met'})`;
  return `${number(ratio, 2)}× ${what}${goalText}`;
}

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
  const engines = options.engines;
  const gitVersion = git(['--version']).replace(/^git version /, '');
  console.log(
    `Barometer mining bench: ${cpus().length} CPUs, Node ${process.version}, git ${gitVersion}`,
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
      `History: generated, ${number(history.commits)} commits (seed 1, 1,500 authors, 2,000 files at the start); ` +
        (history.built
          ? `built with git fast-import in ${number((Date.now() - started) / 1000)} s`
          : 'reused from the cache'),
    );
  }
  const total = Number(git(['--git-dir', gitdir, 'rev-list', '--count', head]));
  const merges = Number(git(['--git-dir', gitdir, 'rev-list', '--count', '--merges', head]));
  console.log(`${number(total)} commits (${number(merges)} merges) reachable from HEAD\n`);
  await warmPageCache(gitdir);

  console.log(
    [
      'measurement'.padEnd(44),
      'commits'.padStart(9),
      'seconds'.padStart(9),
      'commits/s'.padStart(10),
      'peak RSS'.padStart(9),
      'ratio',
    ].join('  '),
  );
  const metadataBase = await measure({ kind: 'git-log', gitdir, head, numstat: false });
  printRow({ label: 'git log (all metadata and messages)', m: metadataBase, git: true });
  const numstatBase = await measure({ kind: 'git-log', gitdir, head, numstat: true });
  printRow({ label: 'git log --numstat', m: numstatBase, git: true });

  const work = mkdtempSync(join(tmpdir(), 'barometer-bench-db-'));
  const summary: string[] = [];
  try {
    for (const engine of engines) {
      const limit = engine === 'isomorphic-git' ? options.limitSeconds : Infinity;
      const stoppedNote = (m: Measurement) =>
        m.stopped ? `stopped after ${number(options.limitSeconds)} s (time limit); ` : '';
      const walkFull = await measure(
        { kind: 'engine', engine, gitdir, head, withFiles: true },
        limit,
      );
      printRow({
        label: `${engine}: engine alone, changed lines`,
        m: walkFull,
        note:
          stoppedNote(walkFull) +
          ratioNote(
            walkFull.seconds / walkFull.commits,
            numstatBase.seconds / total,
            'git log --numstat',
          ),
      });
      const walkMeta = await measure(
        { kind: 'engine', engine, gitdir, head, withFiles: false },
        limit,
      );
      printRow({
        label: `${engine}: engine alone, metadata`,
        m: walkMeta,
        note:
          stoppedNote(walkMeta) +
          ratioNote(walkMeta.seconds / walkMeta.commits, metadataBase.seconds / total, 'git log'),
      });

      const fullDb = join(work, `${engine}-full.duckdb`);
      const full = await measure(
        { kind: 'collect', engine, source, db: fullDb, withFiles: true },
        limit,
      );
      const fullNote = ratioNote(
        full.seconds / Math.max(1, full.commits),
        numstatBase.seconds / total,
        'git log --numstat',
        GOALS.fullRatio,
      );
      printRow({
        label: `${engine}: collect, changed lines`,
        m: full,
        note: stoppedNote(full) + fullNote,
      });
      summary.push(`${engine} full mining: ${fullNote}${full.stopped ? ' (partial run)' : ''}`);

      const metaDb = join(work, `${engine}-metadata.duckdb`);
      const meta = await measure(
        { kind: 'collect', engine, source, db: metaDb, withFiles: false },
        limit,
      );
      const metaNote = ratioNote(
        meta.seconds / Math.max(1, meta.commits),
        metadataBase.seconds / total,
        'git log',
        GOALS.metadataRatio,
      );
      printRow({
        label: `${engine}: collect, metadata only`,
        m: meta,
        note: stoppedNote(meta) + metaNote,
      });
      summary.push(`${engine} metadata mining: ${metaNote}${meta.stopped ? ' (partial run)' : ''}`);

      if (!full.stopped) {
        const again = await measure({
          kind: 'collect',
          engine,
          source,
          db: fullDb,
          withFiles: true,
        });
        const met = again.seconds < GOALS.incrementalSeconds ? 'met' : 'NOT met';
        const note = `whole process ${number(again.processSeconds, 2)} s (goal < ${GOALS.incrementalSeconds} s: ${met})`;
        printRow({ label: `${engine}: collect again, nothing new`, m: again, note });
        summary.push(
          `${engine} nothing new: ${number(again.seconds, 2)} s in the pipeline, ${note}`,
        );
      }
      rmSync(fullDb, { force: true });
      rmSync(metaDb, { force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`\nPeak RSS of the git log rows is git's own; the others are the Node process's.`);
  console.log(
    'Ratios compare time per commit, so a run stopped by the time limit is compared fairly.\n',
  );
  for (const line of summary) console.log(line);
}
