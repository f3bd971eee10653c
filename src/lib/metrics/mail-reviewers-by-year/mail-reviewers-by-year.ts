import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { formatCount } from '../../report/format-figures.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { MAIL_TABLES, withMailScope } from '../mail-scope/mail-scope.ts';
import { perYearFigure } from '../per-year-figure.ts';
import { defineMetric, type ReportScope, type ReportSentence } from '../report-metric.ts';

/** How concentrated one year's reviews on the lists were. */
export interface MailReviewersByYearRow {
  year: number;
  /** Review messages in the year. */
  reviews: number;
  /** People who sent them. */
  reviewers: number;
  /** The fewest of them whose review messages reach half of the year's. */
  halfReviewers: number;
}

/** Review messages, reviewers and how many reviewers send half of them, per year in [since, asOf). */
/** Its field of the weather report. */
export interface MailReviewersByYearFields {
  /** Review messages, reviewers, and the fewest reviewers sending half of them, per year. */
  mailReviewersByYear: MailReviewersByYearRow[];
}

/**
 * "In 2025, 4 of the 57 people who reviewed on the mailing lists sent half of the review
 * messages.": the latest whole year with reviews in the period.
 */
function halfSentence(report: MailReviewersByYearFields & CommitsByYearFields): ReportSentence[] {
  const partial = report.commitsByYear.find((r) => r.partial)?.year;
  const year = report.mailReviewersByYear.findLast((r) => r.year !== partial && r.reviews > 0);
  if (!year) return [];
  const text =
    year.reviewers === 1
      ? `In ${year.year}, one person sent every review message on the mailing lists.`
      : `In ${year.year}, ${formatCount(year.halfReviewers)} of the ${formatCount(year.reviewers)} people who reviewed on the mailing lists sent half of the review messages.`;
  return [{ text, figures: ['mail-reviewers-for-half'] }];
}

export const mailReviewersByYear = defineMetric<
  MailReviewersByYearRow,
  MailReviewersByYearFields,
  ReportScope & CommitsByYearFields
>({
  name: 'mail-reviewers-by-year',
  title: 'Who reviews on the mailing lists',
  description:
    'Per calendar year from since to the as-of date: review messages on the mailing lists, the people who sent them, and how few of them sent half of the reviews.',
  sql: withMailScope(sql),
  tables: MAIL_TABLES,
  dashboardPage: 'review',
  fields: (rows) => ({ mailReviewersByYear: rows }),
  csv: (report) =>
    csvTable(report.mailReviewersByYear, {
      year: (r) => r.year,
      reviews: (r) => r.reviews,
      reviewers: (r) => r.reviewers,
      half_reviewers: (r) => r.halfReviewers,
    }),
  figure: {
    name: 'mail-reviewers-for-half',
    ...perYearFigure({
      title: 'Reviewers who sent half of the review messages',
      unit: 'reviewers',
      showChange: false,
      rows: (report) =>
        report.mailReviewersByYear.map((r) => ({ year: r.year, value: r.halfReviewers })),
    }),
  },
  sentences: halfSentence,
});
