/**
 * Reads git objects straight from a repository's packs and loose objects, without a git binary.
 *
 * Why not isomorphic-git's `readObject` for every object: it lists the pack folder and probes for a
 * loose file on each call, loads whole packs into memory and keeps every deep delta it resolves, so
 * mining a long history is slow and its memory grows with the history. Here each pack index is read
 * once into flat arrays, objects are read with positioned reads, and resolved delta bases sit in a
 * byte-bounded LRU cache, so memory stays flat whatever the history's length.
 */
import type * as NodeFs from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { applyDelta } from './apply-delta.ts';

/** The `node:fs` functions the store uses (pass `node:fs` itself). */
export type StoreFs = Pick<
  typeof NodeFs,
  | 'openSync'
  | 'readSync'
  | 'closeSync'
  | 'readFileSync'
  | 'readdirSync'
  | 'existsSync'
  | 'fstatSync'
>;

/** An object's kind. */
export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

/** A decoded object. */
export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

/** Reads objects by id (40 hex digits). */
export interface ObjectStore {
  /** The object, or throws when the repository does not have it. */
  read(oid: string): GitObject;
  /** True when the repository has the object. */
  has(oid: string): boolean;
  /** Releases open files. */
  close(): void;
}

/** Options for {@link openObjectStore}. */
export interface ObjectStoreOptions {
  /** Bytes of resolved objects kept for reuse as delta bases. Default 64 MiB. */
  cacheBytes?: number;
}

const TYPES: Record<number, ObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };
const OFS_DELTA = 6;
const REF_DELTA = 7;

interface Pack {
  fd: number;
  /** Sorted object ids, 20 bytes each. */
  ids: Buffer;
  fanout: Uint32Array;
  /** The pack index file, for offsets read on demand. */
  idx: Buffer;
  /** Where the index's 4-byte offsets and its 8-byte large offsets start. */
  offStart: number;
  bigStart: number;
  /**
   * Every offset, ascending: an object ends where the next begins (the last one at the trailer).
   * Built once a run has read {@link BOUNDED_READS} objects: sorting a big pack's offsets takes
   * longer than a run that reads only a branch head and its `.mailmap` (the git-cli engine's).
   */
  sorted: Float64Array | null;
  /** Objects read so far. */
  reads: number;
  /** Where the pack's trailing checksum starts. */
  dataEnd: number;
  count: number;
}

function readPackIndex(fs: StoreFs, idxPath: string, packSize: number): Omit<Pack, 'fd'> {
  const idx = fs.readFileSync(idxPath);
  if (idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) {
    throw new Error(`${idxPath}: not a version 2 pack index`);
  }
  const fanout = new Uint32Array(256);
  for (let i = 0; i < 256; i++) fanout[i] = idx.readUInt32BE(8 + 4 * i);
  const count = fanout[255]!;
  const idsStart = 8 + 1024;
  const ids = idx.subarray(idsStart, idsStart + 20 * count);
  const offStart = idsStart + 24 * count;
  const bigStart = offStart + 4 * count;
  return {
    ids,
    fanout,
    idx,
    offStart,
    bigStart,
    sorted: null,
    reads: 0,
    dataEnd: packSize - 20,
    count,
  };
}

/** The pack offset of the object at index `i` (in id order). */
function offsetAt(pack: Pack, i: number): number {
  const small = pack.idx.readUInt32BE(pack.offStart + 4 * i);
  return small & 0x80000000
    ? Number(pack.idx.readBigUInt64BE(pack.bigStart + 8 * (small & 0x7fffffff)))
    : small;
}

/**
 * Reads of a pack before its offsets are sorted for exact object ends: enough for a branch head and
 * a `.mailmap` behind long delta chains (the git-cli engine's reads).
 */
const BOUNDED_READS = 4096;

/**
 * Where the object at `offset` ends at the latest, from the size in its header: deflate never
 * grows data by more than a few bytes per 4 KiB, and a delta's base reference takes at most 20
 * bytes. Reading a little past the end is harmless (zlib stops at the end of its stream).
 */
function boundedEnd(fs: StoreFs, pack: Pack, offset: number): number {
  const head = Buffer.alloc(16);
  const got = fs.readSync(pack.fd, head, 0, head.length, offset);
  let pos = 0;
  let byte = head[pos++]!;
  let size = byte & 15;
  let shift = 16;
  while (byte & 0x80 && pos < got) {
    byte = head[pos++]!;
    size += (byte & 0x7f) * shift;
    shift *= 128;
  }
  const bound = offset + pos + 20 + size + Math.ceil(size / 4096) * 8 + 64;
  return Math.min(pack.dataEnd, bound);
}

/** Where the object starting at `offset` ends in its pack. */
function objectEnd(pack: Pack, offset: number): number {
  if (pack.sorted === null) {
    const offsets = new Float64Array(pack.count);
    for (let i = 0; i < pack.count; i++) offsets[i] = offsetAt(pack, i);
    pack.sorted = offsets.sort();
  }
  let lo = 0;
  let hi = pack.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pack.sorted[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < pack.count ? pack.sorted[lo]! : pack.dataEnd;
}

/**
 * Inflates a zlib stream into a buffer of its own. Node's inflateSync returns small results as a
 * view into its 16 KiB output buffer; kept in a cache, each would pin that whole buffer.
 */
function inflate(input: Buffer): Buffer {
  const out = inflateSync(input);
  return out.byteLength * 2 < out.buffer.byteLength ? Buffer.from(out) : out;
}

/** Index of `oid` in a pack's sorted ids, or -1. */
function findInPack(pack: Pack, oid: Buffer): number {
  const first = oid[0]!;
  let lo = first === 0 ? 0 : pack.fanout[first - 1]!;
  let hi = pack.fanout[first]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // A byte loop: ids differ within a byte or two, and a native compare per step costs more.
    const base = mid * 20;
    let cmp = 0;
    for (let k = 0; k < 20 && cmp === 0; k++) cmp = pack.ids[base + k]! - oid[k]!;
    if (cmp === 0) return mid;
    if (cmp > 0) hi = mid;
    else lo = mid + 1;
  }
  return -1;
}

/** A byte-bounded least-recently-used cache. */
class ByteLru<K> {
  private readonly map = new Map<K, GitObject>();
  private bytes = 0;
  constructor(private readonly limit: number) {}
  get(key: K): GitObject | undefined {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }
  set(key: K, value: GitObject): void {
    if (value.data.length > this.limit / 4 || this.map.has(key)) return;
    this.map.set(key, value);
    this.bytes += value.data.length;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.limit) break;
      this.map.delete(k);
      this.bytes -= v.data.length;
    }
  }
}

/** The object folders to search: the repository's own, then its alternates. */
function objectDirs(fs: StoreFs, gitdir: string): string[] {
  const dirs = [join(gitdir, 'objects')];
  const alternates = join(gitdir, 'objects', 'info', 'alternates');
  if (fs.existsSync(alternates)) {
    for (const line of fs.readFileSync(alternates, 'utf8').split('\n')) {
      const dir = line.trim();
      if (dir && !dir.startsWith('#')) dirs.push(dir.startsWith('/') ? dir : join(dirs[0]!, dir));
    }
  }
  return dirs;
}

/**
 * Opens the object database of `gitdir` (a `.git` folder or a bare repository). Packs added
 * later (a fetch) are seen after a miss, so one store can serve a whole run.
 */
export function openObjectStore(
  fs: StoreFs,
  gitdir: string,
  options: ObjectStoreOptions = {},
): ObjectStore {
  const dirs = objectDirs(fs, gitdir);
  const packs: Pack[] = [];
  const loaded = new Set<string>();
  const cache = new ByteLru<string>(options.cacheBytes ?? 64 * 1024 * 1024);

  const loadPacks = (): boolean => {
    let added = false;
    for (const dir of dirs) {
      const packDir = join(dir, 'pack');
      if (!fs.existsSync(packDir)) continue;
      for (const name of fs.readdirSync(packDir)) {
        if (!name.endsWith('.idx')) continue;
        const idxPath = join(packDir, name);
        const packPath = idxPath.replace(/\.idx$/, '.pack');
        if (loaded.has(idxPath) || !fs.existsSync(packPath)) continue;
        const fd = fs.openSync(packPath, 'r');
        const size = fs.fstatSync(fd).size;
        packs.push({ fd, ...readPackIndex(fs, idxPath, size) });
        loaded.add(idxPath);
        added = true;
      }
    }
    return added;
  };
  loadPacks();

  const readPacked = (pack: Pack, offset: number, packIndex: number): GitObject => {
    const key = `${packIndex}:${offset}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const end =
      pack.sorted === null && ++pack.reads <= BOUNDED_READS
        ? boundedEnd(fs, pack, offset)
        : objectEnd(pack, offset);
    const raw = Buffer.allocUnsafe(end - offset);
    fs.readSync(pack.fd, raw, 0, raw.length, offset);
    let pos = 0;
    let byte = raw[pos++]!;
    const kind = (byte >> 4) & 7;
    while (byte & 0x80) byte = raw[pos++]!;
    let result: GitObject;
    if (kind === OFS_DELTA) {
      byte = raw[pos++]!;
      let back = byte & 0x7f;
      while (byte & 0x80) {
        byte = raw[pos++]!;
        back = (back + 1) * 128 + (byte & 0x7f);
      }
      const base = readPacked(pack, offset - back, packIndex);
      result = { type: base.type, data: applyDelta(inflateSync(raw.subarray(pos)), base.data) };
    } else if (kind === REF_DELTA) {
      const baseId = raw.subarray(pos, pos + 20).toString('hex');
      const base = read(baseId);
      result = {
        type: base.type,
        data: applyDelta(inflateSync(raw.subarray(pos + 20)), base.data),
      };
    } else {
      const type = TYPES[kind];
      if (!type) throw new Error(`unknown pack object type ${kind} at offset ${offset}`);
      result = { type, data: inflate(raw.subarray(pos)) };
    }
    cache.set(key, result);
    return result;
  };

  const readLoose = (oid: string): GitObject | null => {
    for (const dir of dirs) {
      const path = join(dir, oid.slice(0, 2), oid.slice(2));
      if (!fs.existsSync(path)) continue;
      const data = inflateSync(fs.readFileSync(path));
      const nul = data.indexOf(0);
      const type = data.subarray(0, data.indexOf(0x20)).toString('latin1') as ObjectType;
      return { type, data: data.subarray(nul + 1) };
    }
    return null;
  };

  const locate = (oid: string): GitObject | null => {
    const id = Buffer.from(oid, 'hex');
    for (let i = 0; i < packs.length; i++) {
      const pack = packs[i]!;
      const at = findInPack(pack, id);
      if (at >= 0) return readPacked(pack, offsetAt(pack, at), i);
    }
    return null;
  };

  const read = (oid: string): GitObject => {
    if (!/^[0-9a-f]{40}$/.test(oid)) throw new Error(`not an object id: ${oid}`);
    const found = locate(oid) ?? readLoose(oid) ?? (loadPacks() ? locate(oid) : null);
    if (!found) throw new Error(`object ${oid} is missing from the repository`);
    return found;
  };

  return {
    read,
    has(oid: string): boolean {
      if (!/^[0-9a-f]{40}$/.test(oid)) return false;
      const id = Buffer.from(oid, 'hex');
      if (packs.some((pack) => findInPack(pack, id) >= 0)) return true;
      if (dirs.some((dir) => fs.existsSync(join(dir, oid.slice(0, 2), oid.slice(2))))) return true;
      return loadPacks() && packs.some((pack) => findInPack(pack, id) >= 0);
    },
    close(): void {
      for (const pack of packs) fs.closeSync(pack.fd);
      packs.length = 0;
    },
  };
}
