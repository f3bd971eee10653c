/**
 * An example metric, kept as a test fixture: what adding a metric takes (this folder and one
 * registry line) and that it then reaches weather.json, a CSV, a dashboard panel and a figure.
 */
import sql from './query.sql?raw';
import type { CommitsByYearFields } from '../../../../src/lib/metrics/commits-by-year/commits-by-year.ts';
import { perYearFigure } from '../../../../src/lib/metrics/per-year-figure.ts';
import { defineMetric, type ReportScope } from '../../../../src/lib/metrics/report-metric.ts';
import { csvTable } from '../../../../src/lib/report/csv-table.ts';

/** One year's reviewers. */
export interface ReviewersRow {
  year: number;
  /** Distinct people who made a counted review in the year (within [since, asOf)). */
  reviewers: number;
}

/** Its field of the weather report. */
export interface ReviewersFields {
  reviewersByYear: ReviewersRow[];
}

/** Reviewers (distinct people with a counted review) per calendar year in [since, asOf). */
export const reviewersByYear = defineMetric<
  ReviewersRow,
  ReviewersFields,
  ReportScope & CommitsByYearFields
>({
  name: 'reviewers-by-year',
  title: 'Reviewers',
  description:
    'Distinct people who made a counted review (a Reviewed-by or Acked-by trailer, or a GitHub review), per calendar year from since to the as-of date.',
  sql,
  fields: (rows) => ({ reviewersByYear: rows }),
  csv: (report) =>
    csvTable(report.reviewersByYear, { year: (r) => r.year, reviewers: (r) => r.reviewers }),
  figure: perYearFigure({
    title: 'Reviewers per year',
    unit: 'reviewers',
    rows: (report) => report.reviewersByYear.map((r) => ({ year: r.year, value: r.reviewers })),
  }),
});
