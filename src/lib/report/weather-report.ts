/**
 * The weather report's data: what `barometer report` writes as weather.json, what the text and the
 * figures are made from, and what the dashboard shows. Field names are a stable, documented format.
 * Shares and growth rates are fractions (0.4, not 40); dates are UTC calendar days `YYYY-MM-DD`;
 * growth is null where the earlier figure is zero. The series each metric returns as is are typed by
 * that metric's row type, so the report and the metric cannot drift apart.
 */

import type { ActiveContributorsRow } from '../metrics/active-contributors-by-year/active-contributors-by-year.ts';
import type { CommitsByMonthRow } from '../metrics/commits-by-month/commits-by-month.ts';
import type { CommitsByQuarterRow } from '../metrics/commits-by-quarter/commits-by-quarter.ts';
import type { CommitsByYearRow } from '../metrics/commits-by-year/commits-by-year.ts';
import type { FirstContributionRow } from '../metrics/first-contributions/first-contributions.ts';
import type { GrowthSummary } from '../metrics/growth/growth.ts';
import type { Last12MonthsSummary } from '../metrics/last-12-months/last-12-months.ts';
import type { NewContributorsRow } from '../metrics/new-contributors-by-year/new-contributors-by-year.ts';
import type { NewcomerRow } from '../metrics/newcomers/newcomers.ts';
import type { OrganisationsByYearRow } from '../metrics/organisations-by-year/organisations-by-year.ts';
import type { ReviewsAgainstCommitsRow } from '../metrics/reviews-against-commits/reviews-against-commits.ts';
import type { ReviewsByOrganisationRow } from '../metrics/reviews-by-organisation/reviews-by-organisation.ts';
import type { RiserRow } from '../metrics/risers/risers.ts';
import type { YearToDateRow } from '../metrics/year-to-date/year-to-date.ts';

/** An organisation's count and its share of all counted contributions of the period. */
export interface OrganisationShare {
  organisation: string;
  commits: number;
  /** commits / all commits of the period, `Unknown`'s included. */
  share: number;
}

/** How much of a period no map covers. */
export interface UnknownShare {
  commits: number;
  share: number;
}

export interface WeatherReport {
  project: string;
  /** Exclusive end of every period. */
  asOf: string;
  /** Inclusive start of the "since" ranking and of the per-year series. */
  since: string;
  /** N of "the top N". */
  top: number;
  /** Narrowing applied to every figure; empty lists mean everything. */
  filters: { repositories: string[]; paths: string[] };
  /** Commits per calendar year from `since` to `asOf`; the last is partial when `asOf` is not 1 Jan. */
  commitsByYear: CommitsByYearRow[];
  commitsByQuarter: CommitsByQuarterRow[];
  commitsByMonth: CommitsByMonthRow[];
  /** Growth over `fromYear`..`toYear` (full years): compound annual rate and mean of yearly rates. */
  growth: GrowthSummary | null;
  /** [1 January, asOf) against the same span a year earlier. */
  yearToDate: YearToDateRow;
  /** Every organisation with commits in [since, asOf), ranked; never `Unknown`. */
  topOrganisations: OrganisationShare[];
  /** All commits in [since, asOf), `Unknown`'s included. */
  totalCommits: number;
  unknown: UnknownShare;
  last12Months: Last12MonthsSummary;
  /** Commits per organisation per calendar year (`Unknown` included, marked by its name). */
  organisationsByYear: OrganisationsByYearRow[];
  reviewsByOrganisation: ReviewsByOrganisationRow[];
  /** Each organisation's reviews and commits in [since, asOf). */
  reviewsAgainstCommits: ReviewsAgainstCommitsRow[];
  /** The day of each organisation's first counted commit or review. */
  firstContributions: FirstContributionRow[];
  /** Organisations whose last 12 months are at least twice their yearly average before. */
  risers: RiserRow[];
  /** Organisations whose first contribution falls in the last 24 months. */
  newcomers: NewcomerRow[];
  activeContributorsByYear: ActiveContributorsRow[];
  /** People whose first counted commit falls in the year. */
  newContributorsByYear: NewContributorsRow[];
  /**
   * The fewest organisations (not Unknown) whose commits reach half of all the year's commits:
   * 0 for a year without commits, null when Unknown holds more than half of them.
   */
  elephantFactorByYear: Array<{ year: number; elephantFactor: number | null }>;
  /** The sentences a speaker reads out, in order, each backed by a figure above. */
  sentences: string[];
}
