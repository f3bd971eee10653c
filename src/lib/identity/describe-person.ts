/**
 * Everything Barometer knows about one person (`barometer affiliations who ADDRESS`): the raw
 * addresses and names folded into them, with the lines that folded them, and their organisation
 * over time with the map line that decided each span. Reads the identity tables of an apply.
 */
import type { Database } from '../db/database.ts';
import type { AffiliationMaps } from './affiliation-maps.ts';
import type { Resolver } from './create-resolver.ts';
import { formatSource } from './map-problem.ts';
import { oneLine } from './one-line.ts';
import { UNKNOWN } from './organisation-index.ts';
import { domainOf, isPersonalMailDomain } from './personal-mail-providers.ts';

/** One span of the person's history with what it counted. */
export interface PersonSpan {
  from: Date | null;
  until: Date | null;
  organisation: string;
  /** `file:line` of the deciding line; null for Unknown. */
  decidedBy: string | null;
  /** The address or domain the line names; null for Unknown. */
  key: string | null;
  /** Why a span is Unknown, in words; null otherwise. */
  note: string | null;
  commits: number;
  reviews: number;
}

/** The description of a person. */
export interface PersonDescription {
  /** The address asked about, as given. */
  query: string;
  /** The canonical address. */
  person: string;
  /** The display name contributions carry, or null when they have none. */
  name: string | null;
  /** Raw addresses and names seen for the person, with the mailmap/alias lines applied. */
  identities: { email: string; name: string | null; decidedBy: string | null }[];
  /** Alias lines that point at the person (also for aliases never seen in the data). */
  aliasLines: { alias: string; decidedBy: string }[];
  /** GitHub logins credited to the person and how. */
  logins: { login: string; how: string; decidedBy: string | null }[];
  spans: PersonSpan[];
  commits: number;
  reviews: number;
  /** Other people the same raw address resolves to under another name (mailmap name lines). */
  alsoPeople: string[];
}

/** A UTC instant as DuckDB's naive TIMESTAMP text. */
const naive = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

/** Describes the person behind `address` with the resolver of the maps just applied. */
export async function describePerson(
  db: Database,
  maps: AffiliationMaps,
  resolver: Resolver,
  address: string,
): Promise<PersonDescription> {
  const person = resolver.identify(null, address).person ?? address.trim().toLowerCase();
  const identities = await db.query<{
    email: string;
    name: string | null;
    decided_by: string | null;
  }>(
    `SELECT DISTINCT raw_email AS email, raw_name AS name, decided_by FROM person_identities
     WHERE person = $person ORDER BY lower(raw_email), raw_name NULLS FIRST`,
    { person },
  );
  const also = await db.query<{ person: string }>(
    `SELECT DISTINCT person FROM person_identities
     WHERE lower(raw_email) = lower($address) AND person IS NOT NULL AND person <> $person
     ORDER BY person`,
    { address: address.trim(), person },
  );
  const logins = await db.query<{ login: string; how: string; decided_by: string | null }>(
    `SELECT login, how, decided_by FROM github_login_people WHERE person = $person ORDER BY login`,
    { person },
  );
  const [named] = await db.query<{ name: string | null; commits: number; reviews: number }>(
    `SELECT any_value(person_name) AS name,
            count(*) FILTER (WHERE kind = 'commit') AS commits,
            count(*) FILTER (WHERE kind = 'review') AS reviews
     FROM contributions WHERE person = $person`,
    { person },
  );
  const domain = domainOf(person);
  const spans: PersonSpan[] = [];
  for (const span of resolver.organisations.spansFor(person)) {
    const params = {
      person,
      from: span.from ? naive(span.from) : '-infinity',
      until: span.until ? naive(span.until) : 'infinity',
    };
    const [counts] = await db.query<{ commits: number; reviews: number }>(
      `SELECT count(*) FILTER (WHERE kind = 'commit') AS commits,
              count(*) FILTER (WHERE kind = 'review') AS reviews
       FROM contributions
       WHERE person = $person AND time >= CAST($from AS TIMESTAMP)
         AND time < CAST($until AS TIMESTAMP)`,
      params,
    );
    let note: string | null = null;
    if (span.organisation === UNKNOWN) {
      note =
        domain && isPersonalMailDomain(domain)
          ? `${domain} is a personal mail provider: only a line for the whole address maps it`
          : `no map line names ${person}${domain ? ` or ${domain}` : ''} for these dates`;
    }
    spans.push({
      from: span.from,
      until: span.until,
      organisation: span.organisation,
      decidedBy: span.source ? formatSource(span.source) : null,
      key: span.key,
      note,
      commits: counts?.commits ?? 0,
      reviews: counts?.reviews ?? 0,
    });
  }
  return {
    query: address,
    person,
    name: named?.name ?? null,
    identities: identities.map((i) => ({ email: i.email, name: i.name, decidedBy: i.decided_by })),
    aliasLines: maps.aliases
      .filter((a) => resolver.identify(null, a.alias).person === person)
      .map((a) => ({ alias: a.alias, decidedBy: formatSource(a.source) })),
    logins: logins.map((l) => ({ login: l.login, how: l.how, decidedBy: l.decided_by })),
    spans,
    commits: named?.commits ?? 0,
    reviews: named?.reviews ?? 0,
    alsoPeople: also.map((a) => a.person),
  };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The description as text, one fact a line. */
export function formatPersonDescription(d: PersonDescription): string {
  const lines = [`${oneLine(d.person)}${d.name ? ` (${oneLine(d.name)})` : ''}`];
  if (d.query.trim().toLowerCase() !== d.person)
    lines.push(`  ${oneLine(d.query)} is an alias of ${d.person}`);
  lines.push(`  contributions: ${count(d.commits, 'commit')}, ${count(d.reviews, 'review')}`);
  if (d.identities.length) {
    lines.push('  seen as:');
    for (const i of d.identities) {
      const who = `${i.name ? `${oneLine(i.name)} ` : ''}<${oneLine(i.email)}>`;
      lines.push(`    ${who}${i.decidedBy ? `  via ${i.decidedBy}` : ''}`);
    }
  }
  if (d.aliasLines.length) {
    lines.push('  aliases in the maps:');
    for (const a of d.aliasLines) lines.push(`    ${a.alias}  (${a.decidedBy})`);
  }
  if (d.logins.length) {
    lines.push('  GitHub:');
    for (const l of d.logins) {
      lines.push(`    ${l.login}  (${l.how}${l.decidedBy ? `: ${l.decidedBy}` : ''})`);
    }
  }
  lines.push('  organisation over time:');
  for (const s of d.spans) {
    const from = day(s.from);
    const until = day(s.until);
    const when =
      from && until
        ? `${from} to ${until}`
        : from
          ? `from ${from}`
          : until
            ? `before ${until}`
            : 'always';
    const why = s.decidedBy ? `${s.decidedBy} (${s.key})` : (s.note ?? '');
    lines.push(
      `    ${when.padEnd(24)}  ${s.organisation.padEnd(20)}  ${count(s.commits, 'commit').padStart(11)}  ${count(s.reviews, 'review').padStart(11)}  ${why}`.trimEnd(),
    );
  }
  for (const other of d.alsoPeople) {
    lines.push(
      `  note: under another name this address is ${other} (a mailmap line for that name)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
