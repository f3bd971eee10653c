/**
 * The engine that needs nothing installed: history read in pure JavaScript. isomorphic-git resolves
 * refs, clones and fetches (see repository-refs.ts and remote-cache.ts); objects are read by
 * object-store.ts, which reads each pack index once and keeps memory flat, because isomorphic-git's
 * own `log()` walk repeats merges and its object reads grow with the history.
 */
import type * as NodeFs from 'node:fs';
import type { CommitSource, MinedCommit, WalkOptions } from './commit-source.ts';
import { openObjectStore, type ObjectStore, type StoreFs } from './object-store.ts';
import { parseCommit, type UnreadableCommit } from './parse-commit.ts';
import { diffTrees, TreeCache } from './tree-diff.ts';

/** Options for {@link createIsomorphicGitSource}. */
export interface IsomorphicGitSourceOptions {
  /** The file system (`node:fs`). */
  fs: StoreFs | typeof NodeFs;
  /** Bytes of resolved objects kept as delta bases. Default 64 MiB. */
  cacheBytes?: number;
}

/** A commit id and its parents, as the walk finds them. */
function parentsOf(store: ObjectStore, id: string): string[] {
  const object = store.read(id);
  if (object.type !== 'commit') throw new Error(`object ${id} is a ${object.type}, not a commit`);
  // Only the header is needed: parents are the `parent` lines before the first blank line.
  const data = object.data;
  const parents: string[] = [];
  let pos = 0;
  while (pos < data.length) {
    const nl = data.indexOf(0x0a, pos);
    const end = nl < 0 ? data.length : nl;
    if (end === pos) break;
    if (data[pos] === 0x70 && data.toString('latin1', pos, pos + 7) === 'parent ') {
      parents.push(data.toString('latin1', pos + 7, pos + 47));
    }
    pos = end + 1;
  }
  return parents;
}

/**
 * The commits to mine, oldest first with parents before children: everything reachable from
 * `head` that is not known and not behind an `exclude` commit. The walk stops at known commits
 * only when `knownClosed` says their ancestry is stored too; otherwise it walks through them.
 * Ids only, so memory holds one short string per new commit. Parents missing from the repository
 * (a shallow clone) end the walk there.
 */
export function commitsToMine(store: ObjectStore, options: WalkOptions): string[] {
  const stop = new Set(options.exclude);
  const state = new Map<string, 1 | 2>(); // 1: parents pushed, 2: emitted
  const order: string[] = [];
  const skip = options.knownClosed
    ? (id: string) => stop.has(id) || options.isKnown(id) || !store.has(id)
    : (id: string) => stop.has(id) || !store.has(id);
  if (skip(options.head)) return order;
  const stack = [options.head];
  while (stack.length > 0) {
    const id = stack[stack.length - 1]!;
    const seen = state.get(id);
    if (seen === 2) {
      stack.pop();
    } else if (seen === 1) {
      stack.pop();
      state.set(id, 2);
      if (!options.isKnown(id)) order.push(id);
    } else {
      state.set(id, 1);
      const parents = parentsOf(store, id);
      // Reverse, so the first parent's line is finished first (closest to git's topo order).
      for (let i = parents.length - 1; i >= 0; i--) {
        const parent = parents[i]!;
        if (!state.has(parent) && !skip(parent)) stack.push(parent);
      }
    }
  }
  return order;
}

/** The tree id of a commit. */
function treeOf(store: ObjectStore, id: string): string {
  const data = store.read(id).data;
  return data.toString('latin1', 5, 45);
}

/**
 * Reads one commit fully (metadata, message and, when asked, changed files), or says why it cannot
 * be stored.
 */
export function mineCommit(
  store: ObjectStore,
  trees: TreeCache,
  id: string,
  withFiles: boolean,
): MinedCommit | UnreadableCommit {
  const object = store.read(id);
  if (object.type !== 'commit') throw new Error(`object ${id} is a ${object.type}, not a commit`);
  const parsed = parseCommit(object.data);
  if ('unreadable' in parsed) return parsed;
  let files = null;
  if (withFiles && parsed.parents.length <= 1) {
    const first = parsed.parents[0];
    const parentTree = first && store.has(first) ? treeOf(store, first) : null;
    files = diffTrees(store, trees, parentTree, parsed.tree);
  }
  return {
    id,
    parents: parsed.parents,
    author: parsed.author,
    committer: parsed.committer,
    message: parsed.message,
    files,
  };
}

/** The isomorphic-git engine: no git binary needed. */
export function createIsomorphicGitSource(options: IsomorphicGitSourceOptions): CommitSource {
  const fs = options.fs as StoreFs;
  return {
    engine: 'isomorphic-git',
    async *walk(walk: WalkOptions): AsyncIterable<MinedCommit> {
      const store = openObjectStore(fs, walk.gitdir, { cacheBytes: options.cacheBytes });
      try {
        const trees = new TreeCache(store);
        const order = walk.commits ?? commitsToMine(store, walk);
        walk.onTotal?.(order.length);
        for (const id of order) {
          const mined = mineCommit(store, trees, id, walk.withFiles);
          if ('unreadable' in mined) walk.onUnreadable?.(id, mined.unreadable, mined.parents);
          else yield mined;
        }
      } finally {
        store.close();
      }
    },
  };
}
