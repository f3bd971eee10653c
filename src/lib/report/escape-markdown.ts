/** Strings from the data (organisation names) are hostile: escaped before they reach Markdown or a terminal. */

/** Control characters and bidirectional overrides that could rewrite what a reader sees. */
function unsafe(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** A name as plain text: control and bidi-override characters become U+FFFD, nothing else changes. */
export function plainName(name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    out += unsafe(name.charCodeAt(i)) ? '\uFFFD' : name[i];
  }
  return out;
}

/**
 * A name as Markdown text that renders as itself: Markdown punctuation backslash-escaped, `<` and
 * `&` as entities (no HTML gets through), control characters replaced.
 */
export function escapeMarkdown(name: string): string {
  return plainName(name)
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;');
}
