/**
 * The data behind each figure as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, a quote, a line break or edge spaces). Text cells that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) get a leading `'`.
 */
import {
  csvProvenance,
  filterWords,
  periodSubtitle,
  sourceLine,
  withFilters,
} from '../figures/figure-frame.ts';
import { metrics } from '../metrics/registry.ts';
import type { Registry } from '../metrics/report-metric.ts';
import type { Cell, CsvTable } from './csv-table.ts';
import { drawReportFigures, type ReportFigureOptions } from './report-figures.ts';
import type { WeatherFigures } from './weather-report.ts';

/** One cell: numbers as written by JavaScript, null as empty, text neutralised and quoted. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV document: the `provenance` lines first (each one cell, `# …`: where the rows came from),
 * then the header row and the data rows, CRLF after every row.
 */
export function csvText(table: CsvTable, provenance: readonly string[] = []): string {
  return [...provenance.map((line) => [line]), table.header, ...table.rows]
    .map((row) => `${row.map(csvCell).join(',')}\r\n`)
    .join('');
}

/**
 * One CSV per metric of the registry, by file name: named after the figure that draws it
 * (`organisations-over-time.csv`), or after the metric when it has none (`growth.csv`), each
 * starting with the lines that say where it came from (its figure's title, subtitle and source
 * line; else the metric's title, the period and the filters). `Unknown` rows are included where
 * the report holds them (marked by name).
 */
export function renderCsv<Report extends WeatherFigures>(
  report: Report,
  registry: Registry<Report> = metrics,
  options: ReportFigureOptions = {},
): Record<string, string> {
  const figures = new Map(
    drawReportFigures(report, options, registry).map((figure) => [figure.metric.name, figure]),
  );
  const period = withFilters(
    periodSubtitle(report.project, report.since, report.asOf),
    filterWords(report.filters),
  );
  const source = sourceLine(options.source ?? report.project, report.asOf);
  return Object.fromEntries(
    registry.map((metric) => {
      const provenance =
        figures.get(metric.name)?.provenance ?? csvProvenance(metric.title, period, source);
      return [metric.csvFile, csvText(metric.csv(report), provenance)];
    }),
  );
}
