/** One fact of an organisation map, whatever format it came from (EmailMap, GroupMap, config). */
import type { MapSource } from './map-problem.ts';

/** `key` belonged to `organisation` before `until` (or, without `until`, from the previous line on). */
export interface OrganisationLine {
  /** A lower-cased whole address (`user@domain`) or domain (`intel.com`). */
  key: string;
  organisation: string;
  /** The day (UTC midnight) this line stops holding; null when it holds to the end. */
  until: Date | null;
  source: MapSource;
}

const LABEL = '[^\\s@<>()[\\]",;:/\\\\.]+';
const DOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})+$`, 'u');
const ADDRESS = new RegExp(`^[^\\s@<>]+@${LABEL}(\\.${LABEL})*$`, 'u');

/**
 * The problem with a map key, or null when it is a whole address (`user@host`) or a domain with at
 * least one dot (`intel.com`), so that `Red Hat` on its own is caught rather than read as domain
 * `red`.
 */
export function keyProblem(key: string): string | null {
  if (key.includes('@')) {
    return ADDRESS.test(key) ? null : `not an e-mail address: ${JSON.stringify(key)}`;
  }
  return DOMAIN.test(key)
    ? null
    : `not a domain or address: ${JSON.stringify(key)} (expected e.g. intel.com or jane@example.org)`;
}

/** The problem with an organisation name, or null when it is fine. */
export function organisationProblem(name: string): string | null {
  if (!name) return 'no organisation name after the address or domain';
  if (name === '?') return 'organisation not filled in ("?")';
  if (name.toLowerCase() === 'unknown') {
    return '"Unknown" is what unmapped addresses get; leave the line out instead';
  }
  return null;
}
