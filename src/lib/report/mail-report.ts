/**
 * The mailing-list part of the weather report: the review flow per year of posting and what the
 * lists hold, as of the report's as-of day, and the sentences they support. Kept apart from the
 * rest of the report so the metric registry can take it over whole.
 */
import type { Database } from '../db/database.ts';
import { mailTotals, type MailTotalsRow } from '../metrics/mail-totals.ts';
import type { MetricParams } from '../metrics/metric.ts';
import { reviewFlow, reviewFlowByYear } from '../metrics/review-flow.ts';
import { formatPercent } from './format-figures.ts';

/** The review flow of the changes posted in one year (weather.json `reviewFlow`). */
export interface ReviewFlowYear {
  year: number;
  changes: number;
  reviewed: number;
  merged: number;
  /** Days (unrounded) from posting to the first review, median over reviewed changes; null when none. */
  medianDaysToFirstReview: number | null;
  /** Days from posting to merge, median over merged changes; null when none. */
  medianDaysToMerge: number | null;
  /** Mean versions per change; null when none was posted. */
  meanVersions: number | null;
  /** Changes that took three versions or more. */
  threeOrMoreVersions: number;
}

/** The mail figures of a report. */
export interface MailReport {
  reviewFlow: ReviewFlowYear[];
  mail: MailTotalsRow;
}

const NO_MAIL: MailTotalsRow = {
  messages: 0,
  patchMessages: 0,
  changes: 0,
  reviewMessages: 0,
  reviewTags: 0,
};

/**
 * Runs the mail metrics; a database without the mail tables (made before lists were mined, or an
 * export that leaves them out) has no mail figures rather than failing.
 */
export async function buildMailReport(db: Database, params: MetricParams): Promise<MailReport> {
  const [present] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'mail_changes'`,
  );
  if (!present || present.n === 0) return { reviewFlow: [], mail: { ...NO_MAIL } };
  const [flow, totals] = [await reviewFlow.run(db, params), await mailTotals.run(db, params)];
  return {
    reviewFlow: reviewFlowByYear(flow).map((row) => ({
      year: row.year,
      changes: row.changes,
      reviewed: row.reviewed,
      merged: row.merged,
      medianDaysToFirstReview: row.medianDaysToFirstReview,
      medianDaysToMerge: row.medianDaysToMerge,
      meanVersions: row.meanVersions,
      threeOrMoreVersions: row.threeOrMoreVersions,
    })),
    mail: totals[0] ?? { ...NO_MAIL },
  };
}

/** `1.63` → `1.6 days`, `1.04` → `1 day`, `12.4` → `12 days`. */
export function formatDays(days: number): string {
  const shown = days >= 10 ? String(Math.round(days)) : days.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${shown === '1' ? 'day' : 'days'}`;
}

/**
 * The sentences on the latest year of posting with a reviewed change: how fast half of its
 * reviewed changes had a first review (against the year before, when it had one), and the share of
 * its changes that took three versions or more.
 */
export function mailSentences(flow: readonly ReviewFlowYear[]): string[] {
  const year = [...flow].reverse().find((y) => y.medianDaysToFirstReview !== null);
  if (!year) return [];
  const before = flow.find((y) => y.year === year.year - 1);
  const against =
    before && before.medianDaysToFirstReview !== null
      ? `, against ${formatDays(before.medianDaysToFirstReview)} in ${before.year}`
      : '';
  const sentences = [
    `Half of the reviewed changes posted in ${year.year} had a first review within ${formatDays(year.medianDaysToFirstReview!)}${against}.`,
  ];
  if (year.changes > 0) {
    sentences.push(
      `${formatPercent(year.threeOrMoreVersions / year.changes)} of the changes posted in ${year.year} took three versions or more.`,
    );
  }
  return sentences;
}
