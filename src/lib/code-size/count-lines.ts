/**
 * Counts a file's code, comment and blank lines by cloc's rules (cloc 1.96, default options), so
 * that every line is exactly one of the three:
 *
 * - A line is blank when it holds only white space (space, tab, CR, vertical tab, form feed) and
 *   the line before it does not end in `\` (where the language continues lines, see languages.ts).
 * - Comments are removed from the file's text as a whole, so a block comment that spans lines joins
 *   the line it starts on with the line it ends on (`a(); /* … ⏎ … *\/ b();` is one code line and
 *   one comment line), as does a `//` comment on a line that ends in `\`.
 * - A line is code when something is left on it once its comments are removed; a comment line
 *   otherwise. Where the language continues lines, a line left empty counts as code when the last
 *   code line before it ends in `\` (cloc keeps it as part of that line).
 * - Some lines are comments whatever they hold: shell, make and Python lines whose first non-blank
 *   character is `#`, and cloc's assembly line rules (see {@link assemblyDrops}).
 * - A script's `#!` first line is code.
 *
 * Strings are where this counter departs from cloc's default, on purpose: a comment marker inside a
 * string or character literal (`"/*"`, `'#'`, `"http://"`) is text, not a comment, in the
 * languages that have them (C, C++, headers, Rust, Go, TypeScript, Python, OCaml), as cloc's own
 * `--strip-str-comments` intends. cloc's default reads `"/*"` as the start of a comment, which can
 * hide code lines up to the next `*\/`. Assembly, shell and make have no string rules, as in cloc.
 *
 * Bytes are scanned as they are (no decoding): every marker is ASCII, and no byte of a multi-byte
 * UTF-8 character is ASCII.
 */
import type { Language, StringRule } from './languages.ts';

/**
 * The version of these rules and of the language table: stored counts made by another version
 * are counted again (bump it with any change that can change a count).
 */
export const COUNTER_VERSION = 1;

/** Lines of one file. */
export interface LineCounts {
  code: number;
  comment: number;
  blank: number;
}

const LF = 0x0a;
const CR = 0x0d;
const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const DQ = 0x22;
const SQ = 0x27;

const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);
const isWord = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;

/** What scanning one physical line found, in the part of it left outside comments. */
interface LineScan {
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
type LineScanner = (data: Uint8Array, start: number, end: number, out: LineScan) => void;

/** The first byte in [start, end) that is not white space, or -1. */
function firstNonSpace(data: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (!isSpace(data[i]!)) return i;
  return -1;
}

/** Fills `out` for a line whose bytes in [start, end) are all left (no comment on it). */
function wholeLine(data: Uint8Array, start: number, end: number, out: LineScan): void {
  const first = firstNonSpace(data, start, end);
  out.code = first >= 0;
  out.last = end > start ? data[end - 1]! : -1;
  out.first = first;
  out.spaceBefore = first !== start;
  out.joinsNext = false;
  out.dropped = false;
}

/** Shell and make: a line whose first non-blank byte is `#` is a comment; the rest stays. */
function hashScanner(): LineScanner {
  return (data, start, end, out) => {
    wholeLine(data, start, end, out);
    if (out.first >= 0 && data[out.first] === HASH) out.dropped = true;
  };
}

/** Text: every non-blank line is code. */
const textScanner = (): LineScanner => wholeLine;

/**
 * C, C++, headers, Go, TypeScript, Rust (and assembly without strings): `//` to the end of the
 * line, `/* … *\/` over lines (not nested, as cloc), string literals per `strings`.
 */
function cScanner(strings: readonly StringRule[], rust = false): LineScanner {
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

/**
 * cloc's assembly, first step: a line whose first non-blank byte is `#` or `;` is dropped before
 * comments are removed (so it neither opens nor closes a block comment); `//` and `/* … *\/` are
 * comments, strings are not known.
 */
function assemblyScanner(): LineScanner {
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
function assemblyDrops(data: Uint8Array, line: LineScan): boolean {
  const b = data[line.first];
  return (
    b === 0x40 ||
    b === 0x7c ||
    b === 0x21 ||
    (b === 0x2d && data[line.first + 1] === 0x2d) ||
    (b === STAR && !line.spaceBefore)
  );
}

/**
 * Python: a line starting with `#` is a comment; `"…"` and `'…'` strings are code; triple-quoted
 * strings (with an optional `u` before them) are comments, as cloc counts docstrings, and join the
 * lines they span. A `#` after code stays on its line, as cloc leaves it.
 */
function pythonScanner(): LineScanner {
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

/**
 * OCaml, line by line as cloc counts it: `(* … *)` comments, nested; a `"…"` string on one line is
 * skipped whole, inside comments too (so `"*)"` closes nothing); `'"'` is a character.
 */
function ocamlScanner(): LineScanner {
  let depth = 0;
  return (data, start, end, out) => {
    let code = false;
    let last = -1;
    let first = -1;
    let spaceBefore = false;
    for (let i = start; i < end; i++) {
      const b = data[i]!;
      if (b === 0x28 && i + 1 < end && data[i + 1] === STAR) {
        depth++;
        i++;
        continue;
      }
      if (b === STAR && i + 1 < end && data[i + 1] === 0x29 && depth > 0) {
        depth--;
        i++;
        continue;
      }
      let to = i;
      if (b === SQ && data[i + 1] === DQ && data[i + 2] === SQ && i + 2 < end) to = i + 2;
      else if (b === DQ) {
        let j = i + 1;
        while (j < end && data[j] !== DQ) j += data[j] === BACKSLASH ? 2 : 1;
        if (j < end) to = j;
      }
      if (depth === 0) {
        last = data[to]!;
        if (isSpace(b)) {
          if (first < 0) spaceBefore = true;
        } else {
          code = true;
          if (first < 0) first = i;
        }
      }
      i = to;
    }
    out.code = code;
    out.last = last;
    out.first = first;
    out.spaceBefore = spaceBefore;
    out.joinsNext = false;
    out.dropped = false;
  };
}

function scannerFor(language: Language): LineScanner {
  const syntax = language.syntax;
  switch (syntax.kind) {
    case 'c':
      return cScanner(syntax.strings, syntax.rust);
    case 'assembly':
      return assemblyScanner();
    case 'hash':
      return hashScanner();
    case 'python':
      return pythonScanner();
    case 'ocaml':
      return ocamlScanner();
    case 'text':
      return textScanner();
  }
}

/** Counts the lines of `data` (a file's bytes) as `language` (see the module comment). */
export function countLines(data: Uint8Array, language: Language): LineCounts {
  const scan = scannerFor(language);
  const assembly = language.syntax.kind === 'assembly';
  const counts: LineCounts = { code: 0, comment: 0, blank: 0 };
  const out: LineScan = {
    code: false,
    last: -1,
    first: -1,
    spaceBefore: false,
    joinsNext: false,
    dropped: false,
  };
  /** The lines joined so far while a comment runs on (their scans merged), when `joining`. */
  const joined: LineScan = { ...out };
  let joining = false;
  /** Whether the group of joined lines starts on the file's first line. */
  let joinedFirst = false;
  // A UTF-8 byte order mark is not part of the first line, as cloc reads files.
  const bom = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  const shebang = language.script === true && data[bom] === HASH && data[bom + 1] === 0x21;
  let start = bom;
  let previousEndsInBackslash = false;
  let keptEndsInBackslash = false;

  /** Counts a complete line (a physical line, or lines joined by a comment). */
  const finish = (line: LineScan, first: boolean) => {
    if (line.code && !(assembly && assemblyDrops(data, line))) {
      counts.code++;
      keptEndsInBackslash = language.continuation && line.last === BACKSLASH;
    } else if (!line.code && keptEndsInBackslash) {
      counts.code++;
      keptEndsInBackslash = false;
    } else if (first && shebang) counts.code++;
    else counts.comment++;
  };

  while (start < data.length) {
    let next = data.indexOf(LF, start);
    if (next < 0) next = data.length;
    let end = next;
    if (end > start && data[end - 1] === CR) end--;
    const first = start === bom;
    const blank = firstNonSpace(data, start, end) < 0;
    if (blank && !previousEndsInBackslash) {
      counts.blank++;
    } else {
      scan(data, start, end, out);
      if (out.dropped) {
        if (first && shebang) counts.code++;
        else counts.comment++;
      } else if (joining) {
        // A line a comment runs into is one with the line the comment started on.
        counts.comment++;
        if (joined.first < 0 && out.first >= 0) {
          joined.first = out.first;
          joined.spaceBefore ||= out.spaceBefore;
        } else if (joined.first < 0) joined.spaceBefore ||= out.spaceBefore;
        joined.code ||= out.code;
        if (out.last >= 0) joined.last = out.last;
        joined.joinsNext = out.joinsNext;
      } else {
        Object.assign(joined, out);
        joining = true;
        joinedFirst = first;
      }
      if (joining && !joined.joinsNext) {
        finish(joined, joinedFirst);
        joining = false;
      }
    }
    previousEndsInBackslash = language.continuation && end > start && data[end - 1] === BACKSLASH;
    start = next + 1;
  }
  if (joining) finish(joined, joinedFirst);
  return counts;
}
