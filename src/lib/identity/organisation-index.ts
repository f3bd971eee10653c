/**
 * Which organisation an address belonged to at a time: a whole address beats a domain, a domain
 * covers its subdomains (the longest matching suffix wins), dated lines give a history, personal
 * mail providers never map by domain, and anything else is `Unknown`.
 */
import { formatSource, type MapProblem, type MapSource } from './map-problem.ts';
import type { OrganisationLine } from './organisation-line.ts';
import { domainOf, isPersonalMailDomain } from './personal-mail-providers.ts';

/** What unmapped contributions are credited to. Not an organisation: never ranked. */
export const UNKNOWN = 'Unknown';

/** One stretch of an address's history: `[from, until)`, null meaning unbounded. */
export interface OrganisationSpan {
  /** First instant (UTC midnight of a map day) the span holds, or null for "since always". */
  from: Date | null;
  /** The instant it stops holding, or null for "still". */
  until: Date | null;
  /** The organisation, or `Unknown`. */
  organisation: string;
  /** The map line that decided it; null for `Unknown`. */
  source: MapSource | null;
  /** The map key that matched (the address or a domain); null for `Unknown`. */
  key: string | null;
}

interface Segment {
  from: number;
  until: number;
  organisation: string;
  source: MapSource;
  key: string;
}

/** An organisation lookup over every map: {@link createOrganisationIndex}. */
export interface OrganisationIndex {
  /**
   * The history of a (lower-cased, canonical) address: spans in time order covering all time,
   * adjacent spans differing in organisation or deciding line.
   */
  spansFor(address: string): OrganisationSpan[];
  /** The span holding at `time`. */
  at(address: string, time: Date): OrganisationSpan;
  /** The keys (addresses and domains) some map names. */
  readonly size: number;
}

const NEVER = Number.NEGATIVE_INFINITY;
const EVER = Number.POSITIVE_INFINITY;

function timeline(lines: OrganisationLine[], problems: MapProblem[]): Segment[] {
  const sorted = [...lines].sort(
    (a, b) => (a.until?.getTime() ?? EVER) - (b.until?.getTime() ?? EVER),
  );
  const out: Segment[] = [];
  let from = NEVER;
  for (const line of sorted) {
    const until = line.until?.getTime() ?? EVER;
    const last = out[out.length - 1];
    if (last && last.until === until) {
      if (last.organisation !== line.organisation) {
        problems.push({
          source: line.source,
          problem: `conflict: ${line.key} is ${line.organisation} here and ${last.organisation} at ${formatSource(last.source)} for the same dates`,
        });
      }
      continue;
    }
    out.push({ from, until, organisation: line.organisation, source: line.source, key: line.key });
    from = until;
  }
  return out;
}

/** The keys to try for an address, best first: itself, then its domain and each domain above. */
function candidateKeys(address: string): string[] {
  const keys = [address];
  const domain = domainOf(address);
  if (!domain || isPersonalMailDomain(domain)) return keys;
  for (let at = domain; at.includes('.'); at = at.slice(at.indexOf('.') + 1)) keys.push(at);
  return keys;
}

/**
 * Builds the index from layers of lines, most important first (e.g. the project's maps, then the
 * default map): a key that a layer names hides every later layer's lines for that key. Problems:
 * two lines of one layer giving one key two organisations for the same dates (naming both lines),
 * and domain lines for personal mail providers.
 */
export function createOrganisationIndex(layers: readonly (readonly OrganisationLine[])[]): {
  index: OrganisationIndex;
  problems: MapProblem[];
} {
  const problems: MapProblem[] = [];
  const timelines = new Map<string, Segment[]>();
  for (const layer of layers) {
    const byKey = new Map<string, OrganisationLine[]>();
    for (const line of layer) {
      if (!line.key.includes('@') && isPersonalMailDomain(line.key)) {
        problems.push({
          source: line.source,
          problem: `${line.key} is a personal mail provider: a domain line never maps it; map whole addresses instead`,
        });
        continue;
      }
      let list = byKey.get(line.key);
      if (!list) byKey.set(line.key, (list = []));
      list.push(line);
    }
    for (const [key, lines] of byKey) {
      const segments = timeline(lines, problems);
      if (!timelines.has(key)) timelines.set(key, segments);
    }
  }

  const toSpan = (from: number, until: number, segment: Segment | null): OrganisationSpan => ({
    from: from === NEVER ? null : new Date(from),
    until: until === EVER ? null : new Date(until),
    organisation: segment?.organisation ?? UNKNOWN,
    source: segment?.source ?? null,
    key: segment?.key ?? null,
  });

  const spansFor = (address: string): OrganisationSpan[] => {
    const chain = candidateKeys(address)
      .map((key) => timelines.get(key))
      .filter((t): t is Segment[] => t !== undefined);
    if (chain.length === 0) return [toSpan(NEVER, EVER, null)];
    if (chain.length === 1 && chain[0]!.length === 1 && chain[0]![0]!.until === EVER) {
      return [toSpan(NEVER, EVER, chain[0]![0]!)];
    }
    const bounds = [
      ...new Set(chain.flatMap((t) => t.map((s) => s.until)).filter((u) => u !== EVER)),
    ].sort((a, b) => a - b);
    const starts = [NEVER, ...bounds];
    const spans: OrganisationSpan[] = [];
    let open: { from: number; segment: Segment | null } | null = null;
    starts.forEach((start) => {
      let segment: Segment | null = null;
      for (const t of chain) {
        segment = t.find((s) => s.from <= start && start < s.until) ?? null;
        if (segment) break;
      }
      if (open && open.segment === segment) return;
      if (open) spans.push(toSpan(open.from, start, open.segment));
      open = { from: start, segment };
    });
    const last = open as { from: number; segment: Segment | null } | null;
    if (last) spans.push(toSpan(last.from, EVER, last.segment));
    return spans;
  };

  return {
    index: {
      spansFor,
      at(address, time) {
        const t = time.getTime();
        return (
          spansFor(address).find(
            (s) => (s.from?.getTime() ?? NEVER) <= t && t < (s.until?.getTime() ?? EVER),
          ) ?? toSpan(NEVER, EVER, null)
        );
      },
      get size() {
        return timelines.size;
      },
    },
    problems,
  };
}
