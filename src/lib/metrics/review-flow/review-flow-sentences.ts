/**
 * The review flow's year rows as weather.json states them, and the sentences a speaker says about
 * them.
 */
import { formatPercent } from '../../report/format-figures.ts';
import type { ReportSentence } from '../report-metric.ts';

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

/** `1.63` → `1.6 days`, `1.04` → `1 day`, `12.4` → `12 days`. */
export function formatDays(days: number): string {
  const shown = days >= 10 ? String(Math.round(days)) : days.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${shown === '1' ? 'day' : 'days'}`;
}

/**
 * The sentences on the latest year of posting with a reviewed change: how fast half of its
 * reviewed changes had a first review (against the year before, when it had one), and the share of
 * its changes that took three versions or more, each with the figure it speaks of.
 */
export function mailSentences(flow: readonly ReviewFlowYear[]): ReportSentence[] {
  const year = [...flow].reverse().find((y) => y.medianDaysToFirstReview !== null);
  if (!year) return [];
  const before = flow.find((y) => y.year === year.year - 1);
  const against =
    before && before.medianDaysToFirstReview !== null
      ? `, against ${formatDays(before.medianDaysToFirstReview)} in ${before.year}`
      : '';
  const sentences = [
    {
      text: `Half of the reviewed changes posted in ${year.year} had a first review within ${formatDays(year.medianDaysToFirstReview!)}${against}.`,
      figures: ['mail-days-to-first-review'],
    },
  ];
  if (year.changes > 0) {
    sentences.push({
      text: `${formatPercent(year.threeOrMoreVersions / year.changes)} of the changes posted in ${year.year} took three versions or more.`,
      figures: ['mail-versions'],
    });
  }
  return sentences;
}
