import sql from './query.sql?raw';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { csvTable } from '../../report/csv-table.ts';
import { rankNames } from '../../report/rank.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { MAIL_TABLES, withMailScope } from '../mail-scope/mail-scope.ts';
import { organisationStack } from '../organisations-by-year/organisations-by-year.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';

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
/** Its field of the weather report. */
export interface MailReviewsByOrganisationFields {
  /** Review messages and review tags on the lists per organisation and year (Unknown included). */
  mailReviewsByOrganisation: MailReviewsByOrganisationRow[];
}

/** The organisations of the review messages, most first (Unknown among them, by its count). */
function ranking(report: MailReviewsByOrganisationFields): string[] {
  return rankNames(
    report.mailReviewsByOrganisation.map((r) => ({ name: r.organisation, value: r.reviews })),
  );
}

export const mailReviewsByOrganisation = defineMetric<
  MailReviewsByOrganisationRow,
  MailReviewsByOrganisationFields,
  ReportScope & CommitsByYearFields
>({
  name: 'mail-reviews-by-organisation',
  title: 'Mailing-list reviews by organisation',
  description:
    'Review messages (replies to a change by someone other than its sender) and the Reviewed-by/Acked-by tags in them, per organisation per calendar year from since to the as-of date, Unknown included.',
  sql: withMailScope(sql),
  tables: MAIL_TABLES,
  dashboardPage: 'review',
  fields: (rows) => ({ mailReviewsByOrganisation: rows }),
  csv: (report) =>
    csvTable(report.mailReviewsByOrganisation, {
      organisation: (r) => r.organisation,
      year: (r) => r.year,
      reviews: (r) => r.reviews,
      tags: (r) => r.tags,
    }),
  figure: {
    draw: (report, view) => ({
      title: `Review messages by organisation: the top ${report.top} and the rest`,
      subtitle: periodSubtitle(report.project, report.since, report.asOf),
      chart: organisationStack(
        report,
        report.mailReviewsByOrganisation.map((r) => ({ ...r, count: r.reviews })),
        view,
        ranking(report),
        'review messages',
      ),
    }),
  },
  organisations: ranking,
});
