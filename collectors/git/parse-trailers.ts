/**
 * Commit trailers (DESIGN.md, "a review is one trailer"): the trailers git itself parses
 * (`git log --format='%(trailers:only,unfold)'`, after git's trailer.c: only the message's last
 * paragraph, and only when that paragraph is all trailers, or holds a git-generated one
 * (`Signed-off-by: `, `(cherry picked from commit `) and is at least a quarter trailers), plus the
 * lines of every other tag paragraph: a paragraph after the title whose first line, and every line
 * that starts at the first column, is a `Key: value` line, other lines being indented continuations.
 * So tags still count when version notes follow them (`v7: …` after the Reviewed-by lines), while a
 * `Reviewed-by:` line inside prose, or indented in a quoted upstream commit, is not a trailer. Keys
 * are `[A-Za-z0-9-]+` before a `:`.
 */

/** One trailer line of a commit message. */
export interface Trailer {
  /** Order among the commit's trailers, from 0. */
  position: number;
  /** The key, in its canonical spelling for well-known keys (`reviewed-BY` → `Reviewed-by`). */
  key: string;
  /** The value, trimmed, continuation lines joined with one space. */
  value: string;
  /** The person's name when the value holds an address (text before `<`), else null. */
  personName: string | null;
  /** The person's address (see {@link trailerPerson}), or null when the value holds none. */
  personEmail: string | null;
  /** True when git itself parses the line as a trailer (the message's last paragraph). */
  gitTrailer: boolean;
}

/** Canonical spellings of the keys Barometer and the kernel/Xen communities use. */
const CANONICAL_KEYS = [
  'Signed-off-by',
  'Reviewed-by',
  'Acked-by',
  'Tested-by',
  'Reported-by',
  'Suggested-by',
  'Co-developed-by',
  'Co-authored-by',
  'Release-acked-by',
  'Reviewed-and-tested-by',
  'Helped-by',
  'Requested-by',
  'Cc',
  'Fixes',
  'Link',
  'Closes',
  'Change-Id',
];
const CANONICAL = new Map(CANONICAL_KEYS.map((key) => [key.toLowerCase(), key]));

/** The canonical spelling of a trailer key: known keys in their usual case, others as written. */
export function canonicalTrailerKey(key: string): string {
  return CANONICAL.get(key.toLowerCase()) ?? key;
}

const GIT_GENERATED_PREFIXES = ['Signed-off-by: ', '(cherry picked from commit '] as const;
const COMMENT = '#';

/** C's isspace for the ASCII white space git's trailer code tests. */
const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';

/** True when `line` is empty or only ` \t\r\v\f`. */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // space, \t, \v, \f, \r
    if (c !== 32 && c !== 9 && c !== 11 && c !== 12 && c !== 13) return false;
  }
  return true;
}

/** `[A-Za-z0-9-]`, by character code. */
function isTokenChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 // a-z A-Z 0-9 -
  );
}

/**
 * git's find_separator with separators ":": the index of the `:` ending a token of letters,
 * digits and `-` (white space allowed between token and `:`), or -1.
 */
function findSeparator(line: string): number {
  let whitespaceFound = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 58) return i; // ':'
    if (!whitespaceFound && isTokenChar(c)) continue;
    if (i !== 0 && (c === 32 || c === 9)) {
      whitespaceFound = true;
      continue;
    }
    break;
  }
  return -1;
}

/** Lines of `text` without their `\n` (a final newline does not start an empty line). */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/**
 * git's ignored_log_message_bytes: trailing comment lines, blank lines and an old-style
 * `Conflicts:` block are not part of the message. Returns the lines that are.
 */
function withoutIgnoredTail(lines: string[]): string[] {
  let start = -1;
  let inConflicts = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith(COMMENT) || line === '') {
      if (start < 0) start = i;
    } else if (line === 'Conflicts:') {
      inConflicts = true;
      if (start < 0) start = i;
    } else if (inConflicts && line.startsWith('\t')) {
      // a path in the conflicts block
    } else if (start >= 0) {
      start = -1;
      inConflicts = false;
    }
  }
  return start >= 0 ? lines.slice(0, start) : lines;
}

/** git's find_trailer_block_start: the index of the block's first line, or `lines.length`. */
function trailerBlockStart(lines: string[]): number {
  let endOfTitle = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.startsWith(COMMENT)) continue;
    if (isBlank(lines[i]!)) {
      endOfTitle = i;
      break;
    }
  }
  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuations = 0;
  for (let i = lines.length - 1; i >= endOfTitle; i--) {
    const line = lines[i]!;
    if (line.startsWith(COMMENT)) {
      nonTrailerLines += possibleContinuations;
      possibleContinuations = 0;
      continue;
    }
    if (isBlank(line)) {
      if (onlySpaces) continue;
      nonTrailerLines += possibleContinuations;
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return i + 1;
      if (trailerLines > 0 && nonTrailerLines === 0) return i + 1;
      return lines.length;
    }
    onlySpaces = false;
    if (line.startsWith(GIT_GENERATED_PREFIXES[0]) || line.startsWith(GIT_GENERATED_PREFIXES[1])) {
      trailerLines++;
      possibleContinuations = 0;
      recognizedPrefix = true;
      continue;
    }
    if (findSeparator(line) >= 1 && !isSpace(line[0])) {
      trailerLines++;
      possibleContinuations = 0;
    } else if (isSpace(line[0])) {
      possibleContinuations++;
    } else {
      nonTrailerLines += 1 + possibleContinuations;
      possibleContinuations = 0;
    }
  }
  return lines.length;
}

/** git's unfold_value: each newline and the white space after it become one space; trimmed. */
function unfold(value: string): string {
  if (!value.includes('\n')) return value.trim();
  return value.replace(/\n[ \t\r\v\f\n]*/g, ' ').trim();
}

/** Punctuation that ends a sentence or a list, never an address: `<jan@suse.com.` is jan@suse.com. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}"'>]+$/;

/**
 * A trailer value's person: the address after its last `<` (up to `>`, or to the end when the
 * bracket is never closed, without trailing punctuation), else the first word holding an `@`
 * (without trailing punctuation). The name is the text before that `<` (or the value without that
 * word), trimmed; null when empty. No address: both null.
 */
export function trailerPerson(value: string): { name: string | null; email: string | null } {
  const lt = value.lastIndexOf('<');
  if (lt >= 0) {
    const rest = value.slice(lt + 1);
    const gt = rest.indexOf('>');
    const email =
      gt >= 0 ? rest.slice(0, gt).trim() : rest.trim().replace(TRAILING_PUNCTUATION, '');
    if (email) {
      const name = value
        .slice(0, lt)
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim();
      return { name: name || null, email };
    }
    return { name: null, email: null };
  }
  const words = value.split(/\s+/).filter(Boolean);
  const at = words.findIndex((word) => word.includes('@'));
  if (at < 0) return { name: null, email: null };
  const name = words.filter((_, i) => i !== at).join(' ');
  return { name: name || null, email: words[at]!.replace(TRAILING_PUNCTUATION, '') };
}

/** The lines of a trailer block joined as git does: continuations onto the line above. */
function trailerItems(lines: readonly string[]): string[] {
  const items: string[] = [];
  let last = -1;
  for (const line of lines) {
    if (line.startsWith(COMMENT)) continue;
    if (last >= 0 && isSpace(line[0])) {
      items[last] += `\n${line}`;
      continue;
    }
    items.push(line);
    last = findSeparator(line) >= 1 ? items.length - 1 : -1;
  }
  return items;
}

/** A `Key: value` line: a key at the first column, then `:`. */
const isTagLine = (line: string) => !isSpace(line[0]) && findSeparator(line) >= 1;

/**
 * True when `lines` (one paragraph) is a tag paragraph: its first line and every line that starts
 * at the first column are `Key: value` lines; the others are indented continuations.
 */
function isTagParagraph(lines: readonly string[]): boolean {
  if (!isTagLine(lines[0]!)) return false;
  for (const line of lines) if (!isSpace(line[0]) && !isTagLine(line)) return false;
  return true;
}

/**
 * `[start, end)` of each paragraph of `lines[from, to)`: runs of lines that are not blank. The
 * title (everything before the first blank line) is not one.
 */
function paragraphs(lines: readonly string[], to: number): [number, number][] {
  let i = 0;
  while (i < to && !isBlank(lines[i]!)) i++;
  const found: [number, number][] = [];
  while (i < to) {
    while (i < to && isBlank(lines[i]!)) i++;
    const start = i;
    while (i < to && !isBlank(lines[i]!)) i++;
    if (i > start) found.push([start, i]);
  }
  return found;
}

/** The trailers of a commit message (already decoded to text), in the order they stand. */
export function parseTrailers(message: string): Trailer[] {
  const text = message.includes('\r') ? message.replace(/\r\n/g, '\n') : message;
  const lines = withoutIgnoredTail(splitLines(text));
  const gitStart = trailerBlockStart(lines);
  const trailers: Trailer[] = [];
  const add = (items: readonly string[], gitTrailer: boolean) => {
    for (const item of items) {
      const sep = findSeparator(item);
      if (sep < 1) continue;
      const key = item.slice(0, sep).trim();
      const value = unfold(item.slice(sep + 1));
      const person = trailerPerson(value);
      trailers.push({
        position: trailers.length,
        key: canonicalTrailerKey(key),
        value,
        personName: person.name,
        personEmail: person.email,
        gitTrailer,
      });
    }
  };
  for (const [start, end] of paragraphs(lines, gitStart)) {
    const paragraph = lines.slice(start, end);
    if (isTagParagraph(paragraph)) add(trailerItems(paragraph), false);
  }
  if (gitStart < lines.length) add(trailerItems(lines.slice(gitStart)), true);
  return trailers;
}
