/**
 * gitdm's `EmailAliases` format: one `alias@address canonical@address` pair a line, `#` comments.
 * Matching is case-insensitive; an alias of an alias is followed to the end of the chain.
 */
import { formatSource, type MapProblem, type MapSource, type Parsed } from './map-problem.ts';
import { parsePairLines } from './parse-pair-lines.ts';

/** One alias line. */
export interface AliasEntry {
  /** The alias, lower-cased. */
  alias: string;
  /** The address it folds into, lower-cased. */
  canonical: string;
  source: MapSource;
}

const ADDRESS = /^[^\s@<>]*@[^\s@<>]+$/;

/** Parses an EmailAliases text. */
export function parseEmailAliases(text: string, file: string): Parsed<AliasEntry> {
  return parsePairLines(text, file, {
    wrongFieldCount: (fields, line) =>
      `expected "alias@address canonical@address", got ${fields.length} field${fields.length === 1 ? '' : 's'}: ${JSON.stringify(line)}`,
    read(alias, canonical, source) {
      const bad = [alias, canonical].find((a) => !ADDRESS.test(a));
      if (bad !== undefined) return `not an e-mail address: ${JSON.stringify(bad)}`;
      return { alias: alias.toLowerCase(), canonical: canonical.toLowerCase(), source };
    },
  });
}

/** Aliases ready for lookups. */
export interface Aliases {
  /**
   * The canonical address of a lower-cased address and the alias lines followed to reach it
   * (empty when the address is no alias).
   */
  resolve(email: string): { email: string; via: MapSource[] };
}

/**
 * Builds the alias lookup. Problems: one alias given two different canonical addresses (naming both
 * lines), and chains that loop.
 */
export function createAliases(entries: readonly AliasEntry[]): {
  aliases: Aliases;
  problems: MapProblem[];
} {
  const map = new Map<string, AliasEntry>();
  const problems: MapProblem[] = [];
  for (const entry of entries) {
    if (entry.alias === entry.canonical) continue;
    const earlier = map.get(entry.alias);
    if (earlier && earlier.canonical !== entry.canonical) {
      problems.push({
        source: entry.source,
        problem: `conflict: ${entry.alias} is an alias of ${entry.canonical} here and of ${earlier.canonical} at ${formatSource(earlier.source)}`,
      });
      continue;
    }
    if (!earlier) map.set(entry.alias, entry);
  }
  const follow = (email: string) => {
    const via: MapSource[] = [];
    const seen = new Set<string>([email]);
    let at = email;
    for (let next = map.get(at); next; next = map.get(at)) {
      via.push(next.source);
      at = next.canonical;
      if (seen.has(at)) return { email: at, via, loop: true };
      seen.add(at);
    }
    return { email: at, via, loop: false };
  };
  for (const entry of map.values()) {
    const result = follow(entry.alias);
    if (result.loop) {
      problems.push({
        source: entry.source,
        problem: `aliases loop: ${entry.alias} leads back to itself through ${result.via.map(formatSource).join(', ')}`,
      });
      map.delete(entry.alias);
    }
  }
  return {
    aliases: {
      resolve(email) {
        const { email: canonical, via } = follow(email);
        return { email: canonical, via };
      },
    },
    problems,
  };
}
