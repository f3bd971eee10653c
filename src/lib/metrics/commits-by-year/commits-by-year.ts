import sql from './query.sql?raw';
import { addDays, longDay } from '../../report/calendar-day.ts';
import { csvTable } from '../../report/csv-table.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import type { YearSpan, YearValue } from '../../figures/chart-spec.ts';
import type { GrowthFields } from '../growth/growth.ts';
import type { ReviewsByOrganisationFields } from '../reviews-by-organisation/reviews-by-organisation.ts';
import type { YearToDateFields } from '../year-to-date/year-to-date.ts';
import { defineMetric, type DrawnFigure, type ReportScope } from '../report-metric.ts';

/** One calendar year's commits. */
export interface CommitsByYearRow {
  year: number;
  commits: number;
  /** True when the year is cut by `since` or by the as-of date. */
  partial: boolean;
}

/** Its field of the weather report. */
export interface CommitsByYearFields {
  /** Commits per calendar year from `since` to `asOf`; the last is partial when `asOf` is not 1 Jan. */
  commitsByYear: CommitsByYearRow[];
}

type Report = ReportScope &
  CommitsByYearFields &
  YearToDateFields &
  ReviewsByOrganisationFields &
  GrowthFields;

/** The growth sentence's window, marked on the bars: `{ 2014, 2017, '+8% a year' }`. */
function growthSpan(report: GrowthFields): YearSpan | null {
  const growth = report.growth;
  if (!growth || growth.cagr === null) return null;
  const percent = Math.round(growth.cagr * 100);
  const label =
    percent === 0
      ? 'level on average'
      : `${percent > 0 ? '+' : '\u2212'}${Math.abs(percent)}% a year`;
  return { from: growth.fromYear, to: growth.toYear, label };
}

/** Reviews per year over the years of the commit series (same partial flags), 0 where none. */
function reviewsPerYear(report: Report): YearValue[] {
  const totals = new Map<number, number>();
  for (const row of report.reviewsByOrganisation) {
    totals.set(row.year, (totals.get(row.year) ?? 0) + row.reviews);
  }
  return report.commitsByYear.map((row) => ({
    year: row.year,
    value: totals.get(row.year) ?? 0,
    partial: row.partial,
  }));
}

/** Commits per year, the partial year labelled with its year-to-date change; or reviews per year. */
function draw(report: Report, view: { kind: 'commits' | 'reviews' }): DrawnFigure {
  const subtitle = periodSubtitle(report.project, report.since, report.asOf);
  if (view.kind === 'reviews') {
    const rows = reviewsPerYear(report);
    const partial = rows.find((r) => r.partial);
    return {
      title: 'Reviews per year',
      subtitle,
      chart: {
        chart: 'year-bars',
        rows,
        unit: 'reviews',
        yearToDate: null,
        note: partial ? `* ${partial.year} is partial.` : undefined,
      },
      description:
        'Reviews (Reviewed-by and Acked-by trailers of counted commits, and GitHub reviews) per calendar year from since to the as-of date; the last year is partial unless as-of is 1 January.',
      csv: csvTable(rows, {
        year: (r) => r.year,
        reviews: (r) => r.value,
        partial: (r) => r.partial,
      }),
    };
  }
  const partial = report.commitsByYear.find((r) => r.partial);
  const ytd = report.yearToDate;
  return {
    title: 'Commits per year',
    subtitle,
    chart: {
      chart: 'year-bars',
      rows: report.commitsByYear.map((r) => ({
        year: r.year,
        value: r.commits,
        partial: r.partial,
      })),
      yearToDate: partial ? { growth: ytd.growth, from: ytd.from, to: ytd.to } : null,
      span: growthSpan(report),
      note: partial
        ? `* ${partial.year} is partial (${longDay(ytd.from)} – ${longDay(addDays(ytd.to, -1))}); its label compares the same days of ${partial.year - 1}.`
        : undefined,
    },
  };
}

/** Commits per calendar year in [since, asOf), empty years included as 0. */
export const commitsByYear = defineMetric<CommitsByYearRow, CommitsByYearFields, Report>({
  name: 'commits-by-year',
  title: 'Commits by year',
  description:
    'Commits per calendar year from since to the as-of date (years without commits as 0); the last year is partial unless as-of is 1 January.',
  sql,
  fields: (rows) => ({ commitsByYear: rows }),
  csv: (report) =>
    csvTable(report.commitsByYear, {
      year: (r) => r.year,
      commits: (r) => r.commits,
      partial: (r) => r.partial,
    }),
  figure: { draw },
});
