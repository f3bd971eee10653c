import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { MAIL_TABLES, withMailScope } from '../mail-scope/mail-scope.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';

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

export const mailReviewersByYear = defineMetric<
  MailReviewersByYearRow,
  MailReviewersByYearFields,
  ReportScope
>({
  name: 'mail-reviewers-by-year',
  title: 'Who reviews on the mailing lists',
  description:
    'Per calendar year from since to the as-of date: review messages on the mailing lists, the people who sent them, and how few of them sent half of the reviews.',
  sql: withMailScope(sql),
  tables: MAIL_TABLES,
  fields: (rows) => ({ mailReviewersByYear: rows }),
  csv: (report) =>
    csvTable(report.mailReviewersByYear, {
      year: (r) => r.year,
      reviews: (r) => r.reviews,
      reviewers: (r) => r.reviewers,
      half_reviewers: (r) => r.halfReviewers,
    }),
});
