/**
 * gitdm's `EmailMap` format: `[user@]domain  Organisation Name  [< YYYY-MM-DD]`, `#` comments.
 *
 * ```
 * intel.com               Intel
 * xilinx.com              Xilinx < 2022-02-14
 * xilinx.com              AMD
 * jane@gmail.com          Citrix < 2015-03-01
 * jane@gmail.com          SUSE
 * ```
 *
 * Names may hold spaces. Several lines for one key are its history: a `<` line holds for dates
 * before its day (and after the previous line's day); an undated line holds after the last dated one.
 */
import { parseMapDate } from './map-date.ts';
import { contentLines, lineCount, type MapProblem, type Parsed } from './map-problem.ts';
import { keyProblem, organisationProblem, type OrganisationLine } from './organisation-line.ts';

/** Parses an EmailMap text. Bad keys, missing names and dates that are not dates are problems. */
export function parseEmailMap(text: string, file: string): Parsed<OrganisationLine> {
  const entries: OrganisationLine[] = [];
  const problems: MapProblem[] = [];
  for (const { number, text: line } of contentLines(text)) {
    const source = { file, line: number };
    const space = line.search(/\s/);
    const key = (space < 0 ? line : line.slice(0, space)).toLowerCase();
    let rest = space < 0 ? '' : line.slice(space).trim();
    let until: Date | null = null;
    const problem = keyProblem(key);
    if (problem) {
      problems.push({ source, problem });
      continue;
    }
    const lt = rest.indexOf('<');
    if (lt >= 0) {
      const dateText = rest.slice(lt + 1).trim();
      rest = rest.slice(0, lt).trim();
      until = parseMapDate(dateText);
      if (!until) {
        problems.push({
          source,
          problem: `not a date after "<": ${JSON.stringify(dateText)} (expected YYYY-MM-DD)`,
        });
        continue;
      }
    }
    const organisation = rest.replace(/\s+/g, ' ');
    const nameProblem = organisationProblem(organisation);
    if (nameProblem) {
      problems.push({ source, problem: nameProblem });
      continue;
    }
    entries.push({ key, organisation, until, source });
  }
  return { entries, problems, lines: lineCount(text) };
}
