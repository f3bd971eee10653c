import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { MAIL_TABLES, withMailScope } from '../mail-scope/mail-scope.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';

/** One reviewer on the mailing lists over [since, asOf). */
export interface MailReviewerRow {
  /** Canonical address. */
  person: string;
  name: string | null;
  /** The organisation of their latest review (or tag), `Unknown` included. */
  organisation: string;
  reviews: number;
  tags: number;
}

/** Reviewers on the lists in [since, asOf) with their review messages and tags, most first. */
/** Its field of the weather report. */
export interface MailReviewersFields {
  /** Each person who reviewed on the lists in [since, asOf), most reviews first. */
  mailReviewers: MailReviewerRow[];
}

export const mailReviewers = defineMetric<MailReviewerRow, MailReviewersFields, ReportScope>({
  name: 'mail-reviewers',
  title: 'Reviewers on the mailing lists',
  description:
    'Each person who reviewed on the mailing lists from since to the as-of date: review messages sent and Reviewed-by/Acked-by tags naming them, most reviews first.',
  sql: withMailScope(sql),
  tables: MAIL_TABLES,
  dashboardPage: 'review',
  fields: (rows) => ({ mailReviewers: rows }),
  csv: (report) =>
    csvTable(report.mailReviewers, {
      person: (r) => r.person,
      name: (r) => r.name,
      organisation: (r) => r.organisation,
      reviews: (r) => r.reviews,
      tags: (r) => r.tags,
    }),
});

/** How few reviewers (from the top of `rows`) sent half of all review messages; 0 when none. */
export function reviewersForHalf(rows: readonly MailReviewerRow[]): number {
  const total = rows.reduce((sum, row) => sum + row.reviews, 0);
  let covered = 0;
  let people = 0;
  for (const row of [...rows].sort((a, b) => b.reviews - a.reviews)) {
    if (total === 0 || 2 * covered >= total) break;
    covered += row.reviews;
    people++;
  }
  return people;
}
