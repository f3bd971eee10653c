import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import type { YearStackChart } from '../../figures/chart-spec.ts';
import { rankNames } from '../../report/rank.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import {
  defineMetric,
  type DrawnFigure,
  type FigureView,
  type ReportScope,
} from '../report-metric.ts';
import {
  reviewsByOrganisation,
  type ReviewsByOrganisationFields,
} from '../reviews-by-organisation/reviews-by-organisation.ts';
import type { TopOrganisationsFields } from '../top-organisations/top-organisations.ts';

/** One organisation's commits in one calendar year. */
export interface OrganisationsByYearRow {
  year: number;
  /** An organisation, or `Unknown`. */
  organisation: string;
  commits: number;
}

/** Its field of the weather report. */
export interface OrganisationsByYearFields {
  /** Commits per organisation per calendar year (`Unknown` included, marked by its name). */
  organisationsByYear: OrganisationsByYearRow[];
}

type Report = ReportScope &
  OrganisationsByYearFields &
  CommitsByYearFields &
  TopOrganisationsFields &
  ReviewsByOrganisationFields;

/**
 * Stacked bars by year of each organisation's `unit` (commits by default): the top N of `ranking`,
 * the rest as Other, the year not over at the as-of date hatched.
 */
export function organisationStack(
  report: ReportScope & CommitsByYearFields,
  rows: Array<{ year: number; organisation: string; count: number }>,
  view: FigureView,
  ranking: string[],
  unit = 'commits',
): YearStackChart {
  return {
    chart: 'year-stack',
    rows: rows.map((r) => ({ year: r.year, name: r.organisation, value: r.count })),
    top: report.top,
    ranking,
    partialYear: report.commitsByYear.find((r) => r.partial)?.year ?? null,
    unit,
    mode: view.mode,
  };
}

/** The top N organisations' commits (or reviews) per year as stacks, the rest as Other. */
function draw(report: Report, view: FigureView): DrawnFigure {
  const subtitle = periodSubtitle(report.project, report.since, report.asOf);
  if (view.kind === 'reviews') {
    const rows = report.reviewsByOrganisation.map((r) => ({ ...r, count: r.reviews }));
    const ranking = rankNames(rows.map((r) => ({ name: r.organisation, value: r.count })));
    return {
      title: `Reviews by organisation: the top ${report.top} and the rest`,
      subtitle,
      chart: organisationStack(report, rows, view, ranking, 'reviews'),
      description: reviewsByOrganisation.description,
      csv: reviewsByOrganisation.csv(report),
    };
  }
  return {
    title: `Commits by organisation: the top ${report.top} and the rest`,
    subtitle,
    chart: organisationStack(
      report,
      report.organisationsByYear.map((r) => ({ ...r, count: r.commits })),
      view,
      report.topOrganisations.map((r) => r.organisation),
    ),
  };
}

/** Commits per organisation per year in [since, asOf); `Unknown` included, last in each year. */
export const organisationsByYear = defineMetric<
  OrganisationsByYearRow,
  OrganisationsByYearFields,
  Omit<Report, keyof OrganisationsByYearFields>
>({
  name: 'organisations-by-year',
  title: 'Organisations over time',
  description:
    'Commits per organisation per calendar year from since to the as-of date, Unknown included (last in each year).',
  sql,
  fields: (rows) => ({ organisationsByYear: rows }),
  csv: (report) =>
    csvTable(report.organisationsByYear, {
      year: (r) => r.year,
      organisation: (r) => r.organisation,
      commits: (r) => r.commits,
    }),
  figure: { name: 'organisations-over-time', draw },
  organisations: (report) =>
    rankNames(report.organisationsByYear.map((r) => ({ name: r.organisation, value: r.commits }))),
});
