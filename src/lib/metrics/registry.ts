/**
 * The registry: the one list of metrics. The weather report (weather.json), its CSV files, its
 * figures (`report --figures`), its sentences and the dashboard's panels all walk it, in this
 * order, which is the order a speaker reads the report in. A new metric is its folder and one
 * line here.
 */
import { activeContributorsByYear } from './active-contributors-by-year/active-contributors-by-year.ts';
import { codeSize } from './code-size/code-size.ts';
import { commitsByMonth } from './commits-by-month/commits-by-month.ts';
import { commitsByQuarter } from './commits-by-quarter/commits-by-quarter.ts';
import { commitsByYear } from './commits-by-year/commits-by-year.ts';
import { elephantFactorByYear } from './elephant-factor-by-year/elephant-factor-by-year.ts';
import { firstContributions } from './first-contributions/first-contributions.ts';
import { growth } from './growth/growth.ts';
import { last12Months } from './last-12-months/last-12-months.ts';
import { linesByArea } from './lines-by-area/lines-by-area.ts';
import { mailReviewers } from './mail-reviewers/mail-reviewers.ts';
import { mailReviewersByYear } from './mail-reviewers-by-year/mail-reviewers-by-year.ts';
import { mailReviewsByOrganisation } from './mail-reviews-by-organisation/mail-reviews-by-organisation.ts';
import { mailTotals } from './mail-totals/mail-totals.ts';
import type { Metric } from './metric.ts';
import { newContributorsByYear } from './new-contributors-by-year/new-contributors-by-year.ts';
import { newcomers } from './newcomers/newcomers.ts';
import { organisationActivityByYear } from './organisation-activity-by-year/organisation-activity-by-year.ts';
import { organisationPeople } from './organisation-people/organisation-people.ts';
import { organisationRepositories } from './organisation-repositories/organisation-repositories.ts';
import { organisationsByYear } from './organisations-by-year/organisations-by-year.ts';
import { pullRequestsByOrganisation } from './pull-requests-by-organisation/pull-requests-by-organisation.ts';
import { projection } from './projection/projection.ts';
import { pullRequestsTimeToFirstReview } from './pull-requests-time-to-first-review/pull-requests-time-to-first-review.ts';
import type { Registry, ReportScope } from './report-metric.ts';
import { reviewBandwidth } from './review-bandwidth/review-bandwidth.ts';
import { reviewFlow } from './review-flow/review-flow.ts';
import { reviewMatrix } from './review-matrix/review-matrix.ts';
import { reviewsAgainstCommits } from './reviews-against-commits/reviews-against-commits.ts';
import { reviewsByArea } from './reviews-by-area/reviews-by-area.ts';
import { reviewsByOrganisation } from './reviews-by-organisation/reviews-by-organisation.ts';
import { risers } from './risers/risers.ts';
import { subprojects } from './subprojects/subprojects.ts';
import { topOrganisations } from './top-organisations/top-organisations.ts';
import { yearToDate } from './year-to-date/year-to-date.ts';

const ENTRIES = [
  commitsByYear,
  commitsByQuarter,
  commitsByMonth,
  growth,
  yearToDate,
  projection,
  subprojects,
  topOrganisations,
  last12Months,
  organisationsByYear,
  firstContributions,
  risers,
  newcomers,
  reviewsByOrganisation,
  reviewsAgainstCommits,
  reviewMatrix,
  reviewBandwidth,
  reviewsByArea,
  reviewFlow,
  mailReviewsByOrganisation,
  mailReviewersByYear,
  mailReviewers,
  mailTotals,
  activeContributorsByYear,
  newContributorsByYear,
  elephantFactorByYear,
  pullRequestsByOrganisation,
  pullRequestsTimeToFirstReview,
  codeSize,
  linesByArea,
] as const;

/** The fields one metric gives the weather report. */
type FieldsOf<M> = M extends { collect: (...args: never[]) => Promise<infer F> } ? F : never;

/** `A | B` → `A & B`. */
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** The weather report without its sentences: its scope and every metric's fields. */
export type WeatherFigures = ReportScope & Intersection<FieldsOf<(typeof ENTRIES)[number]>>;

/**
 * Every metric of the weather report, in reading order. (Typing it as a registry of the whole
 * report checks that each metric's hooks read only fields some metric gives.)
 */
export const metrics: Registry<WeatherFigures> = ENTRIES;

/** The metrics of one organisation's page: they need `params.organisation`. */
export const organisationMetrics = [
  organisationActivityByYear,
  organisationPeople,
  organisationRepositories,
] as const;

/** The metric called `name` (of the report or of an organisation's page), or undefined. */
export function findMetric(name: string): Metric<unknown> | undefined {
  return [...ENTRIES, ...organisationMetrics].find((metric) => metric.name === name);
}
