/**
 * Barometer's default map of well-known company e-mail domains (data/maps/default-email-map, gitdm
 * EmailMap format), bundled as text so Node and the browser read the same file.
 */
import text from '../../../data/maps/default-email-map?raw';
import { lineCount, throwMapProblems } from './map-problem.ts';
import type { OrganisationLine } from './organisation-line.ts';
import { parseEmailMap } from './parse-email-map.ts';

/** The name the default map goes by in messages, `affiliations who` and `affiliation_maps`. */
export const DEFAULT_MAP_FILE = 'default-email-map';

/** The default map's text. */
export const defaultMapText: string = text;

let parsed: OrganisationLine[] | null = null;

/** The default map's lines, parsed once. Throws `bad-input` if the shipped file is broken. */
export function defaultOrganisationLines(): OrganisationLine[] {
  if (!parsed) {
    const result = parseEmailMap(text, DEFAULT_MAP_FILE);
    throwMapProblems(result.problems);
    parsed = result.entries;
  }
  return parsed;
}

/** The number of lines in the default map file. */
export function defaultMapLines(): number {
  return lineCount(text);
}
