/**
 * Text measuring without a DOM: an estimate of a string's width in Inter, good enough to decide
 * whether a label fits and where to cut it, the same in the browser and on the server.
 */

/** Advance widths in em for Inter's Latin glyphs, by class; unknown characters count as wide. */
function charWidth(char: string): number {
  if (" .,:;!|'`ijlI()[]{}".includes(char)) return 0.3;
  if ('frt-/"'.includes(char)) return 0.4;
  if ('mwMW@%&'.includes(char)) return 0.88;
  if (/[0-9]/.test(char)) return 0.6;
  if (/[A-Z]/.test(char)) return 0.68;
  if (/[a-z]/.test(char)) return 0.56;
  const code = char.codePointAt(0) ?? 0;
  // CJK and other wide scripts take a full em.
  if (code >= 0x1100) return 1;
  return 0.62;
}

/** Estimated width of `text` at `fontSize` px (Inter, regular weight; bold is ~5% wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += charWidth(char);
  return em * fontSize * (bold ? 1.05 : 1);
}

/**
 * `text` cut to fit `maxWidth` px at `fontSize` px, ending in `…` when cut (never splitting a
 * character). Returns `''` when not even the ellipsis fits.
 */
export function truncate(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  const ellipsis = textWidth('…', fontSize, bold);
  let width = 0;
  let end = 0;
  while (end < chars.length) {
    const next = textWidth(chars[end] ?? '', fontSize, bold);
    if (width + next + ellipsis > maxWidth) break;
    width += next;
    end++;
  }
  if (end === 0) return ellipsis <= maxWidth ? '…' : '';
  return `${chars.slice(0, end).join('').trimEnd()}…`;
}

/**
 * `text` broken into at most `maxLines` lines of at most `maxWidth` px at `fontSize` px, at spaces;
 * the last line is cut with `…` when the text needs more lines, and a word wider than a line is cut
 * too. Returns one empty line for empty text.
 */
export function wrapLines(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
  bold = false,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length === 0) return [''];
  const kept = lines.slice(0, Math.max(1, maxLines));
  // The last line kept takes the rest: wider than a line, so it is cut with an ellipsis.
  if (lines.length > kept.length) kept[kept.length - 1] = lines.slice(kept.length - 1).join(' ');
  return kept.map((l) => truncate(l, maxWidth, fontSize, bold));
}
