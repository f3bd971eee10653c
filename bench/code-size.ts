/**
 * The code-size bench: counts source lines at every tag matching a pattern (`RELEASE-*` of a
 * repository given, or `bench-*` of the generated history) with each engine into a fresh database,
 * then again with nothing new, and times the whole `barometer collect` command with nothing new;
 * `git ls-tree -r` of the same tags and `git cat-file --batch` of the same blobs, measured in the
 * same run, give the ratio. Each measurement runs in its own process.
 *
 * `npm run bench -- code-size [PATH] [--tags PATTERN] [--engines git-cli,isomorphic-git]
 * [--commits N] [--repeat N]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { matchingTags } from './code-size-tasks.ts';
import { generateHistory } from './generate-history.ts';
import { measure, timeCommand, type Measurement } from './measure.ts';
import { megabytes, number, parseEngines, warmPageCache } from './mine.ts';

/** Goals from the issue: every release tag of xen.git in under 60 s; nothing new under 2 s. */
export const CODE_SIZE_GOALS = { firstRunSeconds: 60, nothingNewSeconds: 2 } as const;

type Engine = 'git-cli' | 'isomorphic-git';

/** Parsed command line of the code-size bench. */
export interface CodeSizeBenchOptions {
  /** A repository to count instead of the generated history. */
  path: string | null;
  /** The tag pattern; default `RELEASE-*` for a repository given, `bench-*` when generated. */
  tags: string | null;
  engines: Engine[];
  /** Commits of the generated history (a tag every tenth of them). Default 20,000. */
  commits: number;
  /** Runs of each measurement; the fastest counts. Default 1. */
  repeat: number;
}

/** Parses `npm run bench -- code-size [PATH] [--tags P] [--engines a,b] [--commits N] [--repeat N]`. */
export function parseCodeSizeArguments(args: string[]): CodeSizeBenchOptions {
  const options: CodeSizeBenchOptions = {
    path: null,
    tags: null,
    engines: ['git-cli', 'isomorphic-git'],
    commits: 20_000,
    repeat: 1,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--tags') options.tags = value();
    else if (arg === '--commits') options.commits = Number(value());
    else if (arg === '--repeat') options.repeat = Number(value());
    else if (arg === '--engines') options.engines = parseEngines(value());
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else options.path = isAbsolute(arg) ? arg : resolve(arg);
  }
  if (!Number.isInteger(options.commits) || options.commits < 10)
    throw new Error('--commits needs a whole number of at least 10');
  if (!Number.isInteger(options.repeat) || options.repeat < 1)
    throw new Error('--repeat needs a positive whole number');
  return options;
}

const load = () =>
  loadavg()
    .map((l) => number(l, 1))
    .join(' ');

function row(label: string, m: Measurement | null, seconds: number, note = ''): void {
  const cells = [
    label.padEnd(40),
    (m ? number(m.commits) : '').padStart(8),
    (m?.bytes !== undefined ? number(m.bytes / 1e6) : '').padStart(6),
    number(seconds, 2).padStart(7),
    (m?.cpuSeconds !== undefined ? number(m.cpuSeconds, 2) : '').padStart(7),
    (m?.bytes ? number(m.bytes / 1e6 / seconds, 1) : '').padStart(6),
    (m ? megabytes(m.maxRssKb) : '').padStart(8),
    note,
  ];
  console.log(cells.join('  ').trimEnd());
}

async function fastest(task: Parameters<typeof measure>[0], repeat: number, before = () => {}) {
  let best: Measurement | null = null;
  for (let i = 0; i < repeat; i++) {
    before();
    const m = await measure(task);
    if (!best || m.seconds < best.seconds) best = m;
  }
  return best!;
}

/** Runs the code-size bench and prints its table. */
export async function runCodeSizeBench(args: string[]): Promise<void> {
  const options = parseCodeSizeArguments(args);
  const gitVersion = spawnSync('git', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(
    `Barometer code-size bench: ${cpus().length} CPUs, Node ${process.version}, ${gitVersion}, ` +
      `load average ${load()}`,
  );
  let gitdir: string;
  let tags: string;
  if (options.path) {
    gitdir = spawnSync('git', ['rev-parse', '--absolute-git-dir'], {
      cwd: options.path,
      encoding: 'utf8',
    }).stdout.trim();
    tags = options.tags ?? 'RELEASE-*';
  } else {
    const step = Math.floor(options.commits / 10);
    const history = await generateHistory({
      commits: options.commits,
      tagsAt: Array.from({ length: 10 }, (_, i) => step * (i + 1)),
    });
    gitdir = history.gitdir;
    tags = options.tags ?? 'bench-*';
  }
  const count = (await matchingTags(gitdir, tags)).length;
  console.log(`History: ${options.path ?? 'generated'}; ${number(count)} tags match ${tags}\n`);
  await warmPageCache(gitdir);

  console.log(
    `${'measurement'.padEnd(40)}  ${'files'.padStart(8)}  ${'MB'.padStart(6)}  ${'wall s'.padStart(7)}` +
      `  ${'CPU s'.padStart(7)}  ${'MB/s'.padStart(6)}  ${'peak RSS'.padStart(8)}  ratio`,
  );
  const base = await fastest({ kind: 'git-blobs', gitdir, tags }, options.repeat);
  row('git ls-tree -r + git cat-file --batch', base, base.seconds);

  const work = mkdtempSync(join(tmpdir(), 'barometer-bench-code-size-'));
  const summary: string[] = [];
  try {
    let firstDb: string | null = null;
    for (const engine of options.engines) {
      const db = join(work, `${engine}.duckdb`);
      const task = { kind: 'code-size' as const, engine, gitdir, db, tags };
      const first = await fastest(task, options.repeat, () => rmSync(db, { force: true }));
      const met = first.seconds < CODE_SIZE_GOALS.firstRunSeconds;
      row(
        `${engine}: every tag, fresh database`,
        first,
        first.seconds,
        `${number(first.seconds / base.seconds, 2)}× git (goal < ${CODE_SIZE_GOALS.firstRunSeconds} s: ${met ? 'met' : 'NOT met'})`,
      );
      summary.push(
        `${engine}: every tag counted in ${number(first.seconds, 1)} s: ${met ? 'met' : 'NOT met'}`,
      );
      const again = await fastest(task, options.repeat);
      row(`${engine}: again, nothing new`, again, again.seconds);
      firstDb ??= db;
    }
    if (firstDb && options.path) {
      // The whole command a user runs, once the history is mined: Node start-up, the branch
      // check, code size's tag check and the areas and affiliations kept as they were.
      const config = join(work, 'bench.json');
      writeFileSync(
        config,
        JSON.stringify({
          name: 'bench',
          repositories: [{ source: options.path, name: 'bench' }],
          codeSize: { at: { tags } },
        }),
      );
      const command = ['collect', config, '--db', firstDb];
      const setup = await timeCommand(command);
      console.log(
        `\n(setup: mining the history into the same database took ${number(setup, 1)} s)`,
      );
      let seconds = Infinity;
      for (let i = 0; i < Math.max(2, options.repeat); i++)
        seconds = Math.min(seconds, await timeCommand(command));
      const met = seconds < CODE_SIZE_GOALS.nothingNewSeconds;
      row(
        'barometer collect CONFIG, nothing new',
        null,
        seconds,
        `(goal < 2 s: ${met ? 'met' : 'NOT met'})`,
      );
      summary.push(
        `whole command with no new tag: ${number(seconds, 2)} s: ${met ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    `\nCPU s counts the Node process and the git processes it ran; load average now ${load()}.`,
  );
  for (const line of summary) console.log(line);
}
