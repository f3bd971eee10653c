import sql from './query.sql?raw';
import { defineQuery } from '../metric.ts';

/** One repository of one organisation. */
export interface OrganisationRepositoryRow {
  repository: string;
  commits: number;
  reviews: number;
}

/** One organisation's (`params.organisation`) commits and reviews per repository in [since, asOf). */
export const organisationRepositories = defineQuery<OrganisationRepositoryRow>({
  name: 'organisation-repositories',
  title: 'Repositories',
  description:
    "One organisation's commits and reviews per repository from since to the as-of date (a commit in several repositories counts once, under the first by name).",
  sql,
});
