/**
 * Text from the data (names, addresses, GitHub profile fields) is hostile: control characters (line
 * breaks, terminal escapes) become one space so that one entry stays one line of output.
 */
export function oneLine(text: string): string {
  let out = '';
  let inRun = false;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const control = code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0);
    if (control) {
      if (!inRun) out += ' ';
      inRun = true;
    } else {
      out += char;
      inRun = false;
    }
  }
  return out;
}
