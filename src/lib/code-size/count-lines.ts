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
import { assemblyDrops, assemblyScanner } from './assembly-scanner.ts';
import { cScanner } from './c-scanner.ts';
import {
  BACKSLASH,
  firstNonSpace,
  hashScanner,
  HASH,
  textScanner,
  type LineScan,
  type LineScanner,
} from './line-scan.ts';
import { ocamlScanner } from './ocaml-scanner.ts';
import { pythonScanner } from './python-scanner.ts';
import type { Language } from './languages.ts';

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
