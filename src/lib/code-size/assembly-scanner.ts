/** cloc's assembly rules, on top of the C scanner. */
import { cScanner } from './c-scanner.ts';
import {
  firstNonSpace,
  HASH,
  STAR,
  wholeLine,
  type LineScan,
  type LineScanner,
} from './line-scan.ts';

/**
 * cloc's assembly, first step: a line whose first non-blank byte is `#` or `;` is dropped before
 * comments are removed (so it neither opens nor closes a block comment); `//` and `/* … *\/` are
 * comments, strings are not known.
 */
export function assemblyScanner(): LineScanner {
  const c = cScanner([]);
  return (data, start, end, out) => {
    const first = firstNonSpace(data, start, end);
    if (first >= 0 && (data[first] === HASH || data[first] === 0x3b)) {
      wholeLine(data, start, end, out);
      out.dropped = true;
    } else c(data, start, end, out);
  };
}

/**
 * cloc's assembly, last step: once comments are removed, a line starting (after white space) with
 * `@`, `|`, `!` or `--`, or with `*` at its very start, is a comment too.
 */
export function assemblyDrops(data: Uint8Array, line: LineScan): boolean {
  const b = data[line.first];
  return (
    b === 0x40 ||
    b === 0x7c ||
    b === 0x21 ||
    (b === 0x2d && data[line.first + 1] === 0x2d) ||
    (b === STAR && !line.spaceBefore)
  );
}
