import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** An organisation whose first contribution falls in the last 24 months. */
export interface NewcomerRow {
  organisation: string;
  /** `YYYY-MM-DD` of its first counted commit or review. */
  firstContribution: string;
  /** Its commits since its first contribution (all of them). */
  commits: number;
  /** Its reviews since its first contribution (all of them). */
  reviews: number;
  /** Its commits in [asOf − 1 year, asOf). */
  commitsLast12Months: number;
  /** Its reviews in [asOf − 1 year, asOf). */
  reviewsLast12Months: number;
}

/** Newcomers: organisations whose first commit or review is in [asOf − 2 years, asOf). */
export const newcomers = defineMetric<NewcomerRow>({
  name: 'newcomers',
  title: 'Newcomers',
  description:
    'Organisations whose first counted commit or review falls in the 24 months before the as-of date, with their commits and reviews (in all, and in the last 12 months).',
  sql,
});
