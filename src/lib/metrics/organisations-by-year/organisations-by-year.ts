import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One organisation's commits in one calendar year. */
export interface OrganisationsByYearRow {
  year: number;
  /** An organisation, or `Unknown`. */
  organisation: string;
  commits: number;
}

/** Commits per organisation per year in [since, asOf); `Unknown` included, last in each year. */
export const organisationsByYear = defineMetric<OrganisationsByYearRow>({
  name: 'organisations-by-year',
  title: 'Organisations over time',
  description:
    'Commits per organisation per calendar year from since to the as-of date, Unknown included (last in each year).',
  sql,
});
