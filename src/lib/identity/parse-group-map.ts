/**
 * gitdm's `GroupMap` files: one address or domain a line (`#` comments), all belonging to the one
 * organisation the gitdm config names beside the file (`GroupMap lists/acme Acme Corp`).
 */
import { contentLines, lineCount, type MapProblem, type Parsed } from './map-problem.ts';
import { keyProblem, organisationProblem, type OrganisationLine } from './organisation-line.ts';

/** Parses a GroupMap text whose entries all belong to `organisation`. */
export function parseGroupMap(
  text: string,
  file: string,
  organisation: string,
): Parsed<OrganisationLine> {
  const entries: OrganisationLine[] = [];
  const problems: MapProblem[] = [];
  const name = organisation.trim().replace(/\s+/g, ' ');
  const nameProblem = organisationProblem(name);
  if (nameProblem) {
    return { entries, problems: [{ source: { file }, problem: nameProblem }], lines: 0 };
  }
  for (const { number, text: line } of contentLines(text)) {
    const source = { file, line: number };
    if (/\s/.test(line)) {
      problems.push({
        source,
        problem: `one address or domain a line expected, got ${JSON.stringify(line)}`,
      });
      continue;
    }
    const key = line.toLowerCase();
    const problem = keyProblem(key);
    if (problem) problems.push({ source, problem });
    else entries.push({ key, organisation: name, until: null, source });
  }
  return { entries, problems, lines: lineCount(text) };
}
