import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One year's new contributors. */
export interface NewContributorsRow {
  year: number;
  /** People whose first counted commit ever (before asOf) falls in the year. */
  contributors: number;
}

/** New contributors (first counted commit) per calendar year in [since, asOf). */
export const newContributorsByYear = defineMetric<NewContributorsRow>({
  name: 'new-contributors-by-year',
  title: 'New contributors',
  description:
    'People whose first counted commit (over the whole history) falls in the year, per calendar year from since to the as-of date.',
  sql,
});
