/**
 * A small PNG reader for tests: checks the signature, reads IHDR, inflates the IDAT stream with
 * node:zlib and undoes the scanline filters, so a test can count the distinct pixel values.
 * Handles 8-bit RGB and RGBA, non-interlaced: what resvg writes.
 */
import { inflateSync } from 'node:zlib';

/** A decoded PNG. */
export interface DecodedPng {
  width: number;
  height: number;
  channels: number;
  /** Unfiltered pixel bytes, row by row. */
  pixels: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Decodes `bytes`; throws when it is not a PNG this reader handles. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const data = Buffer.from(bytes);
  if (!SIGNATURE.every((b, i) => data[i] === b)) throw new Error('not a PNG signature');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colour = body[9];
      if (depth !== 8 || body[12] !== 0) throw new Error('only 8-bit non-interlaced PNGs');
      channels = colour === 6 ? 4 : colour === 2 ? 3 : colour === 0 ? 1 : colour === 4 ? 2 : 0;
      if (channels === 0) throw new Error(`unsupported colour type ${colour}`);
    } else if (type === 'IDAT') {
      idat.push(body);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const value = line[x] ?? 0;
      let out: number;
      switch (filter) {
        case 0:
          out = value;
          break;
        case 1:
          out = value + a;
          break;
        case 2:
          out = value + b;
          break;
        case 3:
          out = value + ((a + b) >> 1);
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          out = value + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default:
          throw new Error(`bad filter ${filter} on row ${y}`);
      }
      pixels[y * stride + x] = out & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/** How many distinct pixel values (colours with alpha) the image holds. */
export function distinctPixels(png: DecodedPng): number {
  const seen = new Set<number>();
  const { pixels, channels } = png;
  for (let i = 0; i < pixels.length; i += channels) {
    let key = 0;
    for (let k = 0; k < channels; k++) key = key * 256 + (pixels[i + k] ?? 0);
    seen.add(key);
  }
  return seen.size;
}
