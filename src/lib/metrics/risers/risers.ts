import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** An organisation whose last 12 months are at least twice its yearly average before. */
export interface RiserRow {
  organisation: string;
  /** Commits in [asOf − 1 year, asOf). */
  last12Months: number;
  /** Commits per year over the full years fromYear..toYear. */
  yearlyAverageBefore: number;
  /** last12Months / yearlyAverageBefore (≥ 2). */
  ratio: number;
  /** First year of "before": the later of the first full year from `since` and the first commit's year. */
  fromYear: number;
  /** Last year of "before": the last calendar year that ends on or before asOf − 1 year. */
  toYear: number;
}

/**
 * Risers: organisations whose commits in the last 12 months are at least twice their average per
 * full year before (see risers.sql for "before"), largest last 12 months first, ties by name.
 */
export const risers = defineMetric<RiserRow>({
  name: 'risers',
  title: 'Risers',
  description:
    'Organisations whose commits in the last 12 months are at least twice their average per full calendar year before (from since or their first commit, to the last year ending before the window).',
  sql,
});
