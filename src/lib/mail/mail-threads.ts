/**
 * Threads, series and changes of list messages, exactly as DESIGN.md (mailing lists) defines them,
 * over messages already in memory (ordered by time, then Message-ID):
 *
 * - a message's parent is given (In-Reply-To when held, else the last held References entry); a
 *   chain that comes back to itself is cut above its earliest message;
 * - each patch belongs to the farthest patch up its parent chain with the same sender, version and
 *   total, or to itself (its series root);
 * - a change is the set of series roots with the same sender and subject text (ignoring case),
 *   known by its earliest root; it is posted at that root's time and has as many versions as
 *   distinct versions among its roots;
 * - any message belongs to the series of the first patch met walking up from itself; a review is a
 *   message that is not a patch, belongs to a series, and comes from someone other than the
 *   change's sender.
 */

/** One message as the thread rules need it. */
export interface ThreadMessage {
  id: string;
  parentId: string | null;
  /** The sender (resolved person); null when From has no address (such senders are all one). */
  person: string | null;
  time: number;
  isPatch: boolean;
  version: number | null;
  total: number | null;
  /** Subject text of a patch. */
  subject: string | null;
}

/** Where a message sits. */
export interface ThreadRow {
  id: string;
  /** The parent after loops are cut. */
  parentId: string | null;
  seriesId: string | null;
  changeId: string | null;
  isReview: boolean;
}

/** A change. */
export interface ChangeRow {
  id: string;
  person: string | null;
  subject: string;
  posted: number;
  versions: number;
  series: number;
}

/** Threads every message of `messages` (sorted by time, then id) and returns rows in that order. */
export function buildThreads(messages: readonly ThreadMessage[]): {
  threads: ThreadRow[];
  changes: ChangeRow[];
} {
  const n = messages.length;
  const index = new Map<string, number>();
  messages.forEach((m, i) => index.set(m.id, i));
  const parent = new Int32Array(n).fill(-1);
  messages.forEach((m, i) => {
    const p = m.parentId === null ? undefined : index.get(m.parentId);
    if (p !== undefined) parent[i] = p;
  });

  // Cut loops: walk each chain once (colour 1 = on the current walk, 2 = done); a walk that meets
  // itself cuts the parent link of the loop's earliest message (lowest index).
  const colour = new Uint8Array(n);
  for (let start = 0; start < n; start++) {
    if (colour[start]) continue;
    const path: number[] = [];
    let at = start;
    while (at >= 0 && colour[at] === 0) {
      colour[at] = 1;
      path.push(at);
      at = parent[at]!;
    }
    if (at >= 0 && colour[at] === 1) {
      const loop = path.slice(path.indexOf(at));
      parent[Math.min(...loop)] = -1;
    }
    for (const i of path) colour[i] = 2;
  }

  const key = (m: ThreadMessage) => `${m.person ?? ''}\u0000${m.version}\u0000${m.total}`;
  // Series roots of patches: the farthest patch up the chain with the same key.
  const root = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!messages[i]!.isPatch) continue;
    const own = key(messages[i]!);
    let found = i;
    for (let at = parent[i]!; at >= 0; at = parent[at]!) {
      const m = messages[at]!;
      if (m.isPatch && key(m) === own) found = at;
    }
    root[i] = found;
  }
  // The first patch up from each message (itself for a patch), memoised along each walk.
  const firstPatch = new Int32Array(n).fill(-2);
  for (let i = 0; i < n; i++) {
    const path: number[] = [];
    let at = i;
    let result = -1;
    while (at >= 0) {
      if (firstPatch[at] !== -2) {
        result = firstPatch[at]!;
        break;
      }
      if (messages[at]!.isPatch) {
        result = at;
        break;
      }
      path.push(at);
      at = parent[at]!;
    }
    for (const p of path) firstPatch[p] = result;
    if (messages[i]!.isPatch) firstPatch[i] = i;
  }

  // Changes: roots grouped by sender and subject text; the earliest root names the change.
  const changeOfRoot = new Map<number, ChangeRow>();
  const byKey = new Map<string, { change: ChangeRow; versions: Set<number> }>();
  for (let i = 0; i < n; i++) {
    if (root[i] !== i) continue;
    const m = messages[i]!;
    const changeKey = `${m.person ?? ''}\u0000${(m.subject ?? '').toLowerCase()}`;
    let entry = byKey.get(changeKey);
    if (!entry) {
      entry = {
        change: {
          id: m.id,
          person: m.person,
          subject: m.subject ?? '',
          posted: m.time,
          versions: 0,
          series: 0,
        },
        versions: new Set(),
      };
      byKey.set(changeKey, entry);
    }
    entry.versions.add(m.version ?? 1);
    entry.change.series++;
    entry.change.versions = entry.versions.size;
    changeOfRoot.set(i, entry.change);
  }

  const threads: ThreadRow[] = messages.map((m, i) => {
    const patch = firstPatch[i]!;
    const seriesRoot = patch >= 0 ? root[patch]! : -1;
    const change = seriesRoot >= 0 ? changeOfRoot.get(seriesRoot)! : null;
    return {
      id: m.id,
      parentId: parent[i]! >= 0 ? messages[parent[i]!]!.id : null,
      seriesId: seriesRoot >= 0 ? messages[seriesRoot]!.id : null,
      changeId: change ? change.id : null,
      isReview: !m.isPatch && change !== null && m.person !== change.person,
    };
  });
  return { threads, changes: [...byKey.values()].map((e) => e.change) };
}
