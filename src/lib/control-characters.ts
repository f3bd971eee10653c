/**
 * Strings from the data (names, organisations, subjects) may hold control characters: an escape
 * sequence that recolours or rewrites a terminal, or a character XML 1.0 forbids, which makes a
 * whole SVG unreadable. Every output shows them instead, as the Unicode symbol for each (␛ for ESC,
 * U+241B), through this one function: the CLI's terminal output and the charts' standalone SVG.
 */

// C0 controls, DEL, C1 controls, the non-characters U+FFFE and U+FFFF, and lone surrogates.
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function symbolFor(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␀ … ␟
  if (code === 0x7f) return '\u2421'; // ␡
  return '\ufffd';
}

/**
 * `text` with every control character (C0, DEL, C1), U+FFFE, U+FFFF and lone surrogate replaced by
 * a visible symbol (U+2400–U+2421 for C0 and DEL, U+FFFD for the rest), except the characters in
 * `keep` (default: tab and newline) and a carriage return that ends a line (before a newline, as
 * in CSV). The result is valid XML 1.0 text and safe on a terminal.
 */
export function showControlCharacters(text: string, keep = '\t\n'): string {
  return text.replace(CONTROL, (char, offset: number) =>
    keep.includes(char) || (char === '\r' && text.charCodeAt(offset + 1) === 10)
      ? char
      : symbolFor(char),
  );
}
