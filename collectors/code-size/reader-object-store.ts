/**
 * The code-size reader that needs nothing installed: trees and blobs straight from the packs,
 * through the object store the isomorphic-git engine mines with. Trees are parsed once per run
 * however many points share them (most folders do not change between releases).
 */
import { BarometerError } from '../../src/lib/errors.ts';
import type { ObjectStore } from '../git/object-store.ts';
import { parseTree, type TreeEntry } from '../git/parse-commit.ts';
import { isRegularFile, type CodeSizeReader, type TreeFile } from './code-size-reader.ts';

/** A reader over `store` (which the caller closes). */
export function objectStoreReader(store: ObjectStore): CodeSizeReader {
  const trees = new Map<string, TreeEntry[]>();
  const read = (oid: string, type: string) => {
    let object;
    try {
      object = store.read(oid);
    } catch (cause) {
      throw new BarometerError('source', `cannot read ${type} ${oid}: ${String(cause)}`, {
        value: oid,
      });
    }
    if (object.type !== type)
      throw new BarometerError('source', `${oid} is a ${object.type}, not a ${type}`, {
        value: oid,
      });
    return object.data;
  };
  const entries = (oid: string): TreeEntry[] => {
    let parsed = trees.get(oid);
    if (!parsed) trees.set(oid, (parsed = parseTree(read(oid, 'tree'))));
    return parsed;
  };
  const walk = (oid: string, prefix: string, out: TreeFile[]) => {
    for (const entry of entries(oid)) {
      if (entry.mode === '40000') walk(entry.oid, `${prefix}${entry.name}/`, out);
      else if (isRegularFile(entry.mode)) out.push({ path: prefix + entry.name, blob: entry.oid });
    }
  };
  return {
    engine: 'isomorphic-git',
    async listFiles(commit) {
      const tree = read(commit, 'commit').toString('latin1', 5, 45);
      const out: TreeFile[] = [];
      walk(tree, '', out);
      return out;
    },
    async readBlobs(ids, onBlob) {
      for (const id of ids) await onBlob(id, read(id, 'blob'));
    },
    close() {
      trees.clear();
    },
  };
}
