/**
 * Reads a `MAINTAINERS` file (the format of the Linux kernel, Xen and QEMU) into areas: each
 * section's title names an area, its `F:` patterns say which files it covers and its `X:` patterns
 * which it excludes. Sections are found as the kernel's get_maintainer.pl finds them.
 */

/** One area: a name and the path patterns that cover and exclude files (see area-matcher.ts). */
export interface AreaDefinition {
  /** The section title (`ARM (W/ VIRTUALISATION EXTENSIONS) ARCHITECTURE`) or a configured name. */
  name: string;
  /** Patterns of the files the area covers (`F:`). */
  patterns: string[];
  /** Patterns of the files it leaves out although a pattern covers them (`X:`). */
  excludes: string[];
}

/** A typed line, as get_maintainer.pl reads one: a capital letter and a colon at the first column. */
const ENTRY = /^([A-Z]):\s*(.*)$/;

/**
 * The areas of a MAINTAINERS text, in file order. Like get_maintainer.pl: a typed line (`F:`,
 * `X:`, `M:`, … at the first column) belongs to the section whose title is the last untyped,
 * non-blank line before it (blank lines and `#` comment lines end nothing), so the prose at the top
 * and the indented examples in it make no area. Sections without an `F:` pattern are left out;
 * two sections with one title are merged. Pattern text ends at the first white space (a pattern
 * never holds one; some files add a note after it).
 */
export function parseMaintainers(text: string): AreaDefinition[] {
  const byName = new Map<string, AreaDefinition>();
  let title: string | null = null;
  let current: AreaDefinition | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*$/.test(line) || /^\s*#/.test(line)) continue;
    const entry = ENTRY.exec(line);
    if (!entry) {
      title = line.trim();
      current = null;
      continue;
    }
    const type = entry[1];
    if (title === null || (type !== 'F' && type !== 'X')) continue;
    const pattern = entry[2]!.trim().split(/\s/)[0]!;
    if (!pattern) continue;
    if (!current) {
      current = byName.get(title) ?? { name: title, patterns: [], excludes: [] };
      byName.set(title, current);
    }
    (type === 'F' ? current.patterns : current.excludes).push(pattern);
  }
  return [...byName.values()].filter((area) => area.patterns.length > 0);
}
