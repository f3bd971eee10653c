/**
 * What Barometer reads from a message's text: review tags (lines starting at the first column
 * with `Reviewed-by:` or `Acked-by:`, in any case, so a quoted `> Reviewed-by:` is not one) and
 * the files a patch touches (both paths of each `diff --git a/X b/Y` line).
 */
import { trailerPerson } from '../git/parse-trailers.ts';

/** One review tag line. */
export interface MessageTag {
  /** The line's number in the text, from 1. */
  position: number;
  /** As written: `Reviewed-by`, `acked-by`, … */
  key: string;
  value: string;
  personName: string | null;
  personEmail: string | null;
}

const TAG = /^(reviewed-by|acked-by):(.*)$/gim;

/** The review tags of `text`, in order. */
export function findReviewTags(text: string): MessageTag[] {
  const tags: MessageTag[] = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(TAG)) {
    // Line numbers are counted only up to each tag, and only when there is one.
    for (
      let at = text.indexOf('\n', counted);
      at >= 0 && at < match.index;
      at = text.indexOf('\n', at + 1)
    ) {
      line++;
      counted = at + 1;
    }
    const value = match[2]!.replace(/\r$/, '').trim();
    const person = trailerPerson(value);
    tags.push({
      position: line,
      key: match[1]!,
      value,
      personName: person.name,
      personEmail: person.email,
    });
  }
  return tags;
}

/** A path of a `diff --git` line: `a/x` or `"a/x\tquoted"` with its prefix removed. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const body = path.slice(1, path.endsWith('"') ? -1 : undefined);
  const bytes: number[] = [];
  const named: Record<string, number> = {
    n: 10,
    t: 9,
    '"': 34,
    '\\': 92,
    a: 7,
    b: 8,
    f: 12,
    r: 13,
    v: 11,
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i] ?? '';
    if (/[0-7]/.test(next)) {
      const octal = body.slice(i, i + 3);
      bytes.push(parseInt(octal, 8) & 0xff);
      i += octal.length - 1;
    } else bytes.push(named[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

function stripPrefix(path: string): string {
  return path.replace(/^[a-z]\//, '');
}

/** The two paths of a `diff --git` line's rest (`a/x b/y`), or null. */
function diffPaths(rest: string): [string, string] | null {
  if (rest.startsWith('"')) {
    const end = rest.indexOf('" ', 1);
    if (end < 0) return null;
    return [unquote(rest.slice(0, end + 1)), unquote(rest.slice(end + 2))];
  }
  if (rest.endsWith('"')) {
    const start = rest.lastIndexOf(' "');
    if (start < 0) return null;
    return [rest.slice(0, start), unquote(rest.slice(start + 1))];
  }
  // `a/x b/x`: the usual case, where both halves name the same file (spaces allowed).
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === ' ') {
    const [a, b] = [rest.slice(0, half), rest.slice(half + 1)];
    if (stripPrefix(a) === stripPrefix(b)) return [a, b];
  }
  const split = rest.indexOf(' b/');
  if (split < 0) return null;
  return [rest.slice(0, split), rest.slice(split + 1)];
}

/** The distinct paths (old and new) named by the `diff --git` lines of `text`, in order. */
export function findDiffFiles(text: string): string[] {
  const paths = new Set<string>();
  let at = text.startsWith('diff --git ') ? 0 : text.indexOf('\ndiff --git ');
  while (at >= 0) {
    const start = at === 0 && text.startsWith('diff --git ') ? 11 : at + 12;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const rest = text.slice(start, end).replace(/\r$/, '');
    const pair = diffPaths(rest);
    if (pair) {
      for (const path of pair) {
        const clean = stripPrefix(path);
        if (clean) paths.add(clean);
      }
    }
    at = text.indexOf('\ndiff --git ', end);
  }
  return [...paths];
}
