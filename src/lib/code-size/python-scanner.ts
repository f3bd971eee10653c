/** Python's lines, as cloc counts them (docstrings are comments). */
import {
  BACKSLASH,
  DQ,
  firstNonSpace,
  HASH,
  isSpace,
  isWord,
  SQ,
  wholeLine,
  type LineScanner,
} from './line-scan.ts';

/**
 * Python: a line starting with `#` is a comment; `"…"` and `'…'` strings are code; triple-quoted
 * strings (with an optional `u` before them) are comments, as cloc counts docstrings, and join the
 * lines they span. A `#` after code stays on its line, as cloc leaves it.
 */
export function pythonScanner(): LineScanner {
  /** The quote of the triple-quoted string open at the end of the last line, or 0. */
  let triple = 0;
  const isTriple = (data: Uint8Array, i: number, end: number, q: number) =>
    i + 2 < end && data[i] === q && data[i + 1] === q && data[i + 2] === q;
  return (data, start, end, out) => {
    const firstByte = firstNonSpace(data, start, end);
    if (firstByte >= 0 && data[firstByte] === HASH) {
      wholeLine(data, start, end, out);
      out.dropped = true;
      return;
    }
    let code = false;
    let last = -1;
    let first = -1;
    let spaceBefore = false;
    let i = start;
    while (i < end) {
      const b = data[i]!;
      if (triple) {
        if (isTriple(data, i, end, triple)) {
          triple = 0;
          i += 3;
        } else i += b === BACKSLASH ? 2 : 1;
        continue;
      }
      if (b === HASH) {
        last = data[end - 1]!;
        break;
      }
      if ((b === DQ || b === SQ) && isTriple(data, i, end, b)) {
        triple = b;
        i += 3;
        continue;
      }
      if (
        (b === 0x75 || b === 0x55) &&
        (i === start || !isWord(data[i - 1]!)) &&
        (isTriple(data, i + 1, end, DQ) || isTriple(data, i + 1, end, SQ))
      ) {
        i++;
        continue;
      }
      last = b;
      if (isSpace(b)) {
        if (first < 0) spaceBefore = true;
        i++;
        continue;
      }
      code = true;
      if (first < 0) first = i;
      if (b === DQ || b === SQ) {
        let j = i + 1;
        while (j < end && data[j] !== b) j += data[j] === BACKSLASH ? 2 : 1;
        last = data[Math.min(j, end - 1)]!;
        i = j + 1;
        continue;
      }
      i++;
    }
    out.code = code;
    out.last = last;
    out.first = first;
    out.spaceBefore = spaceBefore;
    out.joinsNext = triple !== 0;
    out.dropped = false;
  };
}
