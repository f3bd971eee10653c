import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One calendar quarter's commits. */
export interface CommitsByQuarterRow {
  /** `YYYY-Qn`, e.g. `2018-Q2`. */
  quarter: string;
  commits: number;
  /** True when the quarter is cut by `since` or by the as-of date. */
  partial: boolean;
}

/** Commits per calendar quarter in [since, asOf), empty quarters included as 0. */
export const commitsByQuarter = defineMetric<CommitsByQuarterRow>({
  name: 'commits-by-quarter',
  title: 'Commits by quarter',
  description:
    'Commits per calendar quarter (YYYY-Qn) from since to the as-of date, empty quarters as 0; a quarter cut by since or as-of is partial.',
  sql,
});
