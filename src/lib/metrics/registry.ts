/**
 * Every metric, by name: the report runs them, the dashboard lists and runs them in the browser
 * (duckdb-wasm), and tests check each. Add a metric here when its `.sql` and `.ts` land.
 */
import { activeContributorsByYear } from './active-contributors-by-year/active-contributors-by-year.ts';
import { commitsByMonth } from './commits-by-month/commits-by-month.ts';
import { commitsByQuarter } from './commits-by-quarter/commits-by-quarter.ts';
import { commitsByYear } from './commits-by-year/commits-by-year.ts';
import { elephantFactorByYear } from './elephant-factor-by-year/elephant-factor-by-year.ts';
import { firstContributions } from './first-contributions/first-contributions.ts';
import { growth } from './growth/growth.ts';
import { last12Months } from './last-12-months/last-12-months.ts';
import type { Metric } from './metric.ts';
import { newContributorsByYear } from './new-contributors-by-year/new-contributors-by-year.ts';
import { newcomers } from './newcomers/newcomers.ts';
import { organisationActivityByYear } from './organisation-activity-by-year/organisation-activity-by-year.ts';
import { organisationPeople } from './organisation-people/organisation-people.ts';
import { organisationRepositories } from './organisation-repositories/organisation-repositories.ts';
import { organisationsByYear } from './organisations-by-year/organisations-by-year.ts';
import { pullRequestsByOrganisation } from './pull-requests-by-organisation/pull-requests-by-organisation.ts';
import { pullRequestsTimeToFirstReview } from './pull-requests-time-to-first-review/pull-requests-time-to-first-review.ts';
import { reviewsAgainstCommits } from './reviews-against-commits/reviews-against-commits.ts';
import { reviewsByOrganisation } from './reviews-by-organisation/reviews-by-organisation.ts';
import { risers } from './risers/risers.ts';
import { topOrganisations } from './top-organisations/top-organisations.ts';
import { yearToDate } from './year-to-date/year-to-date.ts';

/** The project-wide metrics, in the order a report or dashboard shows them. */
export const metrics = [
  commitsByYear,
  commitsByQuarter,
  commitsByMonth,
  growth,
  yearToDate,
  topOrganisations,
  last12Months,
  organisationsByYear,
  risers,
  firstContributions,
  newcomers,
  reviewsByOrganisation,
  reviewsAgainstCommits,
  activeContributorsByYear,
  newContributorsByYear,
  elephantFactorByYear,
  pullRequestsByOrganisation,
  pullRequestsTimeToFirstReview,
] as const;

/** The metrics of one organisation's page: they need `params.organisation`. */
export const organisationMetrics = [
  organisationActivityByYear,
  organisationPeople,
  organisationRepositories,
] as const;

/** The metric called `name` (project-wide or per-organisation), or undefined. */
export function findMetric(name: string): Metric<unknown> | undefined {
  return ([...metrics, ...organisationMetrics] as readonly Metric<unknown>[]).find(
    (metric) => metric.name === name,
  );
}
