/**
 * Strings from the data (names, organisations, subjects) may hold control characters: an escape
 * sequence that recolours or rewrites a terminal, a bidirectional override that reorders what is
 * shown, or a character XML 1.0 forbids, which makes a whole SVG unreadable. Every output shows
 * each of them as U+FFFD (as the report's text does) through this one function: the CLI's terminal
 * output and the charts' standalone SVG.
 */

// C0 controls, DEL, C1 controls (\p{Cc}), bidirectional formatting, the non-characters U+FFFE and
// U+FFFF, and lone surrogates (in a `u` pattern a surrogate range matches only unpaired ones).
const CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]/gu;

/**
 * `text` with every control character (C0, DEL, C1), bidirectional formatting character, U+FFFE,
 * U+FFFF and lone surrogate replaced by U+FFFD, except the characters in `keep` (default: tab and
 * newline) and a carriage return that ends a line (before a newline, as in CSV). The result is
 * valid XML 1.0 text and safe on a terminal.
 */
export function showControlCharacters(text: string, keep = '\t\n'): string {
  return text.replace(CONTROL, (char, offset: number) =>
    keep.includes(char) || (char === '\r' && text.charCodeAt(offset + 1) === 10) ? char : '\ufffd',
  );
}
