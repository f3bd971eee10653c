import sql from './query.sql?raw';
import { defineMetric, type ReportScope } from '../report-metric.ts';
import { csvTable } from '../../report/csv-table.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { perYearFigure } from '../per-year-figure.ts';

/** One year's elephant factor. */
export interface ElephantFactorRow {
  year: number;
  /**
   * The fewest organisations (not Unknown) whose commits reach half of all the year's commits
   * (Unknown's included); 0 for a year without commits; null when Unknown holds over half.
   */
  elephantFactor: number | null;
  /** All the year's commits in [since, asOf), Unknown's included. */
  commits: number;
}

/** Its field of the weather report. */
export interface ElephantFactorFields {
  /**
   * The fewest organisations (not Unknown) whose commits reach half of all the year's commits:
   * 0 for a year without commits, null when Unknown holds more than half of them.
   */
  elephantFactorByYear: Array<{ year: number; elephantFactor: number | null }>;
}

/** The CHAOSS elephant factor per calendar year in [since, asOf). */
export const elephantFactorByYear = defineMetric<
  ElephantFactorRow,
  ElephantFactorFields,
  ReportScope & CommitsByYearFields
>({
  name: 'elephant-factor-by-year',
  title: 'Elephant factor',
  description:
    "The fewest organisations (Unknown excluded) whose commits reach half of all the year's commits (Unknown's included), per calendar year; null when Unknown holds more than half.",
  sql,
  fields: (rows) => ({
    elephantFactorByYear: rows.map(({ year, elephantFactor }) => ({ year, elephantFactor })),
  }),
  csv: (report) =>
    csvTable(report.elephantFactorByYear, {
      year: (r) => r.year,
      elephant_factor: (r) => r.elephantFactor,
    }),
  figure: perYearFigure({
    title: 'Elephant factor per year',
    unit: 'organisations',
    showChange: false,
    rows: (report) =>
      report.elephantFactorByYear.map((r) => ({ year: r.year, value: r.elephantFactor })),
  }),
});
