import sql from './query.sql?raw';
import { defineQuery } from '../metric.ts';

/** One person's contributions for one organisation. */
export interface OrganisationPersonRow {
  /** Canonical e-mail address; null for reviews whose trailer gave none. */
  person: string | null;
  /** The name most recently seen for the address. */
  name: string | null;
  commits: number;
  reviews: number;
}

/** One organisation's (`params.organisation`) people in [since, asOf), most commits first. */
export const organisationPeople = defineQuery<OrganisationPersonRow>({
  name: 'organisation-people',
  title: 'People',
  description:
    "One organisation's people from since to the as-of date, with the commits and reviews credited to the organisation; most commits first.",
  sql,
});
