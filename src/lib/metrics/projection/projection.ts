import sql from './query.sql?raw';
import type { ProjectionSeries } from '../../figures/chart-spec.ts';
import { csvTable } from '../../report/csv-table.ts';
import { describeGrowth, signedPercent } from '../../projection/describe-growth.ts';
import {
  fitLogLinear,
  fittedLine,
  growthEstimate,
  PROJECTION_AHEAD_MONTHS,
  type GrowthEstimate,
} from '../../projection/fit-growth.ts';
import { monthName } from '../../report/calendar-day.ts';
import { defineMetric, type ReportScope, type ReportSentence } from '../report-metric.ts';

/** One of the 24 full months before the as-of date. */
export interface ProjectionRow {
  /** `YYYY-MM`. */
  month: string;
  commits: number;
  /** Distinct authors of the month's commits. */
  contributors: number;
  /** False for the month of the first commit and those before it (left out of the fit). */
  fitted: boolean;
}

/** The growth projection of one scope: commits and active contributors per month, fitted. */
export interface Projection {
  /** The first and last month looked at, `YYYY-MM` (24 full months before the as-of date). */
  from: string;
  to: string;
  /** Growth of monthly commits: annual rate and 90% interval (fractions), null without history. */
  commits: GrowthEstimate;
  /** Growth of monthly active contributors, likewise. */
  contributors: GrowthEstimate;
}

/** Its fields of the weather report. */
export interface ProjectionFields {
  /** The projection of everything the report covers. */
  projection: Projection;
  /** The months it was fitted on. */
  projectionByMonth: ProjectionRow[];
}

/** The months a fit uses: those after the first commit's month. */
const fittedRows = (rows: readonly ProjectionRow[]) => rows.filter((row) => row.fitted);

/** The projection of the rows of one scope's query. */
export function summariseProjection(rows: readonly ProjectionRow[]): Projection {
  const fitted = fittedRows(rows);
  const estimate = (values: number[]) => ({
    ...growthEstimate(fitLogLinear(values)),
    months: values.length,
  });
  return {
    from: rows[0]?.month ?? '',
    to: rows[rows.length - 1]?.month ?? '',
    commits: estimate(fitted.map((row) => row.commits)),
    contributors: estimate(fitted.map((row) => row.contributors)),
  };
}

/** `2018-05` plus `n` months. */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2016-06` → `June 2016`. */
export function monthWords(month: string): string {
  return `${monthName(Number(month.slice(5, 7)))} ${month.slice(0, 4)}`;
}

/** One measure's months and its fitted line with its band, for the projection chart. */
function series(
  name: string,
  rows: readonly ProjectionRow[],
  value: (row: ProjectionRow) => number,
): ProjectionSeries {
  const fitted = fittedRows(rows);
  const fit = fitLogLinear(fitted.map(value));
  const first = fitted[0]?.month;
  return {
    name,
    rows: rows.map((row) => ({ month: row.month, value: value(row), fitted: row.fitted })),
    fit:
      fit && first
        ? fittedLine(fit).map((p) => ({
            month: addMonths(first, p.index),
            value: p.value,
            low: p.low,
            high: p.high,
          }))
        : [],
  };
}

/** The chart's two series: commits and active contributors per month. */
export function projectionSeries(rows: readonly ProjectionRow[]): ProjectionSeries[] {
  return [
    series('Commits', rows, (row) => row.commits),
    series('Active contributors', rows, (row) => row.contributors),
  ];
}

/**
 * "Commits are growing about 11% a year (90% interval 5–17%), and active contributors are …;
 * trend of the 23 months to May 2018.", of `owner` ("Unikraft's commits …, and its active
 * contributors …") when given; or that there is too little history to project.
 */
export function projectionSentence(projection: Projection, owner?: string): string {
  const { commits, contributors } = projection;
  if (commits.annualGrowth === null || contributors.annualGrowth === null) {
    return `${owner ? `${owner}: t` : 'T'}${describeGrowth(commits).slice(1)}.`;
  }
  const subject = owner ? `${owner}'s commits` : 'Commits';
  const people = owner ? 'its active contributors' : 'active contributors';
  return (
    `${subject} are ${describeGrowth(commits)}, and ${people} are ${describeGrowth(contributors)}; ` +
    `trend of the ${commits.months} months to ${monthWords(projection.to)}.`
  );
}

/** The whole report's projection sentence. */
function sentences(report: ReportScope & ProjectionFields): ReportSentence[] {
  if (report.projectionByMonth.length === 0) return [];
  return [{ text: projectionSentence(report.projection), figures: ['projection'] }];
}

const DESCRIPTION =
  'Commits and active contributors per month over the 24 full months before the as-of date, with a least-squares line through ln(count + ½) from the month after the first commit, drawn with its 90% band 12 months ahead; growth rates are fractions a year.';

/**
 * The growth projection of everything the report covers: monthly commits and active contributors
 * of the last 24 full months, fitted on a log scale (docs/definitions.md, "Growth projection").
 */
export const projection = defineMetric<ProjectionRow, ProjectionFields, ReportScope>({
  name: 'projection',
  title: 'Growth projection',
  description: DESCRIPTION,
  sql,
  fields: (rows) => ({ projection: summariseProjection(rows), projectionByMonth: rows }),
  csv: (report) => {
    const drawn = projectionSeries(report.projectionByMonth);
    const months = [...new Set(drawn.flatMap((s) => [...s.rows, ...s.fit].map((p) => p.month)))];
    months.sort();
    const at = (s: ProjectionSeries, month: string) => ({
      row: s.rows.find((r) => r.month === month),
      fit: s.fit.find((f) => f.month === month),
    });
    const [commits, people] = drawn as [ProjectionSeries, ProjectionSeries];
    return csvTable(months, {
      month: (m) => m,
      commits: (m) => at(commits, m).row?.value,
      contributors: (m) => at(people, m).row?.value,
      fitted: (m) => at(commits, m).row?.fitted,
      commits_trend: (m) => at(commits, m).fit?.value,
      commits_trend_low: (m) => at(commits, m).fit?.low,
      commits_trend_high: (m) => at(commits, m).fit?.high,
      contributors_trend: (m) => at(people, m).fit?.value,
      contributors_trend_low: (m) => at(people, m).fit?.low,
      contributors_trend_high: (m) => at(people, m).fit?.high,
    });
  },
  figure: {
    draw: (report) => {
      const { from, to } = report.projection;
      return {
        title: 'Growth projection',
        subtitle: from
          ? `${report.project} · per month, ${monthWords(from)} – ${monthWords(to)}, and the trend ${PROJECTION_AHEAD_MONTHS} months ahead`
          : report.project,
        chart: {
          chart: 'projection',
          series: projectionSeries(report.projectionByMonth).map((s, i) => {
            const { annualGrowth } =
              i === 0 ? report.projection.commits : report.projection.contributors;
            return annualGrowth === null
              ? s
              : { ...s, name: `${s.name}, ${signedPercent(annualGrowth)} a year` };
          }),
          unit: 'per month',
        },
      };
    },
  },
  sentences,
});
