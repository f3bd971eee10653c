/**
 * git's `.mailmap` format (gitmailmap(5)), all four forms:
 *
 * ```
 * Proper Name <commit@email>                               name for an address
 * <proper@email> <commit@email>                            address for an address
 * Proper Name <proper@email> <commit@email>                both for an address
 * Proper Name <proper@email> Commit Name <commit@email>    both, only when name and address match
 * ```
 *
 * Lines starting with `#` are comments, and so is `# ...` after the last `>`. A line with more than
 * two `<addresses>` reads as its first two, and what follows the second is ignored, as git does. Matching (see
 * {@link createMailmap}) is case-insensitive for addresses and names, as in git.
 */
import { contentLines, lineCount, type MapSource, type Parsed } from './map-problem.ts';

/** One mailmap line. */
export interface MailmapEntry {
  /** The name to show, or null when the line gives none. */
  properName: string | null;
  /** The address to use, or null when the line gives none. */
  properEmail: string | null;
  /** The commit name the line is restricted to (form 4), or null for any name. */
  commitName: string | null;
  /** The commit address the line applies to, as written. */
  commitEmail: string;
  source: MapSource;
}

interface Pair {
  name: string;
  email: string;
}

const PAIR = /\s*([^<>]*?)\s*<([^<>]*)>/y;

/** Parses a `.mailmap` text. Lines that fit no form are problems naming file and line. */
export function parseMailmap(text: string, file: string): Parsed<MailmapEntry> {
  const entries: MailmapEntry[] = [];
  const problems: Parsed<MailmapEntry>['problems'] = [];
  for (const { number, text: line } of contentLines(text, 'line-start')) {
    const source = { file, line: number };
    const pairs: Pair[] = [];
    PAIR.lastIndex = 0;
    let end = 0;
    for (let m = PAIR.exec(line); m; m = PAIR.exec(line)) {
      pairs.push({ name: m[1]!.trim(), email: m[2]!.trim() });
      end = PAIR.lastIndex;
    }
    const rest = line.slice(end).trim();
    const problem = (what: string) => problems.push({ source, problem: what });
    if (pairs.length === 0) {
      problem(
        line.includes('<')
          ? `an address has no closing ">": ${JSON.stringify(line)}`
          : `no <address> on the line: ${JSON.stringify(line)}`,
      );
      continue;
    }
    // git reads two <addresses> at most and ignores the rest of the line (git check-mailmap).
    if (rest && !rest.startsWith('#') && pairs.length === 1) {
      problem(`unexpected text after the last address: ${JSON.stringify(rest)}`);
      continue;
    }
    if (pairs.length === 1) {
      const only = pairs[0]!;
      if (!only.name) {
        problem(`a single <${only.email}> without a name maps nothing`);
        continue;
      }
      entries.push({
        properName: only.name,
        properEmail: null,
        commitName: null,
        commitEmail: only.email,
        source,
      });
      continue;
    }
    const [proper, commit] = pairs as [Pair, Pair];
    if (!proper.name && !proper.email) {
      problem(`nothing to map <${commit.email}> to (empty name and address)`);
      continue;
    }
    entries.push({
      properName: proper.name || null,
      properEmail: proper.email || null,
      commitName: commit.name || null,
      commitEmail: commit.email,
      source,
    });
  }
  return { entries, problems, lines: lineCount(text) };
}

/** What a mailmap says about one identity. */
export interface MailmapMatch {
  name: string | null;
  email: string | null;
  /** The line that decided it. */
  source: MapSource;
}

interface Slot {
  name: string | null;
  email: string | null;
  source: MapSource | null;
}

/** A mailmap ready for lookups: {@link Mailmap.lookup}. */
export interface Mailmap {
  /**
   * What the mailmap says for a commit `name <email>`, as git's map_user does: a line restricted
   * to this name wins over the lines for the address alone; null when no line applies.
   */
  lookup(name: string | null, email: string): MailmapMatch | null;
}

/**
 * Builds a lookup from mailmap lines in reading order; a later line overrides the name or address
 * an earlier one gave for the same key, as in git.
 */
export function createMailmap(entries: readonly MailmapEntry[]): Mailmap {
  const byEmail = new Map<string, { own: Slot; byName: Map<string, Slot> }>();
  const merge = (slot: Slot, entry: MailmapEntry) => {
    if (entry.properName) slot.name = entry.properName;
    if (entry.properEmail) slot.email = entry.properEmail;
    slot.source = entry.source;
  };
  for (const entry of entries) {
    const key = entry.commitEmail.toLowerCase();
    let item = byEmail.get(key);
    if (!item) {
      item = { own: { name: null, email: null, source: null }, byName: new Map() };
      byEmail.set(key, item);
    }
    if (entry.commitName) {
      const nameKey = entry.commitName.toLowerCase();
      let slot = item.byName.get(nameKey);
      if (!slot) {
        slot = { name: null, email: null, source: null };
        item.byName.set(nameKey, slot);
      }
      merge(slot, entry);
    } else {
      merge(item.own, entry);
    }
  }
  return {
    lookup(name, email) {
      const item = byEmail.get(email.toLowerCase());
      if (!item) return null;
      const slot = (name !== null && item.byName.get(name.toLowerCase())) || item.own;
      if (!slot.source || (slot.name === null && slot.email === null)) return null;
      return { name: slot.name, email: slot.email, source: slot.source };
    },
  };
}
