import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { MAIL_TABLES, withMailScope } from '../mail-scope/mail-scope.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';

/** What the lists hold as of the as-of date. */
export interface MailTotalsRow {
  /** Messages dated before the as-of date. */
  messages: number;
  /** Of those, patches. */
  patchMessages: number;
  /** Changes posted before the as-of date. */
  changes: number;
  /** Review messages (replies in a change's series by someone other than its sender). */
  reviewMessages: number;
  /** `Reviewed-by:`/`Acked-by:` tags in review messages. */
  reviewTags: number;
}

/** Messages, patches, changes, review messages and review tags on the lists before asOf (one row). */
/** Its field of the weather report. */
export interface MailTotalsFields {
  /** What the mailing lists hold as of `asOf` (all zero without lists). */
  mail: MailTotalsRow;
}

export const mailTotals = defineMetric<MailTotalsRow, MailTotalsFields, ReportScope>({
  name: 'mail-totals',
  title: 'Mailing lists in numbers',
  description:
    'Messages dated before the as-of date on the mailing lists, the patches among them, the changes posted, the review messages and the review tags in them.',
  sql: withMailScope(sql),
  tables: MAIL_TABLES,
  dashboardPage: 'review',
  fields: (rows) => ({
    mail: rows[0] ?? {
      messages: 0,
      patchMessages: 0,
      changes: 0,
      reviewMessages: 0,
      reviewTags: 0,
    },
  }),
  csv: (report) =>
    csvTable([report.mail], {
      messages: (r) => r.messages,
      patch_messages: (r) => r.patchMessages,
      changes: (r) => r.changes,
      review_messages: (r) => r.reviewMessages,
      review_tags: (r) => r.reviewTags,
    }),
});
