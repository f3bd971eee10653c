/**
 * git's pack delta format: a base object plus copy/insert instructions gives the target object.
 * See git's Documentation/gitformat-pack.txt, "Deltified representation".
 */

/** Reads the little-endian base-128 size at `pos`; returns the value and the next position. */
function readSize(delta: Uint8Array, pos: number): [number, number] {
  let value = 0;
  let shift = 0;
  let byte: number;
  do {
    byte = delta[pos++]!;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, pos];
}

/** Applies a git delta to its base. Throws when the delta does not fit the base. */
export function applyDelta(delta: Uint8Array, base: Uint8Array): Buffer {
  const [baseSize, afterBase] = readSize(delta, 0);
  if (baseSize !== base.length) {
    throw new Error(`git delta expects a base of ${baseSize} bytes, got ${base.length}`);
  }
  const [resultSize, start] = readSize(delta, afterBase);
  let pos = start;
  const out = Buffer.allocUnsafe(resultSize);
  let at = 0;
  while (pos < delta.length) {
    const op = delta[pos++]!;
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      if (op & 0x01) offset = delta[pos++]!;
      if (op & 0x02) offset |= delta[pos++]! << 8;
      if (op & 0x04) offset |= delta[pos++]! << 16;
      if (op & 0x08) offset = (offset | (delta[pos++]! << 24)) >>> 0;
      if (op & 0x10) size = delta[pos++]!;
      if (op & 0x20) size |= delta[pos++]! << 8;
      if (op & 0x40) size |= delta[pos++]! << 16;
      if (size === 0) size = 0x10000;
      out.set(base.subarray(offset, offset + size), at);
      at += size;
    } else if (op > 0) {
      out.set(delta.subarray(pos, pos + op), at);
      at += op;
      pos += op;
    } else {
      throw new Error('git delta has a reserved zero instruction');
    }
  }
  if (at !== resultSize) {
    throw new Error(`git delta gave ${at} bytes, expected ${resultSize}`);
  }
  return out;
}
