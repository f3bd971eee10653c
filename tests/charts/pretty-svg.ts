/**
 * SVG markup laid out one element a line, indented by depth, so a golden's diff shows which mark
 * changed. Only line breaks and indentation are added, and only between two tags with nothing
 * between them: text (and any white space the markup already had) is kept as it was.
 */

/** A start, end or empty tag, quoted attribute values (which may hold `>`) included. */
const TAG = /<[a-zA-Z/?!][^">]*(?:"[^"]*"[^">]*)*>/g;

/** `svg` pretty-printed, ending with a newline. */
export function prettySvg(svg: string): string {
  let out = '';
  let depth = 0;
  let last = 0;
  /** What came right before: a start tag, another tag, or text. */
  let previous: 'start' | 'tag' | 'text' | 'none' = 'none';
  const breakLine = () => (out === '' ? '' : `\n${'  '.repeat(depth)}`);
  for (const match of svg.matchAll(TAG)) {
    const text = svg.slice(last, match.index);
    if (text !== '') {
      out += text;
      previous = 'text';
    }
    const tag = match[0];
    if (tag.startsWith('</')) {
      depth = Math.max(0, depth - 1);
      if (previous === 'tag') out += breakLine();
      out += tag;
      previous = 'tag';
    } else {
      if (previous !== 'text') out += breakLine();
      out += tag;
      const opens = !tag.endsWith('/>') && !tag.startsWith('<?') && !tag.startsWith('<!');
      if (opens) depth++;
      previous = opens ? 'start' : 'tag';
    }
    last = match.index + tag.length;
  }
  return `${out}${svg.slice(last)}\n`;
}
