/**
 * The data behind each figure as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, a quote, a line break or edge spaces). Text cells that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) get a leading `'`.
 */
import { metrics } from '../metrics/registry.ts';
import type { Registry } from '../metrics/report-metric.ts';
import type { Cell, CsvTable } from './csv-table.ts';
import type { WeatherFigures } from './weather-report.ts';

/** One cell: numbers as written by JavaScript, null as empty, text neutralised and quoted. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header row and the data rows, CRLF after every row. */
export function csvText(table: CsvTable): string {
  return [table.header, ...table.rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * One CSV per metric of the registry, by file name: named after the figure that draws it
 * (`organisations-over-time.csv`), or after the metric when it has none (`growth.csv`). `Unknown`
 * rows are included where the report holds them (marked by name).
 */
export function renderCsv<Report extends WeatherFigures>(
  report: Report,
  registry: Registry<Report> = metrics,
): Record<string, string> {
  return Object.fromEntries(
    registry.map((metric) => [metric.csvFile, csvText(metric.csv(report))]),
  );
}
