/**
 * What code size reads from a repository: the regular files of a commit's tree, and blobs. Two
 * engines give the same answers (the tests compare them): the git CLI (`git ls-tree -r` and one
 * `git cat-file --batch`) and the object store (collectors/git/object-store.ts), which needs no git.
 */
import { decodeText } from '../git/parse-commit.ts';

/** A regular file of a tree (symbolic links and submodules are not files). */
export interface TreeFile {
  /** Its path from the repository's root, `/`-separated, each segment decoded like git's names. */
  path: string;
  /** Its blob id (40 hex digits). */
  blob: string;
}

/** Reads trees and blobs of one repository. */
export interface CodeSizeReader {
  readonly engine: 'git-cli' | 'isomorphic-git';
  /** The regular files (mode 100644, 100755 or an old 1006xx) of `commit`'s tree, in tree order. */
  listFiles(commit: string): Promise<TreeFile[]>;
  /**
   * Reads every blob of `ids` and calls `onBlob` with it, in the order of `ids`. `onBlob` may
   * return a promise; the next blob waits for it. Throws `source` when a blob is missing.
   */
  readBlobs(
    ids: readonly string[],
    onBlob: (id: string, data: Uint8Array) => void | Promise<void>,
  ): Promise<void>;
  /** Releases processes and files. */
  close(): void;
}

/** True for the mode of a regular file (`100644`, `100755`, or an old `100664`), as octal text. */
export const isRegularFile = (mode: string) => mode.length === 6 && mode.startsWith('100');

/**
 * A path's bytes as text, one segment at a time like tree names (UTF-8, else Latin-1 for a segment
 * that is not valid UTF-8), so both engines decode odd names alike.
 */
export function decodePath(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length && ascii; i++) if (bytes[i]! >= 0x80) ascii = false;
  if (ascii)
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x2f) {
      parts.push(decodeText(bytes.subarray(start, i)));
      start = i + 1;
    }
  }
  return parts.join('/');
}
