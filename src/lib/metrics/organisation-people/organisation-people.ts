import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { definePageMetric } from '../page-metric.ts';

/** One person's contributions for one organisation. */
export interface OrganisationPersonRow {
  /** Canonical e-mail address (of several, the one with most commits); null for reviews whose trailer gave none. */
  person: string | null;
  /** The name most recently seen for the address. */
  name: string | null;
  commits: number;
  reviews: number;
  /** Every address of the person (the same name on several addresses), comma-separated. */
  addresses: string;
}

/** How many people the page lists (the CSV has them all). */
const PEOPLE_SHOWN = 25;

/** One organisation's (`params.organisation`) people in [since, asOf), most commits first. */
export const organisationPeople = definePageMetric<OrganisationPersonRow>({
  name: 'organisation-people',
  title: 'People',
  description:
    "One organisation's people from since to the as-of date, with the commits and reviews credited to the organisation; most commits first. Addresses under the same name are one person.",
  sql,
  csv: (rows) =>
    csvTable(rows, {
      person: (p) => p.person,
      name: (p) => p.name,
      addresses: (p) => p.addresses,
      commits: (p) => p.commits,
      reviews: (p) => p.reviews,
    }),
  table: (rows, page) => ({
    name: 'organisation-people',
    title: `${page.organisation}: people`,
    header: ['Name', 'Address', 'Commits', 'Reviews'],
    rows: rows
      .slice(0, PEOPLE_SHOWN)
      .map((p) => [p.name ?? '(no name)', p.addresses || '(no address)', p.commits, p.reviews]),
  }),
});
