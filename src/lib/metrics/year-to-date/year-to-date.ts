import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** Year to date against the same span a year earlier (one row). Dates are `YYYY-MM-DD`. */
export interface YearToDateRow {
  /** 1 January of the year of the last counted day. */
  from: string;
  /** The as-of date (exclusive). */
  to: string;
  commits: number;
  previousFrom: string;
  /** The as-of date one year earlier (29 February → 1 March), exclusive. */
  previousTo: string;
  previousCommits: number;
  /** commits / previousCommits − 1, a fraction; null when previousCommits is 0. */
  growth: number | null;
}

/** Commits in [1 January, asOf) against the same calendar span a year earlier, one row. */
export const yearToDate = defineMetric<YearToDateRow>({
  name: 'year-to-date',
  title: 'Year to date',
  description:
    'Commits from 1 January to the as-of date against the same days a year earlier (29 February maps to 1 March), and the growth as a fraction.',
  sql,
});
