import sql from './mail-reviews-by-organisation.sql?raw';
import { withMailScope } from './mail-scope.ts';
import { defineMetric } from './metric.ts';

/** One organisation's reviews on the mailing lists in one calendar year. */
export interface MailReviewsByOrganisationRow {
  /** An organisation, or `Unknown`. */
  organisation: string;
  year: number;
  /** Review messages sent by its people. */
  reviews: number;
  /** `Reviewed-by:`/`Acked-by:` tags in review messages naming its people. */
  tags: number;
}

/** Review messages and review tags on the lists per organisation per year in [since, asOf). */
export const mailReviewsByOrganisation = defineMetric<MailReviewsByOrganisationRow>({
  name: 'mail-reviews-by-organisation',
  title: 'Mailing-list reviews by organisation',
  description:
    'Review messages (replies to a change by someone other than its sender) and the Reviewed-by/Acked-by tags in them, per organisation per calendar year from since to the as-of date, Unknown included.',
  sql: withMailScope(sql),
});
