/**
 * Remote repositories (http and https URLs) are mirrored with isomorphic-git into a bare cache,
 * `data/repos/<name>.git`: the first run clones, later runs fetch, so only new objects travel and
 * no git binary is needed. A clone is made in a scratch folder and renamed into place, so a run
 * killed half-way leaves no half-made cache.
 */
import type * as NodeFs from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import git from 'isomorphic-git';
import http from 'isomorphic-git/http/node';
import { BarometerError } from '../../src/lib/errors.ts';
import { isRepositoryName, REPOSITORY_NAME_RULE } from '../../src/lib/config/repository-name.ts';
import { isHttpUrl } from '../../src/lib/config/source-url.ts';

type Fs = typeof NodeFs;

/** Options for {@link syncRemote}. */
export interface SyncOptions {
  fs: Fs;
  /** The repository URL (`https://…`, or `http://…`). */
  url: string;
  /** The cache folder for this repository (a bare repository), e.g. `data/repos/xen.git`. */
  gitdir: string;
  /** The branch to fetch. Default: the remote's default branch. */
  branch?: string;
  /** Called with isomorphic-git's progress events (phase, loaded, total). */
  onProgress?: (event: { phase: string; loaded: number; total?: number }) => void;
}

/** What a sync found. */
export interface SyncResult {
  gitdir: string;
  /** The branch fetched (the remote's default when none was asked for), as a short name. */
  branch: string;
  /** The commit at the branch's tip on the remote. */
  head: string;
  /** True when this run made the cache (a clone), false when it fetched into it. */
  cloned: boolean;
}

/**
 * The cache folder of the repository named `name`: `<cacheDir>/<name>.git`. Throws `bad-input` when
 * the name could lead anywhere else (see src/lib/config/repository-name.ts).
 */
export function cacheGitdir(cacheDir: string, name: string): string {
  const folder = resolve(cacheDir);
  const gitdir = resolve(folder, `${name}.git`);
  if (!isRepositoryName(name) || dirname(gitdir) !== folder || !gitdir.startsWith(folder + sep)) {
    throw new BarometerError(
      'bad-input',
      `repository name ${JSON.stringify(name)} must be ${REPOSITORY_NAME_RULE}`,
      { field: 'name', value: name },
    );
  }
  return gitdir;
}

/** The URL without user name or password, for messages. */
function shown(url: string): string {
  return url.replace(/\/\/[^/@]*@/, '//');
}

function failure(url: string, branch: string | undefined, cause: unknown): BarometerError {
  const error = cause as { code?: string; message?: string; data?: { statusCode?: number } };
  const message = (error?.message ?? String(cause)).split('\n')[0]!;
  if (branch && /could not find|not found|NotFoundError/i.test(`${error?.code} ${message}`)) {
    if (!error?.data?.statusCode) {
      return new BarometerError(
        'not-found',
        `branch '${branch}' not found at ${shown(url)}`,
        { value: branch, url: shown(url) },
        { cause },
      );
    }
  }
  const status = error?.data?.statusCode;
  const reason = status ? `HTTP ${status}` : message;
  return new BarometerError(
    'source',
    `cannot fetch ${shown(url)}: ${reason}`,
    { url: shown(url) },
    { cause },
  );
}

/**
 * Clones `url` into `gitdir` (bare) when the cache does not exist yet, else fetches into it, and
 * returns the fetched branch's head. Throws `source` when the URL cannot be reached or read and
 * `not-found` when the branch does not exist there.
 */
export async function syncRemote(options: SyncOptions): Promise<SyncResult> {
  const { fs, url, branch } = options;
  if (!isHttpUrl(url)) {
    throw new BarometerError(
      'bad-input',
      `${shown(url)}: only http(s) URLs can be fetched without git; clone it yourself and give the path`,
      { value: shown(url) },
    );
  }
  const exists = fs.existsSync(join(options.gitdir, 'config'));
  const target = exists ? options.gitdir : `${options.gitdir}.partial-${process.pid}`;
  if (!exists) {
    // Scratch folders of clones that were killed half-way are useless: start clean.
    const folder = dirname(options.gitdir);
    const scratch = `${basename(options.gitdir)}.partial-`;
    for (const entry of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
      if (entry.startsWith(scratch))
        fs.rmSync(join(folder, entry), { recursive: true, force: true });
    }
    await git.init({ fs, dir: target, gitdir: target, bare: true, defaultBranch: 'main' });
    await git.addRemote({ fs, gitdir: target, remote: 'origin', url });
  }
  const onProgress = options.onProgress;
  let result;
  try {
    result = await git.fetch({
      fs,
      http,
      gitdir: target,
      remote: 'origin',
      ...(branch ? { ref: branch } : {}),
      singleBranch: true,
      tags: false,
      ...(onProgress ? { onProgress: (e) => onProgress(e) } : {}),
    });
  } catch (cause) {
    if (!exists) fs.rmSync(target, { recursive: true, force: true });
    throw failure(url, branch, cause);
  }
  const fetched = (branch ?? result.defaultBranch ?? 'HEAD').replace(/^refs\/heads\//, '');
  if (!result.fetchHead) {
    if (!exists) fs.rmSync(target, { recursive: true, force: true });
    throw new BarometerError(
      branch ? 'not-found' : 'source',
      branch
        ? `branch '${branch}' not found at ${shown(url)}`
        : `${shown(url)} has no commits on its default branch`,
      { url: shown(url), value: branch },
    );
  }
  // Record the remote's default branch the way git does, so the cache reads like a clone.
  await git.writeRef({
    fs,
    gitdir: target,
    ref: 'HEAD',
    value: `refs/remotes/origin/${fetched}`,
    symbolic: true,
    force: true,
  });
  if (!exists) fs.renameSync(target, options.gitdir);
  return { gitdir: options.gitdir, branch: fetched, head: result.fetchHead, cloned: !exists };
}
