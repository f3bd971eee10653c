import sql from './query.sql?raw';
import { defineMetric, type ReportScope } from '../report-metric.ts';
import { csvTable } from '../../report/csv-table.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { perYearFigure } from '../per-year-figure.ts';

/** One year's new contributors. */
export interface NewContributorsRow {
  year: number;
  /** People whose first counted commit ever (before asOf) falls in the year. */
  contributors: number;
}

/** Its field of the weather report. */
export interface NewContributorsFields {
  /** People whose first counted commit falls in the year. */
  newContributorsByYear: NewContributorsRow[];
}

/** New contributors (first counted commit) per calendar year in [since, asOf). */
export const newContributorsByYear = defineMetric<
  NewContributorsRow,
  NewContributorsFields,
  ReportScope & CommitsByYearFields
>({
  name: 'new-contributors-by-year',
  title: 'New contributors',
  description:
    'People whose first counted commit (over the whole history) falls in the year, per calendar year from since to the as-of date.',
  sql,
  fields: (rows) => ({ newContributorsByYear: rows }),
  csv: (report) =>
    csvTable(report.newContributorsByYear, {
      year: (r) => r.year,
      contributors: (r) => r.contributors,
    }),
  figure: perYearFigure({
    title: 'New contributors per year',
    unit: 'new contributors',
    rows: (report) =>
      report.newContributorsByYear.map((r) => ({ year: r.year, value: r.contributors })),
  }),
});
