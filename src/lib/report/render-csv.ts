/**
 * The data behind each figure as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, a quote, a line break or edge spaces). Text cells that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) get a leading `'`.
 */
import type { OrganisationShare, UnknownShare, WeatherReport } from './weather-report.ts';

type Cell = string | number | boolean | null | undefined;

/** One cell: numbers as written by JavaScript, null as empty, text neutralised and quoted. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header row and data rows, CRLF after every row. */
export function csvTable(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * One CSV per figure and per table of the report, by file name. The six figures' files carry the
 * figure's name (`commits-by-year.csv`, `organisations-over-time.csv`, `top-organisations.csv`,
 * `last-12-months.csv`, `reviews-against-commits.csv`, `newcomers.csv`); the others are named after
 * their report field. `Unknown` rows are included where the report holds them (marked by name).
 */
export function renderCsv(report: WeatherReport): Record<string, string> {
  const files: Record<string, string> = {};
  const rankedWithUnknown = (
    organisations: OrganisationShare[],
    unknown: UnknownShare,
  ): Cell[][] => [
    ...organisations.map((o, i): Cell[] => [i + 1, o.organisation, o.commits, o.share]),
    ...(unknown.commits > 0 ? [[null, 'Unknown', unknown.commits, unknown.share]] : []),
  ];
  files['commits-by-year.csv'] = csvTable(
    ['year', 'commits', 'partial'],
    report.commitsByYear.map((r) => [r.year, r.commits, r.partial]),
  );
  files['commits-by-quarter.csv'] = csvTable(
    ['quarter', 'commits', 'partial'],
    report.commitsByQuarter.map((r) => [r.quarter, r.commits, r.partial]),
  );
  files['commits-by-month.csv'] = csvTable(
    ['month', 'commits', 'partial'],
    report.commitsByMonth.map((r) => [r.month, r.commits, r.partial]),
  );
  files['growth.csv'] = csvTable(
    ['year', 'growth', 'from_year', 'to_year', 'cagr', 'mean_yoy'],
    (report.growth?.byYear ?? []).map((r) => [
      r.year,
      r.growth,
      report.growth!.fromYear,
      report.growth!.toYear,
      report.growth!.cagr,
      report.growth!.meanYoY,
    ]),
  );
  const y = report.yearToDate;
  files['year-to-date.csv'] = csvTable(
    ['from', 'to', 'commits', 'previous_from', 'previous_to', 'previous_commits', 'growth'],
    [[y.from, y.to, y.commits, y.previousFrom, y.previousTo, y.previousCommits, y.growth]],
  );
  files['top-organisations.csv'] = csvTable(
    ['rank', 'organisation', 'commits', 'share'],
    rankedWithUnknown(report.topOrganisations, report.unknown),
  );
  files['last-12-months.csv'] = csvTable(
    ['rank', 'organisation', 'commits', 'share'],
    rankedWithUnknown(report.last12Months.organisations, report.last12Months.unknown),
  );
  files['organisations-over-time.csv'] = csvTable(
    ['year', 'organisation', 'commits'],
    report.organisationsByYear.map((r) => [r.year, r.organisation, r.commits]),
  );
  files['reviews-by-organisation.csv'] = csvTable(
    ['year', 'organisation', 'reviews'],
    report.reviewsByOrganisation.map((r) => [r.year, r.organisation, r.reviews]),
  );
  files['reviews-against-commits.csv'] = csvTable(
    ['organisation', 'reviews', 'commits'],
    report.reviewsAgainstCommits.map((r) => [r.organisation, r.reviews, r.commits]),
  );
  files['first-contributions.csv'] = csvTable(
    ['organisation', 'date'],
    report.firstContributions.map((r) => [r.organisation, r.date]),
  );
  files['risers.csv'] = csvTable(
    ['organisation', 'last_12_months', 'yearly_average_before', 'ratio', 'from_year', 'to_year'],
    report.risers.map((r) => [
      r.organisation,
      r.last12Months,
      r.yearlyAverageBefore,
      r.ratio,
      r.fromYear,
      r.toYear,
    ]),
  );
  files['newcomers.csv'] = csvTable(
    [
      'organisation',
      'first_contribution',
      'commits',
      'reviews',
      'commits_last_12_months',
      'reviews_last_12_months',
    ],
    report.newcomers.map((r) => [
      r.organisation,
      r.firstContribution,
      r.commits,
      r.reviews,
      r.commitsLast12Months,
      r.reviewsLast12Months,
    ]),
  );
  files['active-contributors-by-year.csv'] = csvTable(
    ['year', 'contributors'],
    report.activeContributorsByYear.map((r) => [r.year, r.contributors]),
  );
  files['new-contributors-by-year.csv'] = csvTable(
    ['year', 'contributors'],
    report.newContributorsByYear.map((r) => [r.year, r.contributors]),
  );
  files['elephant-factor-by-year.csv'] = csvTable(
    ['year', 'elephant_factor'],
    report.elephantFactorByYear.map((r) => [r.year, r.elephantFactor]),
  );
  return files;
}
