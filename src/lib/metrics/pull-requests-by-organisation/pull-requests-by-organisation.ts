import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** One organisation's GitHub pull requests in one calendar year. */
export interface PullRequestsByOrganisationRow {
  year: number;
  /** The author's organisation at the moment, or `Unknown`. */
  organisation: string;
  /** Pull requests opened (created) in the year. */
  opened: number;
  /** Pull requests merged in the year (whenever they were opened). */
  merged: number;
}

/**
 * GitHub pull requests opened and merged per organisation per year in [since, asOf); the author's
 * organisation comes from `contributions` (their nearest contribution in time); `Unknown` included,
 * last in each year.
 */
export const pullRequestsByOrganisation = defineMetric<PullRequestsByOrganisationRow>({
  name: 'pull-requests-by-organisation',
  title: 'Pull requests by organisation',
  description:
    "GitHub pull requests opened and merged per organisation per calendar year from since to the as-of date, by the author's organisation at the time, Unknown included.",
  sql,
});
