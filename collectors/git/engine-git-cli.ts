/**
 * The fast engine: one `git log` process streams the whole history (metadata, messages and, when
 * asked, `--numstat` changed lines) and {@link GitLogParser} turns it into commits as it arrives.
 * Used where git is installed; isomorphic-git remains the path that needs nothing installed.
 */
import { spawn as nodeSpawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { devNull } from 'node:os';
import { BarometerError } from '../../src/lib/errors.ts';
import type { CommitSource, MinedCommit, WalkOptions } from './commit-source.ts';
import { GIT_LOG_FORMAT, GitLogParser } from './git-cli-log-parser.ts';
import { parseCommit } from './parse-commit.ts';
import { shallowBoundary } from './shallow-history.ts';
import { readAhead } from './git-cli-read-ahead.ts';

/** The subset of `child_process.spawn` the engine uses (injectable for other binaries or sandboxes). */
export type Spawn = (
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdio: ['pipe', 'pipe', 'pipe'] },
) => ChildProcessWithoutNullStreams;

/** Options for {@link createGitCliSource} and {@link findGit}. */
export interface GitCliOptions {
  /** The git binary: a name looked up on PATH or a path. Default: `git`. */
  git?: string;
  /** Reads a file (the shallow list of a shallow clone); null when it does not exist. Default: `node:fs`. */
  readFile?: (path: string) => string | null;
  /** How processes are started. Default: `child_process.spawn`. */
  spawn?: Spawn;
  /** The environment git runs in. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Which renames a file list reports (with `oldPath`): `exact` only when the content is unchanged,
   * as the isomorphic-git engine does, so both engines store the same rows; `similar` as git's own
   * default (at least 50% similar; a changed rename is then one row, not a deletion and an addition).
   * Default: `exact`.
   */
  renames?: 'exact' | 'similar';
}

const STDERR_KEEP = 8 * 1024;

/**
 * Settings that would change what git prints, pinned so a user's git config cannot alter the data:
 * renames detected, Myers diff, root commits diffed against the empty tree, no signatures, no
 * attributes from outside the repository (a `binary` or `-diff` attribute would hide line counts).
 */
const PINNED_CONFIG = [
  `core.attributesFile=${devNull}`,
  'core.bigFileThreshold=512m',
  'core.quotePath=false',
  'diff.renames=true',
  'diff.algorithm=myers',
  'diff.ignoreSubmodules=none',
  'diff.noprefix=false',
  'diff.relative=false',
  'log.showRoot=true',
  'log.showSignature=false',
  'log.mailmap=false',
  'i18n.logOutputEncoding=UTF-8',
];

/**
 * Variables that point git at another repository, object store or config (`git rev-parse
 * --local-env-vars`): set when Barometer runs inside a git hook or alias, they would make git read
 * something other than the repository asked for.
 */
const REPOSITORY_VARIABLES = new Set([
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CONFIG',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'GIT_OBJECT_DIRECTORY',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_SHALLOW_FILE',
  'GIT_COMMON_DIR',
]);

/**
 * The environment git runs in for Barometer: the caller's (default `process.env`) without the
 * variables that would point git at another repository (a hook's GIT_DIR, GIT_INDEX_FILE, …), no
 * prompts, no pager, C locale.
 */
export function environment(options: GitCliOptions): NodeJS.ProcessEnv {
  const inherited = Object.entries(options.env ?? process.env).filter(
    ([name]) => !REPOSITORY_VARIABLES.has(name) && !/^GIT_CONFIG_(KEY|VALUE)_\d+$/.test(name),
  );
  return {
    ...Object.fromEntries(inherited),
    GIT_TERMINAL_PROMPT: '0',
    GIT_NO_REPLACE_OBJECTS: '1',
    GIT_PAGER: 'cat',
    GIT_ATTR_NOSYSTEM: '1',
    // git log flushes stdout after every commit when it writes to a pipe; one write per commit
    // costs more system time than the whole parse. Let stdio fill its buffer instead.
    GIT_FLUSH: '0',
    LC_ALL: 'C',
  };
}

/** The environment git runs in: `options.env` without variables that redirect git, pinned locale. */
export const gitEnvironment = environment;

/**
 * The `git log` arguments for a walk (revisions come on stdin): with `withFiles`, `--numstat` and
 * rename detection (`renames`, default `exact`: `-M100%`; `similar`: `-M`). Commits come in git's
 * default order, newest first, as git walks: `--reverse` or `--topo-order` would make git walk the
 * whole history before writing its first commit (0.4 s of a 2 s run on xen.git). With `noWalk`,
 * git shows exactly the commits given, in the order given (one part of a split history).
 */
export function gitLogArguments(
  gitdir: string,
  withFiles: boolean,
  renames: GitCliOptions['renames'] = 'exact',
  noWalk = false,
): string[] {
  return [
    ...PINNED_CONFIG.flatMap((setting) => ['-c', setting]),
    '--git-dir',
    gitdir,
    'log',
    ...(noWalk ? ['--no-walk=unsorted'] : []),
    '--stdin',
    '-z',
    '--encoding=UTF-8',
    '--date=raw',
    `--format=${GIT_LOG_FORMAT}`,
    '--no-color',
    '--no-notes',
    '--no-use-mailmap',
    ...(withFiles
      ? ['--numstat', renames === 'similar' ? '-M' : '-M100%', '--no-textconv', '--no-ext-diff']
      : []),
  ];
}

/** Keeps the last few kilobytes of a stream, for error messages. */
function tail(child: ChildProcessWithoutNullStreams): () => string {
  let kept = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    kept = (kept + text).slice(-STDERR_KEEP);
  });
  return () => kept.trim();
}

function lastLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.at(-1) ?? '';
}

/**
 * The git binary when it can be run (`git --version` succeeds), else null.
 * `options.git` defaults to `git` on PATH.
 */
export async function findGit(options: GitCliOptions = {}): Promise<string | null> {
  const git = options.git ?? 'git';
  const spawn = options.spawn ?? (nodeSpawn as Spawn);
  try {
    const child = spawn(git, ['--version'], {
      env: environment(options),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end();
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => (out += text));
    child.stderr.resume();
    const [code] = (await once(child, 'close')) as [number | null];
    return code === 0 && /^git version \d/.test(out) ? git : null;
  } catch {
    // ENOENT arrives as an 'error' event, which `once` rejects with.
    return null;
  }
}

/**
 * How many commits a walk will yield: `git rev-list` of the same revisions, without the known ones.
 * Null when git fails (the walk itself then reports why).
 */
function countCommits(
  options: GitCliOptions,
  gitdir: string,
  revisions: string[],
  isKnown: (id: string) => boolean,
): Promise<number | null> {
  const spawn = options.spawn ?? (nodeSpawn as Spawn);
  const child = spawn(options.git ?? 'git', ['--git-dir', gitdir, 'rev-list', '--stdin'], {
    cwd: gitdir,
    env: environment(options),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.on('error', () => {});
  child.stdin.end(revisions.join('\n') + '\n');
  child.stderr.resume();
  let count = 0;
  let carry = '';
  child.stdout.setEncoding('latin1');
  child.stdout.on('data', (text: string) => {
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    for (const id of lines) if (id && !isKnown(id)) count++;
  });
  return once(child, 'close').then(
    ([code]) => (code === 0 ? count : null),
    () => null,
  );
}

/** Runs git to completion and returns its stdout; throws a `source` error when it fails. */
async function runGit(options: GitCliOptions, gitdir: string, args: string[]): Promise<string> {
  const spawn = options.spawn ?? (nodeSpawn as Spawn);
  const child = spawn(options.git ?? 'git', ['--git-dir', gitdir, ...args], {
    cwd: gitdir,
    env: environment(options),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin.end();
  const stderr = tail(child);
  let out = '';
  child.stdout.setEncoding('latin1');
  child.stdout.on('data', (text: string) => (out += text));
  let code: number | null;
  let reason: string;
  try {
    [code] = (await once(child, 'close')) as [number | null];
    reason = lastLine(stderr());
  } catch (error) {
    // The binary could not be started ('error' event).
    code = null;
    reason = error instanceof Error ? error.message : String(error);
  }
  if (code !== 0) {
    throw new BarometerError('source', `git ${args[0]} failed in ${gitdir}: ${reason}`, {
      file: gitdir,
    });
  }
  return out;
}

function readFileOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'latin1');
  } catch {
    return null;
  }
}

/** The parents a commit object names (`git cat-file`, which ignores shallow grafts). */
async function storedParents(
  options: GitCliOptions,
  gitdir: string,
  id: string,
): Promise<string[]> {
  const object = await runGit(options, gitdir, ['cat-file', 'commit', id]);
  const header = object.slice(0, object.indexOf('\n\n') >>> 0);
  return header
    .split('\n')
    .filter((line) => line.startsWith('parent '))
    .map((line) => line.slice(7));
}

/**
 * Finishes a group of parsed commits: the parents of shallow boundary commits, and the author and
 * committer of commits git printed without a readable date, read from the commit object the way
 * the isomorphic-git engine reads them. Commits that still have none are reported, not returned.
 */
async function completeCommits(
  options: GitCliOptions,
  walk: WalkOptions,
  parser: GitLogParser,
  shallow: Set<string>,
  commits: MinedCommit[],
): Promise<MinedCommit[]> {
  const out: MinedCommit[] = [];
  for (const commit of commits) {
    if (shallow.has(commit.id))
      commit.parents = await storedParents(options, walk.gitdir, commit.id);
    if (parser.needsObject(commit)) {
      const object = await runGit(options, walk.gitdir, ['cat-file', 'commit', commit.id]);
      const parsed = parseCommit(Buffer.from(object, 'latin1'));
      if ('unreadable' in parsed) {
        walk.onUnreadable?.(commit.id, parsed.unreadable, parsed.parents);
        continue;
      }
      commit.author = parsed.author;
      commit.committer = parsed.committer;
    }
    out.push(commit);
  }
  return out;
}

async function* walkBatches(
  options: GitCliOptions,
  walkOptions: WalkOptions,
): AsyncGenerator<MinedCommit[]> {
  const git = options.git ?? 'git';
  const spawn = options.spawn ?? (nodeSpawn as Spawn);
  const { gitdir, head, exclude, withFiles, commits: only } = walkOptions;
  const isKnown = only ? () => false : walkOptions.isKnown;
  const revisions = only ? [...only] : [head, ...exclude.map((id) => `^${id}`)];
  for (const revision of revisions) {
    // Revisions are commit ids from the pipeline; anything else could be read as an option.
    if (!/^\^?[0-9a-f]{4,64}$/i.test(revision)) {
      throw new BarometerError('source', `not a commit id: ${revision}`, { value: revision });
    }
  }
  // git log shows the boundary commits of a shallow clone without parents; their commit objects
  // still name them, and the isomorphic-git engine reports those.
  const shallow = shallowBoundary(options.readFile ?? readFileOrNull, gitdir);
  const child = spawn(
    git,
    gitLogArguments(gitdir, withFiles, options.renames, only !== undefined),
    {
      cwd: gitdir,
      env: environment(options),
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const stderr = tail(child);
  let spawnError: Error | null = null;
  child.on('error', (error) => (spawnError = error));
  const closed = once(child, 'close').catch(() => [null]) as Promise<[number | null]>;
  child.stdin.on('error', () => {}); // git may exit before reading stdin (bad repository).
  child.stdin.end(revisions.join('\n') + '\n');

  // Counted beside the walk by `git rev-list`. The count usually arrives a little after git log's
  // first commits; waiting for it would hold them back, so it is reported as soon as it is known,
  // and at the latest before the walk ends.
  const total = !walkOptions.onTotal
    ? null
    : only
      ? Promise.resolve(only.length)
      : countCommits(options, gitdir, revisions, isKnown);
  let totalReported = total === null;
  const reportTotal = (count: number | null) => {
    if (totalReported) return;
    totalReported = true;
    if (count !== null) walkOptions.onTotal?.(count);
  };
  void total?.then(reportTotal);
  const parser = new GitLogParser({ withFiles, skip: isKnown });
  const failed = (code: number | null, cause?: unknown) => {
    const reason = spawnError ? (spawnError as Error).message : lastLine(stderr());
    return new BarometerError(
      'source',
      `git log failed in ${gitdir}: ${reason || `exit code ${String(code)}`}`,
      { file: gitdir, value: head },
      { cause: spawnError ?? cause },
    );
  };
  let finished = false;
  try {
    try {
      for await (const commits of readAhead(child.stdout, (chunk) => parser.push(chunk))) {
        yield await completeCommits(options, walkOptions, parser, shallow, commits);
      }
    } catch (error) {
      // Output git cut short is explained by git's own error, when it has one.
      child.kill('SIGTERM');
      const [code] = await closed;
      if (spawnError || (code !== 0 && code !== null)) throw failed(code, error);
      throw error;
    }
    const [code] = await closed;
    if (spawnError || code !== 0) throw failed(code);
    finished = true;
    const last = await completeCommits(options, walkOptions, parser, shallow, parser.end());
    if (!totalReported) reportTotal(await total);
    if (last.length > 0) yield last;
  } finally {
    totalReported = true;
    // The consumer stopped early (or something threw): do not leave git running.
    if (!finished && child.exitCode === null && child.signalCode === null) {
      child.stdout.destroy();
      child.kill('SIGTERM');
    }
  }
}

/**
 * A {@link CommitSource} that runs the git CLI (`engine: 'git-cli'`). Check {@link findGit} first;
 * a walk fails with a `source` error when git cannot be run or the repository cannot be read.
 */
export function createGitCliSource(options: GitCliOptions = {}): CommitSource {
  return {
    engine: 'git-cli',
    async *walk(walkOptions) {
      for await (const commits of walkBatches(options, walkOptions)) yield* commits;
    },
    walkBatches: (walkOptions) => walkBatches(options, walkOptions),
  };
}
