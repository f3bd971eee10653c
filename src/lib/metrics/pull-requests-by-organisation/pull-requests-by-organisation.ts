import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { defineMetric, type ExportedTable, type ReportScope } from '../report-metric.ts';
import { organisationStack } from '../organisations-by-year/organisations-by-year.ts';
import type { TopOrganisationsFields } from '../top-organisations/top-organisations.ts';

/** One organisation's GitHub pull requests in one calendar year. */
export interface PullRequestsByOrganisationRow {
  year: number;
  /** The author's organisation at the moment, or `Unknown`. */
  organisation: string;
  /** Pull requests opened (created) in the year. */
  opened: number;
  /** Pull requests merged in the year (whenever they were opened). */
  merged: number;
}

/** Its field of the weather report. */
export interface PullRequestsByOrganisationFields {
  /** GitHub pull requests opened and merged per organisation per year, `Unknown` included. */
  pullRequestsByOrganisation: PullRequestsByOrganisationRow[];
}

/** The GitHub tables the pull request metrics read. */
export const GITHUB_TABLES: readonly ExportedTable[] = [
  { name: 'github_pull_requests' },
  { name: 'github_reviews' },
  { name: 'github_pull_commits' },
];

/**
 * GitHub pull requests opened and merged per organisation per year in [since, asOf); the author's
 * organisation comes from `contributions` (their nearest contribution in time); `Unknown` included,
 * last in each year.
 */
export const pullRequestsByOrganisation = defineMetric<
  PullRequestsByOrganisationRow,
  PullRequestsByOrganisationFields,
  ReportScope & CommitsByYearFields & TopOrganisationsFields
>({
  name: 'pull-requests-by-organisation',
  title: 'Pull requests by organisation',
  description:
    "GitHub pull requests opened and merged per organisation per calendar year from since to the as-of date, by the author's organisation at the time, Unknown included.",
  sql,
  tables: GITHUB_TABLES,
  fields: (rows) => ({ pullRequestsByOrganisation: rows }),
  csv: (report) =>
    csvTable(report.pullRequestsByOrganisation, {
      year: (r) => r.year,
      organisation: (r) => r.organisation,
      opened: (r) => r.opened,
      merged: (r) => r.merged,
    }),
  figure: {
    draw: (report, view) => ({
      title: `Pull requests opened by organisation: the top ${report.top} and the rest`,
      subtitle: periodSubtitle(report.project, report.since, report.asOf),
      chart: organisationStack(
        report,
        report.pullRequestsByOrganisation.map((r) => ({ ...r, count: r.opened })),
        view,
        report.topOrganisations.map((r) => r.organisation),
        'pull requests',
      ),
    }),
  },
});
