/** The project config's inline `affiliations.organisations` as organisation lines. */
import type { AffiliationsConfig } from '../config/project-config.ts';
import { parseMapDate } from './map-date.ts';
import type { MapProblem } from './map-problem.ts';
import { keyProblem, organisationProblem, type OrganisationLine } from './organisation-line.ts';

/**
 * Turns `{"intel.com": "Intel", "jane@gmail.com": [{"organisation": "Citrix", "until":
 * "2015-03-01"}, {"organisation": "SUSE"}]}` into lines whose source names `file` and the field.
 */
export function inlineOrganisations(
  organisations: AffiliationsConfig['organisations'],
  file: string,
): { entries: OrganisationLine[]; problems: MapProblem[] } {
  const entries: OrganisationLine[] = [];
  const problems: MapProblem[] = [];
  for (const [rawKey, value] of Object.entries(organisations)) {
    const key = rawKey.trim().toLowerCase();
    const field = `affiliations.organisations.${rawKey}`;
    const keyIssue = keyProblem(key);
    if (keyIssue) {
      problems.push({ source: { file, field }, problem: keyIssue });
      continue;
    }
    const spans = typeof value === 'string' ? [{ organisation: value }] : value;
    spans.forEach((span: { organisation: string; until?: string }, i) => {
      const source = { file, field: typeof value === 'string' ? field : `${field}[${i}]` };
      const organisation = span.organisation.trim().replace(/\s+/g, ' ');
      const nameIssue = organisationProblem(organisation);
      const until = span.until === undefined ? null : parseMapDate(span.until);
      if (nameIssue) problems.push({ source, problem: nameIssue });
      else if (span.until !== undefined && !until) {
        problems.push({ source, problem: `not a date: ${JSON.stringify(span.until)}` });
      } else entries.push({ key, organisation, until, source });
    });
  }
  return { entries, problems };
}
