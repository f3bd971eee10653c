import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

/** Time to first review of the GitHub pull requests opened in one calendar year. */
export interface PullRequestsTimeToFirstReviewRow {
  year: number;
  /** Pull requests opened in the year. */
  opened: number;
  /** Of those, how many had a review by someone other than the author before the as-of date. */
  reviewed: number;
  /** Median hours from opening to that first review; null when none was reviewed. */
  medianHours: number | null;
}

/**
 * Median hours from opening a GitHub pull request to its first review by someone else, per year
 * of opening in [since, asOf), with the pull requests opened and reviewed.
 */
export const pullRequestsTimeToFirstReview = defineMetric<PullRequestsTimeToFirstReviewRow>({
  name: 'pull-requests-time-to-first-review',
  title: 'Time to first review',
  description:
    'Median hours from opening a GitHub pull request to its first review by someone other than its author, per calendar year of opening from since to the as-of date, with the pull requests opened and reviewed.',
  sql,
});
