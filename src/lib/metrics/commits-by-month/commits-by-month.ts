import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One calendar month's commits. */
export interface CommitsByMonthRow {
  /** `YYYY-MM`. */
  month: string;
  commits: number;
  /** True when the month is cut by `since` or by the as-of date. */
  partial: boolean;
}

/** Commits per calendar month in [since, asOf), empty months included as 0. */
export const commitsByMonth = defineMetric<CommitsByMonthRow>({
  name: 'commits-by-month',
  title: 'Commits by month',
  description:
    'Commits per calendar month (YYYY-MM) from since to the as-of date, empty months as 0; a month cut by since or as-of is partial.',
  sql,
});
