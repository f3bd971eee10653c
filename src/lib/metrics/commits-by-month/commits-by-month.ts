import sql from './query.sql?raw';
import { defineMetric } from '../report-metric.ts';
import { csvTable } from '../../report/csv-table.ts';

/** One calendar month's commits. */
export interface CommitsByMonthRow {
  /** `YYYY-MM`. */
  month: string;
  commits: number;
  /** True when the month is cut by `since` or by the as-of date. */
  partial: boolean;
}

/** Its field of the weather report. */
export interface CommitsByMonthFields {
  commitsByMonth: CommitsByMonthRow[];
}

/** Commits per calendar month in [since, asOf), empty months included as 0. */
export const commitsByMonth = defineMetric<CommitsByMonthRow, CommitsByMonthFields>({
  name: 'commits-by-month',
  title: 'Commits by month',
  description:
    'Commits per calendar month (YYYY-MM) from since to the as-of date, empty months as 0; a month cut by since or as-of is partial.',
  sql,
  fields: (rows) => ({ commitsByMonth: rows }),
  dashboard: false,
  csv: (report) =>
    csvTable(report.commitsByMonth, {
      month: (r) => r.month,
      commits: (r) => r.commits,
      partial: (r) => r.partial,
    }),
});
