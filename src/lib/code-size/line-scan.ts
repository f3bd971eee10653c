/**
 * What the line scanners of count-lines.ts share: the bytes they look for, what scanning one
 * physical line finds, and the scanners of the languages whose comments are whole lines (shell,
 * make) or that have none (Text).
 */

export const SLASH = 0x2f;
export const STAR = 0x2a;
export const BACKSLASH = 0x5c;
export const HASH = 0x23;
export const DQ = 0x22;
export const SQ = 0x27;

/** Space, tab, LF, vertical tab, form feed, CR: Perl's `\s`, as cloc reads blank lines. */
export const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);
/** A letter, digit or `_`: a byte that can precede a string prefix only inside a word. */
export const isWord = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;

/** What scanning one physical line found, in the part of it left outside comments. */
export interface LineScan {
  /** Something other than white space is left. */
  code: boolean;
  /** The last byte left, or -1. */
  last: number;
  /** Where the first non-blank byte left is in the file, or -1. */
  first: number;
  /** A blank byte is left before `first` (or anywhere, when there is no `first`). */
  spaceBefore: boolean;
  /** The line's comment runs on into the next line, which joins this one. */
  joinsNext: boolean;
  /** The language's rules drop the whole line as a comment, before lines are joined. */
  dropped: boolean;
}

/** Scans the physical lines of one file in order, keeping what runs over lines. */
export type LineScanner = (data: Uint8Array, start: number, end: number, out: LineScan) => void;

/** The first byte in [start, end) that is not white space, or -1. */
export function firstNonSpace(data: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (!isSpace(data[i]!)) return i;
  return -1;
}

/** Fills `out` for a line whose bytes in [start, end) are all left (no comment on it). */
export function wholeLine(data: Uint8Array, start: number, end: number, out: LineScan): void {
  const first = firstNonSpace(data, start, end);
  out.code = first >= 0;
  out.last = end > start ? data[end - 1]! : -1;
  out.first = first;
  out.spaceBefore = first !== start;
  out.joinsNext = false;
  out.dropped = false;
}

/** Shell and make: a line whose first non-blank byte is `#` is a comment; the rest stays. */
export function hashScanner(): LineScanner {
  return (data, start, end, out) => {
    wholeLine(data, start, end, out);
    if (out.first >= 0 && data[out.first] === HASH) out.dropped = true;
  };
}

/** Text: every non-blank line is code. */
export const textScanner = (): LineScanner => wholeLine;
