/**
 * The printed weather report: a heading, the sentences, then the main tables (commits by year, the
 * ranking since `since`, the last 12 months). Names are plain text with control characters removed.
 */
import { UNKNOWN } from '../identity/organisation-index.ts';
import { plainName } from './escape-markdown.ts';
import { formatCount, formatPercentPrecise, plural } from './format-figures.ts';
import { reportSentences } from './report-sentences.ts';
import type { WeatherReport } from './weather-report.ts';

/** The report's scope line: project, as-of, since, filters. */
export function scopeLine(report: WeatherReport, name: (s: string) => string = plainName): string {
  const parts = [
    `as of ${report.asOf} (everything before that day)`,
    `since ${report.since}`,
    `top ${report.top}`,
  ];
  if (report.filters.subprojects && report.filters.subprojects.length > 0) {
    parts.push(`sub-projects: ${report.filters.subprojects.map(name).join(', ')}`);
  }
  if (report.filters.repositories.length > 0) {
    parts.push(`repositories: ${report.filters.repositories.map(name).join(', ')}`);
  }
  if (report.filters.paths.length > 0) {
    parts.push(`paths: ${report.filters.paths.map(name).join(', ')}`);
  }
  if (report.filters.areas.length > 0) {
    parts.push(`areas: ${report.filters.areas.map(name).join(', ')}`);
  }
  return parts.join('; ');
}

function table(rows: string[][], alignRight: boolean[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map(
    (row) =>
      `  ${row
        .map((cell, i) => (alignRight[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd()}`,
  );
}

function ranking(
  organisations: Array<{ organisation: string; commits: number; share: number }>,
  unknown: { commits: number; share: number },
): string[] {
  const rows = organisations.map((o, i) => [
    `${i + 1}.`,
    plainName(o.organisation),
    formatCount(o.commits),
    formatPercentPrecise(o.share),
  ]);
  if (unknown.commits > 0) {
    rows.push(['', UNKNOWN, formatCount(unknown.commits), formatPercentPrecise(unknown.share)]);
  }
  if (rows.length === 0) return ['  (none)'];
  return table(rows, [true, false, true, true]);
}

/** The report as plain text for a terminal, ending with a newline. */
export function renderText(report: WeatherReport): string {
  const lines: string[] = [];
  lines.push(`Weather report: ${plainName(report.project)}`);
  lines.push(scopeLine(report));
  lines.push('');
  for (const sentence of reportSentences(report)) lines.push(`- ${sentence.text}`);
  lines.push('');
  lines.push('Commits by year');
  lines.push(
    ...table(
      report.commitsByYear.map((y) => [
        String(y.year),
        formatCount(y.commits),
        y.partial ? '(partial)' : '',
      ]),
      [false, true, false],
    ),
  );
  lines.push('');
  lines.push(`Organisations since ${report.since} (${plural(report.totalCommits, 'commit')})`);
  lines.push(...ranking(report.topOrganisations, report.unknown));
  lines.push('');
  const recent = report.last12Months;
  lines.push(
    `The last 12 months, ${recent.from} to ${recent.to} (${plural(recent.commits, 'commit')})`,
  );
  lines.push(...ranking(recent.organisations, recent.unknown));
  return `${lines.join('\n')}\n`;
}
