/**
 * Reads a public-inbox epoch without a git binary, through Barometer's own pack reader
 * (collectors/git/object-store.ts): walks the first-parent chain from the head back to the last
 * commit read, then reads each commit's tree and its `m` (a message) or `d` (a removal) blob in
 * order. Only commit ids are held in memory (20 bytes each).
 */
import type * as NodeFs from 'node:fs';
import { BarometerError } from '../../src/lib/errors.ts';
import { openObjectStore } from '../git/object-store.ts';
import { parseCommit, parseTree } from '../git/parse-commit.ts';
import { commitParents, resolveBranchHead } from '../git/repository-refs.ts';
import type { ArchiveEntry, ArchiveRead } from './archive-entry.ts';

/** The commit an epoch's HEAD points at, or null for an empty epoch. */
export async function epochHeadObjectStore(
  fs: typeof NodeFs,
  gitdir: string,
): Promise<string | null> {
  const store = openObjectStore(fs, gitdir);
  try {
    return (await resolveBranchHead(fs, store, gitdir, undefined, { repository: gitdir })).commitId;
  } catch {
    return null;
  } finally {
    store.close();
  }
}

/** Reads the commits of `gitdir` after `since` (all when null or no longer in the history). */
export async function readEpochObjectStore(
  fs: typeof NodeFs,
  gitdir: string,
  head: string,
  since: string | null,
): Promise<ArchiveRead> {
  const store = openObjectStore(fs, gitdir);
  const ids: Buffer[] = [];
  let restarted = false;
  try {
    let id: string | undefined = head;
    while (id !== undefined && id !== since) {
      ids.push(Buffer.from(id, 'hex'));
      id = commitParents(store, id)[0];
    }
    if (since !== null && id === undefined) restarted = true;
  } catch (cause) {
    store.close();
    throw new BarometerError(
      'source',
      `${gitdir}: cannot read the epoch's history`,
      {
        file: gitdir,
      },
      { cause },
    );
  }
  async function* entries(): AsyncGenerator<ArchiveEntry> {
    try {
      for (let i = ids.length - 1; i >= 0; i--) {
        const commitId = ids[i]!.toString('hex');
        const commit = parseCommit(store.read(commitId).data);
        const tree = parseTree(store.read(commit.tree).data);
        const m = tree.find((e) => e.name === 'm');
        const d = m ? undefined : tree.find((e) => e.name === 'd');
        const blob = m ?? d;
        if (!blob) continue;
        yield {
          kind: m ? 'message' : 'removal',
          raw: store.read(blob.oid).data,
          // An epoch commit whose date cannot be read gives the message no archive time (0).
          archiveTime: 'unreadable' in commit ? 0 : commit.committer.time.getTime(),
          blobId: blob.oid,
          resumeAt: commitId,
        };
      }
    } finally {
      store.close();
    }
  }
  return { engine: 'isomorphic-git', total: ids.length, restarted, entries: entries() };
}
