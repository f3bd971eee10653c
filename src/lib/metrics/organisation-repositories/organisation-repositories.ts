import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { definePageMetric } from '../page-metric.ts';

/** One repository of one organisation. */
export interface OrganisationRepositoryRow {
  repository: string;
  commits: number;
  reviews: number;
}

/** One organisation's (`params.organisation`) commits and reviews per repository in [since, asOf). */
export const organisationRepositories = definePageMetric<OrganisationRepositoryRow>({
  name: 'organisation-repositories',
  title: 'Repositories',
  description:
    "One organisation's commits and reviews per repository from since to the as-of date (a commit in several repositories counts once, under the first by name).",
  sql,
  csv: (rows) =>
    csvTable(rows, {
      repository: (r) => r.repository,
      commits: (r) => r.commits,
      reviews: (r) => r.reviews,
    }),
  table: (rows, page) => ({
    name: 'organisation-repositories',
    title: `${page.organisation}: repositories`,
    header: ['Repository', 'Commits', 'Reviews'],
    rows: rows.map((r) => [r.repository, r.commits, r.reviews]),
  }),
});
