import sql from './query.sql?raw';
import { defineMetric } from '../report-metric.ts';
import { csvTable } from '../../report/csv-table.ts';

/** One calendar quarter's commits. */
export interface CommitsByQuarterRow {
  /** `YYYY-Qn`, e.g. `2018-Q2`. */
  quarter: string;
  commits: number;
  /** True when the quarter is cut by `since` or by the as-of date. */
  partial: boolean;
}

/** Its field of the weather report. */
export interface CommitsByQuarterFields {
  commitsByQuarter: CommitsByQuarterRow[];
}

/** Commits per calendar quarter in [since, asOf), empty quarters included as 0. */
export const commitsByQuarter = defineMetric<CommitsByQuarterRow, CommitsByQuarterFields>({
  name: 'commits-by-quarter',
  title: 'Commits by quarter',
  description:
    'Commits per calendar quarter (YYYY-Qn) from since to the as-of date, empty quarters as 0; a quarter cut by since or as-of is partial.',
  sql,
  fields: (rows) => ({ commitsByQuarter: rows }),
  dashboard: false,
  csv: (report) =>
    csvTable(report.commitsByQuarter, {
      quarter: (r) => r.quarter,
      commits: (r) => r.commits,
      partial: (r) => r.partial,
    }),
});
