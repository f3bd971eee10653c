import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One year's active contributors. */
export interface ActiveContributorsRow {
  year: number;
  /** Distinct people who authored a counted commit in the year (within [since, asOf)). */
  contributors: number;
}

/** Active contributors (distinct commit authors) per calendar year in [since, asOf). */
export const activeContributorsByYear = defineMetric<ActiveContributorsRow>({
  name: 'active-contributors-by-year',
  title: 'Active contributors',
  description:
    'Distinct people (after .mailmap and aliases) who authored a counted commit, per calendar year from since to the as-of date.',
  sql,
});
