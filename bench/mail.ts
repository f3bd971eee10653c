/**
 * The mail bench (`npm run bench -- mail [PATH] [--messages N] [--engine E] [--repeat N]`): mines a
 * public-inbox archive with the whole `barometer collect` command (a config naming only the list,
 * a fresh database: reading, parsing, storing, threading and the affiliation step), then again with
 * nothing new, and beside it `git cat-file --batch` of every message of the same archive, the
 * least any reader must do. Each runs as its own process; its peak memory is read from /proc.
 * Memory flat: the same command on the first half of the archive beside the whole of it.
 *
 * Without PATH it generates an epoch (bench/generate-mail-archive.ts, 23,000 messages by
 * default, about 240 MB); PATH is an epoch, a v2 inbox folder or an mbox file.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateMailArchive } from './generate-mail-archive.ts';

const BAROMETER = fileURLToPath(new URL('../src/cli/barometer.js', import.meta.url));

/** Goals from the issue: 23,000 messages in under 15 s, nothing new in under 2 s. */
export const MAIL_GOALS = { fullSeconds: 15, incrementalSeconds: 2 } as const;

interface Options {
  path: string | null;
  messages: number;
  engine: 'auto' | 'git-cli' | 'isomorphic-git';
  repeat: number;
}

function parse(args: string[]): Options {
  const options: Options = { path: null, messages: 23_000, engine: 'auto', repeat: 1 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--messages') options.messages = Number(value());
    else if (arg === '--repeat') options.repeat = Number(value());
    else if (arg === '--engine') options.engine = value() as Options['engine'];
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.path = isAbsolute(arg) ? arg : resolve(arg);
  }
  if (!Number.isInteger(options.messages) || options.messages < 2)
    throw new Error('--messages needs a whole number above 1');
  if (!['auto', 'git-cli', 'isomorphic-git'].includes(options.engine))
    throw new Error(`unknown engine ${options.engine}`);
  return options;
}

/** A process's wall time, CPU time (Linux) and peak memory. */
interface Run {
  seconds: number;
  peakKb: number | null;
  cpuSeconds: number | null;
  stdout: string;
}

/** Runs a command, polling its peak memory (VmHWM) and reading its CPU ticks before it is reaped. */
async function measure(command: string, args: string[], input?: Buffer): Promise<Run> {
  const start = performance.now();
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let peakKb: number | null = null;
  let cpuSeconds: number | null = null;
  const poll = () => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const match = /VmHWM:\s+(\d+) kB/.exec(status);
      if (match) peakKb = Math.max(peakKb ?? 0, Number(match[1]));
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuSeconds =
        (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
    } catch {
      // Gone, or no /proc.
    }
  };
  const timer = setInterval(poll, 20);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('latin1').on('data', (t: string) => {
    stdout = (stdout + t).slice(-4000);
  });
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr = (stderr + t).slice(-4000)));
  if (input) child.stdin.end(input);
  else child.stdin.end();
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(timer);
  if (code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${code}): ${stderr.trim()}`);
  return { seconds: (performance.now() - start) / 1000, peakKb, cpuSeconds, stdout };
}

async function best(times: number, work: () => Promise<Run>, before?: () => void): Promise<Run> {
  let fastest: Run | null = null;
  for (let i = 0; i < times; i++) {
    before?.();
    const run = await work();
    if (!fastest || run.seconds < fastest.seconds) fastest = run;
  }
  return fastest!;
}

const number = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The blob ids of an epoch's messages, one a line, as `git cat-file --batch` takes them. */
async function blobList(gitdir: string): Promise<Buffer> {
  const run = await measureOutput('git', [
    '--git-dir',
    gitdir,
    'log',
    '--format=',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '--root',
  ]);
  return Buffer.from(
    run
      .split('\n')
      .filter((line) => line.startsWith(':') && line.endsWith('\tm') && !line.includes(' D\t'))
      .map((line) => line.split(' ')[3])
      .join('\n') + '\n',
  );
}

async function measureOutput(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  await once(child, 'close');
  return Buffer.concat(chunks).toString('utf8');
}

/** The first `count` commits of an epoch as an epoch of their own (for the memory comparison). */
async function firstPart(gitdir: string, count: number, into: string): Promise<string> {
  const commits = (
    await measureOutput('git', ['--git-dir', gitdir, 'rev-list', '--reverse', 'HEAD'])
  )
    .trim()
    .split('\n');
  const target = join(into, 'half.git');
  await once(
    spawn('git', ['clone', '-q', '--bare', '--no-local', gitdir, target], { stdio: 'ignore' }),
    'close',
  );
  await once(
    spawn('git', ['--git-dir', target, 'update-ref', 'HEAD', commits[count - 1]!], {
      stdio: 'ignore',
    }),
    'close',
  );
  return target;
}

/** Runs the mail bench and prints its table. */
export async function runMailBench(args: string[]): Promise<void> {
  const options = parse(args);
  console.log(
    `Barometer mail bench: ${cpus().length} CPUs, Node ${process.version}, load average ${loadavg()
      .map((l) => number(l, 1))
      .join(' ')}`,
  );
  let source: string;
  let label: string;
  if (options.path) {
    source = options.path;
    label = options.path;
  } else {
    const started = performance.now();
    const archive = await generateMailArchive({ messages: options.messages });
    source = archive.gitdir;
    label = `generated, seed 1, ${number(archive.messages)} messages, ${number(archive.bytes / 1e6)} MB (made or reused in ${number((performance.now() - started) / 1000, 1)} s)`;
  }
  console.log(`Archive: ${label}`);
  const work = mkdtempSync(join(tmpdir(), 'barometer-bench-mail-'));
  try {
    const config = (list: string, name = 'bench') => {
      const file = join(work, `${name}.json`);
      writeFileSync(
        file,
        JSON.stringify({
          name: 'bench',
          repositories: [],
          lists: [{ source: list, name: 'bench' }],
        }),
      );
      return file;
    };
    const db = join(work, 'bench.duckdb');
    const clean = () => {
      rmSync(db, { force: true });
      rmSync(`${db}.wal`, { force: true });
    };
    const collect = (cfg: string, database = db) =>
      measure(process.execPath, [
        BAROMETER,
        'collect',
        cfg,
        '--db',
        database,
        '--engine',
        options.engine,
      ]);

    const isEpoch = statSync(source).isDirectory() && existsSync(join(source, 'objects'));
    let baseline: Run | null = null;
    let blobs = 0;
    if (isEpoch) {
      const list = await blobList(source);
      blobs = list.toString().trim().split('\n').length;
      baseline = await best(options.repeat, () =>
        measure('git', ['--git-dir', source, 'cat-file', '--batch'], list),
      );
    }
    const full = await best(options.repeat, () => collect(config(source)), clean);
    const again = await best(options.repeat, () => collect(config(source)));
    const row = (name: string, run: Run, note = '') =>
      console.log(
        `${name.padEnd(44)} ${number(run.seconds, 2).padStart(7)} s  CPU ${run.cpuSeconds === null ? '?' : number(run.cpuSeconds, 1).padStart(5)} s  peak ${run.peakKb === null ? '?' : number(run.peakKb / 1024)} MB${note}`,
      );
    console.log('');
    if (baseline) row(`git cat-file --batch of ${number(blobs)} messages`, baseline);
    row(
      'barometer collect, everything',
      full,
      baseline
        ? `  (${number(full.seconds / baseline.seconds, 1)}x cat-file; goal under ${MAIL_GOALS.fullSeconds} s)`
        : '',
    );
    row(
      'barometer collect, nothing new',
      again,
      `  (goal under ${MAIL_GOALS.incrementalSeconds} s)`,
    );
    if (baseline && blobs >= 4) {
      const half = await firstPart(source, Math.floor(blobs / 2), work);
      const halfDb = join(work, 'half.duckdb');
      const halfRun = await collect(config(half, 'half'), halfDb);
      row(
        'barometer collect, first half of the archive',
        halfRun,
        '  (memory flat: compare peaks)',
      );
    }
    console.log(
      `\nGoals: everything under ${MAIL_GOALS.fullSeconds} s ${full.seconds < MAIL_GOALS.fullSeconds ? 'met' : 'NOT met'}; ` +
        `nothing new under ${MAIL_GOALS.incrementalSeconds} s ${again.seconds < MAIL_GOALS.incrementalSeconds ? 'met' : 'NOT met'} ` +
        `(load average now ${loadavg()
          .map((l) => number(l, 1))
          .join(' ')})`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
