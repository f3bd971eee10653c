/**
 * Where a repository's history starts: its git directory, the branch that counts and that branch's
 * head, plus the ancestry question that tells an incremental run from a rewritten history.
 * Refs are resolved with isomorphic-git; no git binary is needed.
 */
import type * as NodeFs from 'node:fs';
import { join, resolve } from 'node:path';
import git from 'isomorphic-git';
import { BarometerError } from '../../src/lib/errors.ts';
import type { ObjectStore } from './object-store.ts';
import { parseTree } from './parse-commit.ts';

type Fs = typeof NodeFs;

/**
 * The git directory of a local repository: `<path>/.git` of a work tree (or the folder a `.git`
 * file points to; for a linked work tree, the repository's common folder), or `path` itself when
 * it is bare. Throws `not-found` when `path` does not exist
 * and `source` when it is not a git repository.
 */
export function locateGitDir(fs: Fs, path: string): string {
  if (!fs.existsSync(path)) {
    throw new BarometerError('not-found', `${path}: no such file or folder`, { file: path });
  }
  const dotGit = join(path, '.git');
  if (fs.existsSync(dotGit)) {
    if (fs.statSync(dotGit).isDirectory()) return dotGit;
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
    if (pointer) {
      // A linked work tree (`git worktree add`): objects and branches live in the common folder.
      const linked = resolve(path, pointer[1]!);
      const common = join(linked, 'commondir');
      return fs.existsSync(common)
        ? resolve(linked, fs.readFileSync(common, 'utf8').trim())
        : linked;
    }
  }
  if (
    fs.existsSync(join(path, 'HEAD')) &&
    fs.existsSync(join(path, 'objects')) &&
    fs.existsSync(join(path, 'refs'))
  ) {
    return path;
  }
  throw new BarometerError('source', `${path}: not a git repository`, { file: path });
}

/** The commit an object id names, peeling annotated tags. */
export function peelToCommit(store: ObjectStore, oid: string): string {
  let id = oid;
  for (let depth = 0; depth < 10; depth++) {
    const object = store.read(id);
    if (object.type === 'commit') return id;
    if (object.type !== 'tag') break;
    id = object.data.toString('latin1', 7, 47); // "object <id>"
  }
  throw new BarometerError('source', `${oid} does not name a commit`, { value: oid });
}

/** A branch and the commit at its tip. */
export interface BranchHead {
  /** The branch as the user would name it (`main`, `origin/master`, or `HEAD` when detached). */
  branch: string;
  /** The commit id at the branch's tip. */
  commitId: string;
}

async function tryResolve(fs: Fs, gitdir: string, ref: string): Promise<string | null> {
  try {
    return await git.resolveRef({ fs, gitdir, ref });
  } catch {
    return null;
  }
}

async function symbolicTarget(fs: Fs, gitdir: string, ref: string): Promise<string | null> {
  try {
    const target = await git.resolveRef({ fs, gitdir, ref, depth: 2 });
    return target.startsWith('refs/') ? target : null;
  } catch {
    return null;
  }
}

const shortName = (ref: string) => ref.replace(/^refs\/(heads|remotes|tags)\//, '');

/**
 * The branch to mine and its head. A configured `branch` is looked up as a local branch, then as
 * `origin/<branch>`, then as a tag or full ref (`preferRemote` tries `origin/<branch>` first, as a
 * Barometer clone keeps the remote's branches there). Without one: the remote's default branch
 * (`refs/remotes/origin/HEAD`) when the repository records it, else HEAD.
 * Throws `not-found` naming the branch and repository when it does not exist.
 */
export async function resolveBranchHead(
  fs: Fs,
  store: ObjectStore,
  gitdir: string,
  branch: string | undefined,
  options: { preferRemote?: boolean; repository?: string } = {},
): Promise<BranchHead> {
  const where = options.repository ?? gitdir;
  if (branch) {
    const local = [`refs/heads/${branch}`];
    const remote = [`refs/remotes/origin/${branch}`, `refs/remotes/${branch}`];
    const candidates = [
      ...(options.preferRemote ? [...remote, ...local] : [...local, ...remote]),
      `refs/tags/${branch}`,
      ...(branch.startsWith('refs/') ? [branch] : []),
    ];
    for (const ref of candidates) {
      const oid = await tryResolve(fs, gitdir, ref);
      if (oid) return { branch, commitId: peelToCommit(store, oid) };
    }
    throw new BarometerError('not-found', `branch '${branch}' not found in ${where}`, {
      value: branch,
      file: where,
    });
  }
  const originHead = await symbolicTarget(fs, gitdir, 'refs/remotes/origin/HEAD');
  const ref = originHead ?? (await symbolicTarget(fs, gitdir, 'HEAD'));
  const oid = await tryResolve(fs, gitdir, ref ?? 'HEAD');
  if (!oid) {
    throw new BarometerError('not-found', `${where} has no commits on its default branch`, {
      file: where,
    });
  }
  return { branch: ref ? shortName(ref) : 'HEAD', commitId: peelToCommit(store, oid) };
}

/** The parent ids of a commit, from its header. */
export function commitParents(store: ObjectStore, id: string): string[] {
  const data = store.read(id).data;
  const parents: string[] = [];
  let pos = data.indexOf('\n') + 1;
  while (data.toString('latin1', pos, pos + 7) === 'parent ') {
    parents.push(data.toString('latin1', pos + 7, pos + 47));
    pos += 48;
  }
  return parents;
}

/**
 * True when `ancestor` is reachable from `descendant`. `stopAt` names commits whose ancestry need
 * not be searched (already stored); when the walk that respects it misses `ancestor`, a full walk
 * decides, so a wrong hint costs time, never the answer.
 */
export function isAncestor(
  store: ObjectStore,
  ancestor: string,
  descendant: string,
  stopAt: (id: string) => boolean = () => false,
): boolean {
  const search = (prune: boolean): boolean => {
    const seen = new Set<string>([descendant]);
    const stack = [descendant];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === ancestor) return true;
      if (prune && id !== descendant && stopAt(id)) continue;
      if (!store.has(id)) continue;
      for (const parent of commitParents(store, id)) {
        if (!seen.has(parent)) {
          seen.add(parent);
          stack.push(parent);
        }
      }
    }
    return false;
  };
  return search(true) || search(false);
}

/** The `.mailmap` at the root of a commit's tree, as text; '' when it has none. */
export function readMailmap(store: ObjectStore, commitId: string): string {
  const tree = store.read(commitId).data.toString('latin1', 5, 45);
  const entry = parseTree(store.read(tree).data).find(
    (e) => e.name === '.mailmap' && e.mode !== '40000',
  );
  return entry ? store.read(entry.oid).data.toString('utf8') : '';
}
