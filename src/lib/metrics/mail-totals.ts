import sql from './mail-totals.sql?raw';
import { withMailScope } from './mail-scope.ts';
import { defineMetric } from './metric.ts';

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
export const mailTotals = defineMetric<MailTotalsRow>({
  name: 'mail-totals',
  title: 'Mailing lists in numbers',
  description:
    'Messages dated before the as-of date on the mailing lists, the patches among them, the changes posted, the review messages and the review tags in them.',
  sql: withMailScope(sql),
});
