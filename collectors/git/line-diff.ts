/**
 * Lines added and deleted between two versions of a file, counted like `git diff --numstat`: the
 * size of a minimal line edit script, where a line includes its newline (so a last line that gains
 * or loses its newline counts as changed), and binary files (a NUL byte in the first 8000 bytes of
 * either side, as git's buffer_is_binary) get no counts.
 */

/** How many leading bytes git inspects for a NUL to call a file binary. */
export const BINARY_PROBE_BYTES = 8000;

/** True when git would treat the content as binary. */
export function isBinaryContent(data: Uint8Array): boolean {
  const end = Math.min(data.length, BINARY_PROBE_BYTES);
  for (let i = 0; i < end; i++) if (data[i] === 0) return true;
  return false;
}

/** Lines added and deleted. */
export interface LineCounts {
  added: number;
  deleted: number;
}

/** Splits into lines (each with its newline when it has one) and numbers distinct lines. */
function internLines(data: Uint8Array, ids: Map<string, number>): Int32Array {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let count = 0;
  for (let i = 0; i < buffer.length; i++) if (buffer[i] === 0x0a) count++;
  if (buffer.length > 0 && buffer[buffer.length - 1] !== 0x0a) count++;
  const out = new Int32Array(count);
  let start = 0;
  for (let n = 0; n < count; n++) {
    let end = buffer.indexOf(0x0a, start);
    end = end < 0 ? buffer.length : end + 1;
    const key = buffer.toString('latin1', start, end);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    out[n] = id;
    start = end;
  }
  return out;
}

/** Number of lines in the content, counting a last line without newline. */
export function countLines(data: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === 0x0a) count++;
  if (data.length > 0 && data[data.length - 1] !== 0x0a) count++;
  return count;
}

/**
 * The length of the shortest edit script between `a` and `b` (insertions plus deletions), by
 * Myers' greedy algorithm: O((N+M)·D) time, O(N+M) memory.
 */
function editDistance(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  if (max === 0) return 0;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}

/**
 * Lines added and deleted from `before` to `after` (text; check {@link isBinaryContent} first).
 * Exact: common ends are trimmed and lines found on one side only are counted directly (they can
 * never be part of a common subsequence), then Myers finds the minimal script for the rest.
 */
export function countChangedLines(before: Uint8Array, after: Uint8Array): LineCounts {
  if (Buffer.from(before.buffer, before.byteOffset, before.byteLength).equals(after)) {
    return { added: 0, deleted: 0 };
  }
  if (before.length === 0) return { added: countLines(after), deleted: 0 };
  if (after.length === 0) return { added: 0, deleted: countLines(before) };
  const ids = new Map<string, number>();
  let a = internLines(before, ids);
  let b = internLines(after, ids);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  a = a.subarray(start, endA);
  b = b.subarray(start, endB);
  const inA = new Uint8Array(ids.size);
  const inB = new Uint8Array(ids.size);
  for (const id of a) inA[id] = 1;
  for (const id of b) inB[id] = 1;
  const keptA = a.filter((id) => inB[id] === 1);
  const keptB = b.filter((id) => inA[id] === 1);
  const onlyDeleted = a.length - keptA.length;
  const onlyAdded = b.length - keptB.length;
  const d = editDistance(keptA, keptB);
  // d = inserts + deletes and inserts - deletes = |B| - |A|.
  const inserts = (d + keptB.length - keptA.length) / 2;
  const deletes = d - inserts;
  return { added: onlyAdded + inserts, deleted: onlyDeleted + deletes };
}
