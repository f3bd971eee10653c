/**
 * A configured list source → the archives to read: an mbox file, one public-inbox epoch (a git
 * repository, local or fetched from an http(s) URL into the cache), or every epoch of a v2 inbox
 * folder (`git/0.git`, `git/1.git`, …, in number order).
 */
import { createHash } from 'node:crypto';
import type * as NodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ListConfig } from '../../src/lib/config/project-config.ts';
import { BarometerError } from '../../src/lib/errors.ts';
import { isHttpUrl } from '../../src/lib/config/source-url.ts';
import { syncRemote } from '../git/remote-cache.ts';
import { runGit as git } from './run-git.ts';

/** One archive of a list. */
export interface ListArchive {
  list: string;
  /** The source as configured. */
  source: string;
  /** '' for a source that is one archive; `git/N.git` for an epoch of a v2 inbox folder. */
  epoch: string;
  kind: 'public-inbox' | 'mbox';
  /** The file (mbox) or git directory (epoch) to read. */
  path: string;
  /** The epoch's head when it was fetched (remote sources), else null (read from the path). */
  head: string | null;
}

function isGitDir(fs: typeof NodeFs, dir: string): boolean {
  return fs.existsSync(join(dir, 'HEAD')) && fs.existsSync(join(dir, 'objects'));
}

const shown = (url: string) => url.replace(/\/\/[^/@]*@/, '//');

/** Clones (first run) or fetches an epoch with the git CLI into `gitdir`; returns its head. */
async function syncWithGit(url: string, gitdir: string, fs: typeof NodeFs): Promise<string> {
  if (!fs.existsSync(join(gitdir, 'config'))) {
    const partial = `${gitdir}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    const clone = await git(['clone', '--mirror', '--quiet', url, partial]);
    if (clone.code !== 0) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw new BarometerError(
        'source',
        `cannot fetch ${shown(url)}: ${clone.err.trim().split('\n').pop()}`,
        {
          url: shown(url),
        },
      );
    }
    fs.renameSync(partial, gitdir);
  } else {
    const fetch = await git(['--git-dir', gitdir, 'fetch', '--quiet', 'origin']);
    if (fetch.code !== 0) {
      throw new BarometerError(
        'source',
        `cannot fetch ${shown(url)}: ${fetch.err.trim().split('\n').pop()}`,
        {
          url: shown(url),
        },
      );
    }
  }
  const head = await git(['--git-dir', gitdir, 'rev-parse', '--verify', '-q', 'HEAD^{commit}']);
  if (head.code !== 0) {
    // A mirror made by isomorphic-git names its branch under refs/remotes.
    const fetched = await git(['--git-dir', gitdir, 'rev-parse', '--verify', '-q', 'FETCH_HEAD']);
    if (fetched.code !== 0)
      throw new BarometerError('source', `${shown(url)} has no commits`, { url: shown(url) });
    return fetched.out.trim();
  }
  return head.out.trim();
}

/** Options for {@link listArchives}. */
export interface ArchiveOptions {
  fs: typeof NodeFs;
  /** Folder of fetched epochs (`data/repos`). */
  cacheDir: string;
  /** Fetch with the git CLI (else isomorphic-git). */
  useGit: boolean;
}

/**
 * The archives of one configured source, fetching a remote epoch first. Throws `not-found` for a
 * missing path, `bad-input` for a folder that is no archive, `source` for an unreachable URL.
 */
export async function listArchives(
  config: ListConfig,
  options: ArchiveOptions,
): Promise<ListArchive[]> {
  const { fs } = options;
  const base = { list: config.name, source: config.source };
  if (isHttpUrl(config.source)) {
    const slug = config.source
      .replace(/^https?:\/\/([^/@]*@)?/i, '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .slice(0, 60);
    const hash = createHash('sha1').update(config.source).digest('hex').slice(0, 8);
    const gitdir = join(options.cacheDir, 'lists', `${slug}-${hash}.git`);
    fs.mkdirSync(dirname(gitdir), { recursive: true });
    const head = options.useGit
      ? await syncWithGit(config.source, gitdir, fs)
      : (await syncRemote({ fs, url: config.source, gitdir })).head;
    return [{ ...base, epoch: '', kind: 'public-inbox', path: gitdir, head }];
  }
  if (!fs.existsSync(config.source)) {
    throw new BarometerError(
      'not-found',
      `${config.source}: no such file or folder (list ${config.name})`,
      {
        file: config.source,
      },
    );
  }
  if (fs.statSync(config.source).isFile()) {
    return [{ ...base, epoch: '', kind: 'mbox', path: config.source, head: null }];
  }
  const inbox = join(config.source, 'git');
  if (fs.existsSync(inbox) && fs.statSync(inbox).isDirectory()) {
    const epochs = fs
      .readdirSync(inbox)
      .filter((name) => /^\d+\.git$/.test(name) && isGitDir(fs, join(inbox, name)))
      .sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
    if (epochs.length > 0) {
      return epochs.map((name) => ({
        ...base,
        epoch: `git/${name}`,
        kind: 'public-inbox' as const,
        path: join(inbox, name),
        head: null,
      }));
    }
  }
  const dotGit = join(config.source, '.git');
  const gitdir = isGitDir(fs, config.source) ? config.source : isGitDir(fs, dotGit) ? dotGit : null;
  if (!gitdir) {
    throw new BarometerError(
      'bad-input',
      `${config.source}: not a list archive (a public-inbox epoch, a folder holding git/0.git, or an mbox file) for list ${config.name}`,
      { file: config.source, value: basename(config.source) },
    );
  }
  return [{ ...base, epoch: '', kind: 'public-inbox', path: gitdir, head: null }];
}
