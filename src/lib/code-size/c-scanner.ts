/**
 * The scanner of C, C++, headers, Go, TypeScript and Rust (and of assembly, without strings):
 * `//` to the end of the line, `/* … *\/` over lines (not nested, as cloc), string literals per the
 * language's rules (a comment marker inside one is text).
 */
import type { StringRule } from './languages.ts';
import {
  BACKSLASH,
  DQ,
  firstNonSpace,
  HASH,
  isSpace,
  isWord,
  SLASH,
  SQ,
  STAR,
  type LineScanner,
} from './line-scan.ts';

/**
 * C, C++, headers, Go, TypeScript, Rust (and assembly without strings): `//` to the end of the
 * line, `/* … *\/` over lines (not nested, as cloc), string literals per `strings`.
 */
export function cScanner(strings: readonly StringRule[], rust = false): LineScanner {
  const rules: Array<StringRule | undefined> = [];
  for (const rule of strings) rules[rule.quote] = rule;
  let inBlock = false;
  /** The string open at the end of the last line, or null. */
  let open: StringRule | null = null;
  /** The number of `#` of a Rust raw string (`r#"…"#`) open at the end of the last line, or -1. */
  let rawHashes = -1;

  return (data, start, end, out) => {
    let code = false;
    let last = -1;
    let first = -1;
    let spaceBefore = false;
    let lineComment = false;
    let i = start;
    if (open || rawHashes >= 0) {
      const closed =
        rawHashes >= 0 ? closeRaw(data, i, end, rawHashes) : closeString(data, i, end, open!);
      const to = closed < 0 ? end : closed;
      first = firstNonSpace(data, start, to);
      code = first >= 0;
      spaceBefore = first !== start;
      last = to > start ? data[to - 1]! : -1;
      i = to;
      if (closed >= 0) {
        open = null;
        rawHashes = -1;
      } else if (open && !open.multiline && last !== BACKSLASH) {
        // A one-line string ends with its line unless a backslash continues it.
        open = null;
      }
    }
    while (i < end) {
      const b = data[i]!;
      if (inBlock) {
        if (b === STAR && i + 1 < end && data[i + 1] === SLASH) {
          inBlock = false;
          i += 2;
        } else i++;
        continue;
      }
      if (b === SLASH && i + 1 < end) {
        const next = data[i + 1];
        if (next === SLASH) {
          lineComment = true;
          break;
        }
        if (next === STAR) {
          inBlock = true;
          i += 2;
          continue;
        }
      }
      last = b;
      if (isSpace(b)) {
        if (first < 0) spaceBefore = true;
        i++;
        continue;
      }
      code = true;
      if (first < 0) first = i;
      let closed = -1;
      if (rust && (b === 0x72 || b === 0x62) && (i === start || !isWord(data[i - 1]!))) {
        // r"…", r#"…"#, br"…": raw strings, without escapes, over lines.
        let j = b === 0x62 ? i + 1 : i;
        if (data[j] === 0x72 && j < end) {
          let hashes = 0;
          for (j++; j < end && data[j] === HASH; j++) hashes++;
          if (j < end && data[j] === DQ) {
            closed = closeRaw(data, j + 1, end, hashes);
            if (closed < 0) rawHashes = hashes;
          } else j = -1;
        } else j = -1;
        if (j < 0) {
          i++;
          continue;
        }
      } else if (rust && b === SQ) {
        // A character literal ('x', '\n', 'é'), or a lifetime ('a), which is no string.
        closed = rustChar(data, i, end);
        if (closed < 0) {
          i++;
          continue;
        }
      } else {
        const rule = rules[b];
        if (!rule) {
          i++;
          continue;
        }
        closed = closeString(data, i + 1, end, rule);
        if (closed < 0 && (rule.multiline || (rule.escapes && data[end - 1] === BACKSLASH)))
          open = rule;
      }
      if (closed < 0) {
        last = data[end - 1]!;
        break;
      }
      last = data[closed - 1]!;
      i = closed;
    }
    out.code = code;
    out.last = last;
    out.first = first;
    out.spaceBefore = spaceBefore;
    // cloc joins a line ending in `\` to the next without a line break of its own, so a `//`
    // comment there (whose match takes the line break) joins the two.
    out.joinsNext = inBlock || (lineComment && data[end - 1] === BACKSLASH);
    out.dropped = false;
  };
}

/** The index after the quote closing a string whose text starts at `i`, or -1. */
function closeString(data: Uint8Array, i: number, end: number, rule: StringRule): number {
  for (; i < end; i++) {
    const b = data[i]!;
    if (b === rule.quote) return i + 1;
    if (b === BACKSLASH && rule.escapes) i++;
  }
  return -1;
}

/** The index after the `"` and `hashes` `#` closing a raw string whose text starts at `i`, or -1. */
function closeRaw(data: Uint8Array, i: number, end: number, hashes: number): number {
  for (; i < end; i++) {
    if (data[i] !== DQ) continue;
    let n = 0;
    while (n < hashes && i + 1 + n < end && data[i + 1 + n] === HASH) n++;
    if (n === hashes) return i + 1 + n;
  }
  return -1;
}

/** The index after the Rust character literal opening at `i`, or -1 for a lifetime. */
function rustChar(data: Uint8Array, i: number, end: number): number {
  let j = i + 1;
  if (j >= end) return -1;
  if (data[j] === BACKSLASH) {
    for (j += 2; j < end && j < i + 12; j++) if (data[j] === SQ) return j + 1;
    return -1;
  }
  // One character: an ASCII byte, or a UTF-8 lead byte and its continuation bytes.
  j++;
  while (j < end && (data[j]! & 0xc0) === 0x80) j++;
  return j < end && data[j] === SQ ? j + 1 : -1;
}
