import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { MAIL_TABLES, withMailScope } from '../mail-scope/mail-scope.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';
import { REVIEW_FLOW_FIGURES } from './review-flow-figures.ts';
import { mailSentences, type ReviewFlowYear } from './review-flow-sentences.ts';

/** The review flow of the changes posted on the lists in one year, or one quarter of it. */
export interface ReviewFlowRow {
  year: number;
  /** 1–4, or null for the whole year. */
  quarter: number | null;
  /** Changes posted in the period. */
  changes: number;
  /** Of those, changes with a review before the as-of date. */
  reviewed: number;
  /** Of those, changes merged (a counted commit committed before the as-of date). */
  merged: number;
  /** Of the changes posted at least 30 days before the as-of date, those without a review within 30 days. */
  unanswered: number;
  /** Changes posted at least 30 days before the as-of date. */
  answerable: number;
  /** Days (fractional) from posting to the first review, over reviewed changes; null when none. */
  medianDaysToFirstReview: number | null;
  p75DaysToFirstReview: number | null;
  /** Days from posting to the merging commit's committer date, over merged changes; null when none. */
  medianDaysToMerge: number | null;
  p75DaysToMerge: number | null;
  /** Mean distinct versions per change; null when no change was posted. */
  meanVersions: number | null;
  /** Changes that took two versions or more. */
  twoOrMoreVersions: number;
  /** Changes that took three versions or more. */
  threeOrMoreVersions: number;
}

/**
 * Changes posted on the mailing lists, reviewed, merged and left unanswered for 30 days, with the
 * median and 75th-percentile days to first review and to merge and the versions they took, per
 * year (quarter null) and per quarter of posting in [since, asOf), narrowed by repository, path
 * and list.
 */
/** Its fields of the weather report. */
export interface ReviewFlowFields {
  /** Changes posted on the mailing lists per year of posting, with their review flow. */
  reviewFlow: ReviewFlowYear[];
  /** The same per year (quarter null) and per quarter, with every figure of the flow. */
  reviewFlowByPeriod: ReviewFlowRow[];
}

export const reviewFlow = defineMetric<
  ReviewFlowRow,
  ReviewFlowFields,
  ReportScope & CommitsByYearFields
>({
  name: 'review-flow',
  title: 'Review flow on the mailing lists',
  description:
    'Changes posted on the mailing lists per year and quarter of posting: reviewed, merged, never answered within 30 days, median and 75th-percentile days to first review and to merge, and versions per change.',
  sql: withMailScope(sql),
  tables: MAIL_TABLES,
  dashboardPage: 'review',
  fields: (rows) => ({
    reviewFlow: reviewFlowByYear(rows).map((row) => ({
      year: row.year,
      changes: row.changes,
      reviewed: row.reviewed,
      merged: row.merged,
      medianDaysToFirstReview: row.medianDaysToFirstReview,
      medianDaysToMerge: row.medianDaysToMerge,
      meanVersions: row.meanVersions,
      threeOrMoreVersions: row.threeOrMoreVersions,
    })),
    reviewFlowByPeriod: rows,
  }),
  csv: (report) =>
    csvTable(report.reviewFlowByPeriod, {
      year: (r) => r.year,
      quarter: (r) => r.quarter,
      changes: (r) => r.changes,
      reviewed: (r) => r.reviewed,
      merged: (r) => r.merged,
      unanswered_30_days: (r) => r.unanswered,
      posted_30_days_before: (r) => r.answerable,
      median_days_to_first_review: (r) => r.medianDaysToFirstReview,
      p75_days_to_first_review: (r) => r.p75DaysToFirstReview,
      median_days_to_merge: (r) => r.medianDaysToMerge,
      p75_days_to_merge: (r) => r.p75DaysToMerge,
      mean_versions: (r) => r.meanVersions,
      two_or_more_versions: (r) => r.twoOrMoreVersions,
      three_or_more_versions: (r) => r.threeOrMoreVersions,
    }),
  figures: REVIEW_FLOW_FIGURES,
  sentences: (report) => mailSentences(report.reviewFlow),
});

/** The year rows of {@link reviewFlow}. */
export function reviewFlowByYear(rows: readonly ReviewFlowRow[]): ReviewFlowRow[] {
  return rows.filter((row) => row.quarter === null);
}
