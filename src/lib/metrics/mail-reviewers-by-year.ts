import sql from './mail-reviewers-by-year.sql?raw';
import { withMailScope } from './mail-scope.ts';
import { defineMetric } from './metric.ts';

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
export const mailReviewersByYear = defineMetric<MailReviewersByYearRow>({
  name: 'mail-reviewers-by-year',
  title: 'Who reviews on the mailing lists',
  description:
    'Per calendar year from since to the as-of date: review messages on the mailing lists, the people who sent them, and how few of them sent half of the reviews.',
  sql: withMailScope(sql),
});
