/**
 * The files a commit changed against its first parent (or the empty tree for a root commit), with
 * lines added and deleted, as `git log --numstat` reports them; identical subtrees are skipped
 * without reading them, and renames are found when the blob is unchanged (exact renames).
 */
import type { MinedFile } from './commit-source.ts';
import { countChangedLines, countLines, isBinaryContent } from './line-diff.ts';
import type { ObjectStore } from './object-store.ts';
import { parseTree, type TreeEntry } from './parse-commit.ts';

const TREE_MODE = '40000';
const GITLINK_MODE = '160000';

/** A file side of a change. */
interface Side {
  oid: string;
  mode: string;
}

/** One changed path before rename pairing. */
interface Change {
  path: string;
  before: Side | null;
  after: Side | null;
}

/** Parsed trees by id, least recently used dropped first. */
export class TreeCache {
  private readonly map = new Map<string, TreeEntry[]>();
  /** `limit`: how many trees to keep. Default 4096. */
  constructor(
    private readonly store: ObjectStore,
    private readonly limit = 4096,
  ) {}
  /** The entries of tree `oid`. */
  get(oid: string): TreeEntry[] {
    let entries = this.map.get(oid);
    if (entries) {
      this.map.delete(oid);
    } else {
      const object = this.store.read(oid);
      if (object.type !== 'tree') throw new Error(`object ${oid} is a ${object.type}, not a tree`);
      entries = parseTree(object.data);
      if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value!);
    }
    this.map.set(oid, entries);
    return entries;
  }
}

const isTree = (side: Side | null) => side !== null && side.mode === TREE_MODE;

function collect(
  trees: TreeCache,
  before: string | null,
  after: string | null,
  prefix: string,
  out: Change[],
): void {
  if (before === after) return;
  const old = new Map<string, TreeEntry>();
  for (const entry of before ? trees.get(before) : []) old.set(entry.name, entry);
  const now = after ? trees.get(after) : [];
  const visit = (name: string, a: Side | null, b: Side | null) => {
    const path = prefix + name;
    if (a && b && a.oid === b.oid && a.mode === b.mode) return;
    // A tree on either side: recurse into it; a file on the other side is a change of its own.
    if (isTree(a) || isTree(b)) {
      collect(trees, isTree(a) ? a!.oid : null, isTree(b) ? b!.oid : null, `${path}/`, out);
      if (a && !isTree(a)) out.push({ path, before: a, after: null });
      if (b && !isTree(b)) out.push({ path, before: null, after: b });
      return;
    }
    out.push({ path, before: a, after: b });
  };
  for (const entry of now) {
    const prior = old.get(entry.name);
    old.delete(entry.name);
    visit(entry.name, prior ? { oid: prior.oid, mode: prior.mode } : null, {
      oid: entry.oid,
      mode: entry.mode,
    });
  }
  for (const entry of old.values()) visit(entry.name, { oid: entry.oid, mode: entry.mode }, null);
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
