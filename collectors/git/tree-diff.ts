/**
 * The files a commit changed against its first parent (or the empty tree for a root commit), with
 * lines added and deleted, as `git log --numstat` reports them; identical subtrees are skipped
 * without reading them, and renames are found when the blob is unchanged (exact renames).
 */
import type { MinedFile } from './commit-source.ts';
import { countChangedLines, countLines, isBinaryContent } from './line-diff.ts';
import type { ObjectStore } from './object-store.ts';
import { decodeText } from './parse-commit.ts';

const TREE_MODE = 0o40000;
const GITLINK_MODE = 0o160000;

/** A file side of a change. */
interface Side {
  oid: string;
  /** The octal mode as a number (`0o100644`, `0o40000` for a folder). */
  mode: number;
}

/** One changed path before rename pairing. */
interface Change {
  path: string;
  before: Side | null;
  after: Side | null;
}

/** Raw tree objects by id; the object store's cache keeps recent ones, so nothing is parsed twice in a row. */
export class TreeCache {
  constructor(private readonly store: ObjectStore) {}
  /** The raw bytes of tree `oid`. */
  get(oid: string): Buffer {
    const object = this.store.read(oid);
    if (object.type !== 'tree') throw new Error(`object ${oid} is a ${object.type}, not a tree`);
    return object.data;
  }
}

/** One entry of a raw tree: offsets into its buffer, so unchanged entries cost no strings. */
interface RawEntry {
  /** The octal mode as a number (`0o100644`, `0o40000` for a folder). */
  mode: number;
  nameStart: number;
  nameEnd: number;
  oidStart: number;
}

/** The octal number written in bytes [start, end). */
function octal(tree: Buffer, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 8 + (tree[i]! - 0x30);
  return value;
}

function rawEntries(tree: Buffer): RawEntry[] {
  const out: RawEntry[] = [];
  let pos = 0;
  while (pos < tree.length) {
    const sp = tree.indexOf(0x20, pos);
    const nul = tree.indexOf(0, sp);
    out.push({
      mode: octal(tree, pos, sp),
      nameStart: sp + 1,
      nameEnd: nul,
      oidStart: nul + 1,
    });
    pos = nul + 21;
  }
  return out;
}

/**
 * git's tree order (base_name_compare): bytes of the name, a folder's name as if it ended in `/`.
 * A file and a folder of the same name are different entries, as they are to git.
 */
function compareEntries(a: Buffer, x: RawEntry, b: Buffer, y: RawEntry): number {
  const lenX = x.nameEnd - x.nameStart;
  const lenY = y.nameEnd - y.nameStart;
  const common = Math.min(lenX, lenY);
  // Byte loops, not Buffer.compare: names are short and a native call per entry costs more.
  for (let k = 0; k < common; k++) {
    const d = a[x.nameStart + k]! - b[y.nameStart + k]!;
    if (d !== 0) return d;
  }
  const cx = lenX > common ? a[x.nameStart + common]! : x.mode === TREE_MODE ? 0x2f : 0;
  const cy = lenY > common ? b[y.nameStart + common]! : y.mode === TREE_MODE ? 0x2f : 0;
  return cx - cy;
}

/** True when the 20-byte ids at `i` in `a` and `j` in `b` are equal. */
function sameId(a: Buffer, i: number, b: Buffer, j: number): boolean {
  for (let k = 0; k < 20; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

const side = (tree: Buffer, entry: RawEntry): Side => ({
  oid: tree.toString('hex', entry.oidStart, entry.oidStart + 20),
  mode: entry.mode,
});

const isTree = (s: Side | null) => s !== null && s.mode === TREE_MODE;

function collect(
  trees: TreeCache,
  before: string | null,
  after: string | null,
  prefix: string,
  out: Change[],
): void {
  if (before === after) return;
  const a = before ? trees.get(before) : Buffer.alloc(0);
  const b = after ? trees.get(after) : Buffer.alloc(0);
  const xs = rawEntries(a);
  const ys = rawEntries(b);
  const visit = (name: string, x: Side | null, y: Side | null) => {
    const path = prefix + name;
    // A tree on either side: recurse into it; a file on the other side is a change of its own.
    if (isTree(x) || isTree(y)) {
      collect(trees, isTree(x) ? x!.oid : null, isTree(y) ? y!.oid : null, `${path}/`, out);
      if (x && !isTree(x)) out.push({ path, before: x, after: null });
      if (y && !isTree(y)) out.push({ path, before: null, after: y });
      return;
    }
    out.push({ path, before: x, after: y });
  };
  const name = (tree: Buffer, e: RawEntry) => decodeText(tree.subarray(e.nameStart, e.nameEnd));
  let i = 0;
  let j = 0;
  while (i < xs.length || j < ys.length) {
    const x = xs[i];
    const y = ys[j];
    const order = !x ? 1 : !y ? -1 : compareEntries(a, x, b, y);
    if (order === 0) {
      i++;
      j++;
      const same = x!.mode === y!.mode && sameId(a, x!.oidStart, b, y!.oidStart);
      if (!same) visit(name(b, y!), side(a, x!), side(b, y!));
    } else if (order < 0) {
      i++;
      visit(name(a, x!), side(a, x!), null);
    } else {
      j++;
      visit(name(b, y!), null, side(b, y!));
    }
  }
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Pairs a deleted and an added path holding the same blob into one rename (git's exact renames). */
function pairRenames(changes: Change[]): Array<Change & { oldPath: string | null }> {
  const deletedByOid = new Map<string, Change[]>();
  for (const change of changes) {
    if (change.before && !change.after) {
      const list = deletedByOid.get(change.before.oid) ?? [];
      list.push(change);
      deletedByOid.set(change.before.oid, list);
    }
  }
  const used = new Set<Change>();
  const out: Array<Change & { oldPath: string | null }> = [];
  const added = changes
    .filter((c) => c.after && !c.before)
    .sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  const renamedTo = new Map<Change, Change>();
  for (const change of added) {
    const candidates = (deletedByOid.get(change.after!.oid) ?? []).filter((c) => !used.has(c));
    if (candidates.length === 0) continue;
    const pick =
      candidates.find((c) => baseName(c.path) === baseName(change.path)) ?? candidates[0]!;
    used.add(pick);
    renamedTo.set(change, pick);
  }
  for (const change of changes) {
    if (used.has(change)) continue;
    const source = renamedTo.get(change);
    out.push(
      source
        ? { path: change.path, oldPath: source.path, before: source.before, after: change.after }
        : { ...change, oldPath: null },
    );
  }
  return out;
}

/** A side's content for line counting: a submodule shows as git prints it, one line. */
function content(store: ObjectStore, side: Side | null): Buffer {
  if (!side) return Buffer.alloc(0);
  if (side.mode === GITLINK_MODE) return Buffer.from(`Subproject commit ${side.oid}\n`);
  return store.read(side.oid).data;
}

/** Options for {@link diffTrees}. */
export interface DiffOptions {
  /** Detect renames whose blob is unchanged. Default true. */
  renames?: boolean;
}

/**
 * The files changed from tree `before` (null: the empty tree) to tree `after`, with lines added and
 * deleted (null for binary files), sorted by path.
 */
export function diffTrees(
  store: ObjectStore,
  trees: TreeCache,
  before: string | null,
  after: string,
  options: DiffOptions = {},
): MinedFile[] {
  const changes: Change[] = [];
  collect(trees, before, after, '', changes);
  const paired =
    options.renames === false
      ? changes.map((c) => ({ ...c, oldPath: null }))
      : pairRenames(changes);
  const files = paired.map((change): MinedFile => {
    if (change.before && change.after && change.before.oid === change.after.oid) {
      // A pure rename or mode change: no line changed. Binary-ness still as git reports it.
      const binary =
        change.after.mode !== GITLINK_MODE && isBinaryContent(content(store, change.after));
      return {
        path: change.path,
        oldPath: change.oldPath,
        linesAdded: binary ? null : 0,
        linesDeleted: binary ? null : 0,
        isBinary: binary,
      };
    }
    const a = content(store, change.before);
    const b = content(store, change.after);
    if (isBinaryContent(a) || isBinaryContent(b)) {
      return {
        path: change.path,
        oldPath: change.oldPath,
        linesAdded: null,
        linesDeleted: null,
        isBinary: true,
      };
    }
    const counts =
      change.before === null
        ? { added: countLines(b), deleted: 0 }
        : change.after === null
          ? { added: 0, deleted: countLines(a) }
          : countChangedLines(a, b);
    return {
      path: change.path,
      oldPath: change.oldPath,
      linesAdded: counts.added,
      linesDeleted: counts.deleted,
      isBinary: false,
    };
  });
  return files.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}
