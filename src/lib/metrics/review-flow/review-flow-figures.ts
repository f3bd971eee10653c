/**
 * The figures of the review flow: changes posted, the shares reviewed and merged, days to the
 * first review and to merge (median and 75th percentile), and the versions changes took, each
 * per year of posting, or per quarter when the view asks for quarters (the dashboard's Review page).
 */
import type { NamedPeriodValue } from '../../figures/chart-spec.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';
import { addDays, dayParts } from '../../report/calendar-day.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import type { DrawnFigure, FigureBinding, FigureView, ReportScope } from '../report-metric.ts';
import type { ReviewFlowFields, ReviewFlowRow } from './review-flow.ts';

type Report = ReportScope & CommitsByYearFields & ReviewFlowFields;

/** The rows drawn for `view` (years, or quarters), and how the figure names its periods. */
function periods(report: Report, view: FigureView) {
  const quarterly = view.period === 'quarters';
  const rows = report.reviewFlowByPeriod.filter((r) => (r.quarter !== null) === quarterly);
  const { year: lastYear, month: lastMonth } = dayParts(addDays(report.asOf, -1));
  const { month, day } = dayParts(report.asOf);
  // A quarter is over on the as-of day when that day starts the next one.
  const quarterOver = day === 1 && month % 3 === 1;
  return {
    rows,
    quarterly,
    per: quarterly ? 'quarter' : 'year',
    partialYear: quarterly
      ? quarterOver
        ? null
        : lastYear
      : (report.commitsByYear.find((r) => r.partial)?.year ?? null),
    partialQuarter: quarterly && !quarterOver ? Math.ceil(lastMonth / 3) : null,
  };
}

/** The period of a row as a chart point (`quarter` only by quarter). */
function at(row: ReviewFlowRow): { year: number; quarter?: number } {
  return row.quarter === null ? { year: row.year } : { year: row.year, quarter: row.quarter };
}

/** How a row's period reads: `2018`, or `2018 Q2`. */
function periodName(row: ReviewFlowRow): string {
  return row.quarter === null ? `${row.year}` : `${row.year} Q${row.quarter}`;
}

/** Lines of named values per period, leaving out the null ones. */
function lines(
  rows: readonly ReviewFlowRow[],
  values: Record<string, (row: ReviewFlowRow) => number | null>,
): NamedPeriodValue[] {
  return rows.flatMap((row) =>
    Object.entries(values).flatMap(([name, value]) => {
      const v = value(row);
      return v === null ? [] : [{ ...at(row), name, value: v }];
    }),
  );
}

/** A share as a percentage, null when there is nothing to take it of. */
function percent(part: number, whole: number): number | null {
  return whole > 0 ? (100 * part) / whole : null;
}

/** Draws one of the year-lines figures of the flow. */
function flowLines(
  report: Report,
  view: FigureView,
  figure: {
    title: (per: string) => string;
    /** What the lines are (the panel's description). */
    description: (per: string) => string;
    unit: string;
    values: Record<string, (row: ReviewFlowRow) => number | null>;
    note?: (rows: readonly ReviewFlowRow[]) => string | undefined;
  },
): DrawnFigure {
  const p = periods(report, view);
  // The chart's own note on the partial period gives way to a figure's note: say both.
  const partial = p.rows.find(
    (r) => r.year === p.partialYear && (!p.quarterly || r.quarter === p.partialQuarter),
  );
  const note = [partial ? `* ${periodName(partial)} is partial.` : '', figure.note?.(p.rows)]
    .filter(Boolean)
    .join(' ');
  return {
    title: figure.title(p.per),
    subtitle: periodSubtitle(report.project, report.since, report.asOf),
    description: figure.description(p.per),
    chart: {
      chart: 'year-lines',
      rows: lines(p.rows, figure.values),
      unit: figure.unit,
      series: true,
      partialYear: p.partialYear,
      partialQuarter: p.partialQuarter,
      ...(note ? { note } : {}),
    },
  };
}

/** The mean versions of the last two periods that have one: "1.4 in 2024, 1.5 in 2025". */
function meanVersionsNote(rows: readonly ReviewFlowRow[]): string | undefined {
  const recent = rows.filter((r) => r.meanVersions !== null).slice(-2);
  if (recent.length === 0) return undefined;
  return `Mean versions per change: ${recent
    .map((r) => `${(Math.round(r.meanVersions! * 10) / 10).toString()} in ${periodName(r)}`)
    .join(', ')}.`;
}

/** The review flow's figures, in the order the Review page and the report show them. */
export const REVIEW_FLOW_FIGURES: ReadonlyArray<FigureBinding<Report>> = [
  {
    name: 'mail-changes',
    title: 'Changes posted on the mailing lists',
    draw: (report, view) => {
      const p = periods(report, view);
      return {
        title: `Changes posted on the mailing lists per ${p.per}`,
        subtitle: periodSubtitle(report.project, report.since, report.asOf),
        description: `Changes (a sender's series with one subject, in all their versions) posted on the mailing lists per ${p.per} of their first posting, with the change on the ${p.per} before.`,
        chart: {
          chart: 'year-series',
          rows: p.rows.map((r) => ({ ...at(r), value: r.changes })),
          unit: 'changes posted',
          partialYear: p.partialYear,
          partialQuarter: p.partialQuarter,
        },
      };
    },
  },
  {
    name: 'mail-review-shares',
    title: 'Changes reviewed and merged',
    draw: (report, view) =>
      flowLines(report, view, {
        title: (per) => `Changes reviewed and merged, by ${per} of posting`,
        description: (per) =>
          `Of the changes posted each ${per}, in per cent: those with a review (a reply by someone other than the sender), those merged (a commit of the sender bearing a patch's subject), and those without a review within 30 days.`,
        unit: '% of changes posted',
        values: {
          reviewed: (r) => percent(r.reviewed, r.changes),
          merged: (r) => percent(r.merged, r.changes),
          'no review in 30 days': (r) => percent(r.unanswered, r.answerable),
        },
        note: () =>
          'No review in 30 days: of the changes posted at least 30 days before the as-of date.',
      }),
  },
  {
    name: 'mail-days-to-first-review',
    title: 'Days to the first review',
    draw: (report, view) =>
      flowLines(report, view, {
        title: (per) => `Days from posting to the first review, by ${per} of posting`,
        description: (per) =>
          `Median and 75th percentile of the days from a change's posting to its first review, over the reviewed changes posted each ${per}.`,
        unit: 'days',
        values: {
          median: (r) => r.medianDaysToFirstReview,
          '75th percentile': (r) => r.p75DaysToFirstReview,
        },
        note: () => 'Over the reviewed changes; a reply before the posting counts as 0 days.',
      }),
  },
  {
    name: 'mail-days-to-merge',
    title: 'Days to merge',
    draw: (report, view) =>
      flowLines(report, view, {
        title: (per) => `Days from posting to merge, by ${per} of posting`,
        description: (per) =>
          `Median and 75th percentile of the days from a change's posting to the committer date of its first merging commit, over the merged changes posted each ${per}.`,
        unit: 'days',
        values: {
          median: (r) => r.medianDaysToMerge,
          '75th percentile': (r) => r.p75DaysToMerge,
        },
        note: () => 'Over the merged changes, to the committer date of the first merging commit.',
      }),
  },
  {
    name: 'mail-versions',
    title: 'Versions a change took',
    draw: (report, view) =>
      flowLines(report, view, {
        title: (per) => `Changes that took several versions, by ${per} of posting`,
        description: (per) =>
          `Of the changes posted each ${per}, in per cent: those posted in two versions or more, and in three or more; the note gives the mean versions per change.`,
        unit: '% of changes posted',
        values: {
          'two or more': (r) => percent(r.twoOrMoreVersions, r.changes),
          'three or more': (r) => percent(r.threeOrMoreVersions, r.changes),
        },
        note: meanVersionsNote,
      }),
  },
];
