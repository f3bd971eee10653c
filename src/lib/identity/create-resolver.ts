/**
 * The resolver: who a raw identity is (mailmap, then aliases, case-insensitive), which
 * organisation a person belonged to when (see organisation-index.ts), and who a GitHub login is.
 */
import type { AffiliationMaps } from './affiliation-maps.ts';
import type { MapProblem, MapSource } from './map-problem.ts';
import { createOrganisationIndex, type OrganisationIndex } from './organisation-index.ts';
import { createAliases } from './parse-email-aliases.ts';
import { createMailmap, type MailmapEntry } from './parse-mailmap.ts';

/** A raw `name <email>` after the mailmap and aliases. */
export interface ResolvedIdentity {
  /** The canonical address, lower-cased; null when the source gave no address. */
  person: string | null;
  /** The name the mailmap gives, or null. */
  mailmapName: string | null;
  /** The mailmap line and alias lines that decided it, in the order applied. */
  via: MapSource[];
}

/** How a GitHub login became an address. */
export interface LoginResolution {
  /** The address before the mailmap and aliases. */
  email: string;
  /** `logins`: a logins map line; `commits`: the address most of the login's commits used; `noreply`. */
  how: 'logins' | 'commits' | 'noreply';
  /** The logins line, when `how` is `logins`. */
  source: MapSource | null;
}

/** Everything the maps say, ready for lookups. */
export interface Resolver {
  /** The person behind a raw name and address (name may be null, e.g. for a trailer). */
  identify(name: string | null, email: string | null): ResolvedIdentity;
  /** Organisation history by canonical address. */
  readonly organisations: OrganisationIndex;
  /**
   * The address of a GitHub login: the logins map, else the address with the most commits among
   * `emails` (ties: the alphabetically first), else `<login>@users.noreply.github.com`.
   */
  loginAddress(
    login: string,
    emails: readonly { email: string; commits: number }[],
  ): LoginResolution;
}

/**
 * Builds the resolver. `repositoryMailmaps` (each repository's own `.mailmap`) are read before the
 * maps' mailmaps, so the project's files override them. Returns the cross-line problems too
 * (conflicts); callers that loaded the maps with `loadAffiliationMapFiles` have already seen them.
 */
export function createResolver(
  maps: AffiliationMaps,
  repositoryMailmaps: readonly MailmapEntry[] = [],
): { resolver: Resolver; problems: MapProblem[] } {
  const mailmap = createMailmap([...repositoryMailmaps, ...maps.mailmap]);
  const { aliases, problems: aliasProblems } = createAliases(maps.aliases);
  const { index, problems: organisationProblems } = createOrganisationIndex([
    maps.organisations,
    maps.defaultOrganisations,
  ]);
  const logins = new Map<string, (typeof maps.logins)[number]>();
  for (const entry of maps.logins) if (!logins.has(entry.login)) logins.set(entry.login, entry);

  const resolver: Resolver = {
    identify(name, email) {
      if (email === null || email.trim() === '') {
        return { person: null, mailmapName: null, via: [] };
      }
      const match = mailmap.lookup(name, email.trim());
      const mapped = (match?.email ?? email).trim().toLowerCase();
      const alias = aliases.resolve(mapped);
      return {
        person: alias.email || null,
        mailmapName: match?.name ?? null,
        via: [...(match ? [match.source] : []), ...alias.via],
      };
    },
    organisations: index,
    loginAddress(login, emails) {
      const key = login.toLowerCase();
      const line = logins.get(key);
      if (line) return { email: line.email, how: 'logins', source: line.source };
      let best: { email: string; commits: number } | null = null;
      for (const e of emails) {
        const email = e.email.trim().toLowerCase();
        if (!email) continue;
        if (
          !best ||
          e.commits > best.commits ||
          (e.commits === best.commits && email < best.email)
        ) {
          best = { email, commits: e.commits };
        }
      }
      if (best) return { email: best.email, how: 'commits', source: null };
      return { email: `${key}@users.noreply.github.com`, how: 'noreply', source: null };
    },
  };
  return { resolver, problems: [...aliasProblems, ...organisationProblems] };
}
