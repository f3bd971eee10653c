/**
 * Wildcard matching without regular expressions: patterns come from files Barometer does not
 * control (a repository's MAINTAINERS) and must not make matching take exponential time, as a
 * regex of many `*` can on a long path.
 */

const STAR = 42; // '*'
const QUESTION = 63; // '?'

/**
 * True when `pattern` matches the whole of `text`: `*` is any run of characters (none included),
 * `?` one character, anything else itself. Time is at most proportional to the product of the
 * lengths (the greedy algorithm backtracks to the last `*` only).
 */
export function matchWildcard(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && (c === QUESTION || (c !== STAR && c === text.charCodeAt(t)))) {
      p++;
      t++;
    } else if (p < pattern.length && c === STAR) {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern.charCodeAt(p) === STAR) p++;
  return p === pattern.length;
}
