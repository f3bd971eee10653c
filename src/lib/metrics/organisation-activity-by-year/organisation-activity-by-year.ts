import sql from './query.sql?raw';
import { defineQuery } from '../metric.ts';

/** One year of one organisation. */
export interface OrganisationActivityRow {
  year: number;
  commits: number;
  reviews: number;
}

/** One organisation's (`params.organisation`) commits and reviews per year in [since, asOf). */
export const organisationActivityByYear = defineQuery<OrganisationActivityRow>({
  name: 'organisation-activity-by-year',
  title: 'Commits and reviews by year',
  description:
    "One organisation's commits and reviews per calendar year from since to the as-of date, empty years as 0.",
  sql,
});
