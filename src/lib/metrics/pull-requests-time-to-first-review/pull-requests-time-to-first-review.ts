import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';
import { GITHUB_TABLES } from '../pull-requests-by-organisation/pull-requests-by-organisation.ts';

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

/** Its field of the weather report. */
export interface PullRequestsTimeToFirstReviewFields {
  /** Per year of opening: pull requests opened, reviewed, and the median hours to a first review. */
  pullRequestsTimeToFirstReview: PullRequestsTimeToFirstReviewRow[];
}

/**
 * Median hours from opening a GitHub pull request to its first review by someone else, per year
 * of opening in [since, asOf), with the pull requests opened and reviewed.
 */
export const pullRequestsTimeToFirstReview = defineMetric<
  PullRequestsTimeToFirstReviewRow,
  PullRequestsTimeToFirstReviewFields,
  ReportScope & CommitsByYearFields
>({
  name: 'pull-requests-time-to-first-review',
  title: 'Time to first review',
  description:
    'Median hours from opening a GitHub pull request to its first review by someone other than its author, per calendar year of opening from since to the as-of date, with the pull requests opened and reviewed.',
  sql,
  tables: GITHUB_TABLES,
  fields: (rows) => ({ pullRequestsTimeToFirstReview: rows }),
  csv: (report) =>
    csvTable(report.pullRequestsTimeToFirstReview, {
      year: (r) => r.year,
      opened: (r) => r.opened,
      reviewed: (r) => r.reviewed,
      median_hours: (r) => r.medianHours,
    }),
  figure: {
    draw: (report) => ({
      title: 'Hours to the first review of a pull request (median)',
      subtitle: periodSubtitle(report.project, report.since, report.asOf),
      chart: {
        chart: 'year-lines',
        rows: report.pullRequestsTimeToFirstReview.flatMap((r) =>
          r.medianHours === null ? [] : [{ year: r.year, name: 'median', value: r.medianHours }],
        ),
        unit: 'hours',
        partialYear: report.commitsByYear.find((r) => r.partial)?.year ?? null,
      },
    }),
  },
});
