/** Strings from the data (organisation names) are hostile: escaped before they reach Markdown or a terminal. */

/** Control characters and bidirectional overrides that could rewrite what a reader sees. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A name as plain text: control and bidi-override characters become U+FFFD, nothing else changes. */
export function plainName(name: string): string {
  return name.replace(UNSAFE, '\uFFFD');
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
