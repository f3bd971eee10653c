import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One calendar year's commits. */
export interface CommitsByYearRow {
  year: number;
  commits: number;
  /** True when the year is cut by `since` or by the as-of date. */
  partial: boolean;
}

/** Commits per calendar year in [since, asOf), empty years included as 0. */
export const commitsByYear = defineMetric<CommitsByYearRow>({
  name: 'commits-by-year',
  title: 'Commits by year',
  description:
    'Commits per calendar year from since to the as-of date (years without commits as 0); the last year is partial unless as-of is 1 January.',
  sql,
});
