import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { plural } from '../../report/format-figures.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { defineMetric, type ReportSentence } from '../report-metric.ts';

/** One full year of the growth span. */
export interface GrowthRow {
  year: number;
  commits: number;
  /** commits / previous year's − 1, a fraction; null for the base year or after a year of 0. */
  growth: number | null;
  /** The span's compound annual growth rate (same on every row); null when the base year is 0. */
  cagr: number | null;
  /** The mean of the span's yearly rates (same on every row); null when one of them is null. */
  meanYoY: number | null;
}

/** Growth over the span, as the weather report states it. */
export interface GrowthSummary {
  /** The base year. */
  fromYear: number;
  /** The last full year before the as-of date. */
  toYear: number;
  cagr: number | null;
  meanYoY: number | null;
  /** Each year after the base with its year-over-year rate. */
  byYear: Array<{ year: number; growth: number | null }>;
}

/** The summary of growth rows; null when the span is shorter than one year (no rows). */
export function summariseGrowth(rows: GrowthRow[]): GrowthSummary | null {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last || rows.length < 2) return null;
  return {
    fromYear: first.year,
    toYear: last.year,
    cagr: first.cagr,
    meanYoY: first.meanYoY,
    byYear: rows.slice(1).map((row) => ({ year: row.year, growth: row.growth })),
  };
}

/** Its field of the weather report. */
export interface GrowthFields {
  /** Growth over `fromYear`..`toYear` (full years): compound annual rate and mean of yearly rates. */
  growth: GrowthSummary | null;
}

/** "Commits grew on average by 11% a year from 2014 to 2017." */
function growthSentence(report: GrowthFields & CommitsByYearFields): ReportSentence[] {
  const growth = report.growth;
  if (!growth) return [];
  const span = `from ${growth.fromYear} to ${growth.toYear}`;
  if (growth.cagr === null) {
    const last = report.commitsByYear.find((y) => y.year === growth.toYear);
    const tail = last ? ` (${plural(last.commits, 'commit')} in ${growth.toYear})` : '';
    return [
      {
        text: `Commits cannot be given a yearly growth rate ${span}: there were none in ${growth.fromYear}${tail}.`,
        figures: ['commits-by-year'],
        counts: 'commits',
      },
    ];
  }
  const rate = growth.cagr;
  const percent = Math.round(Math.abs(rate) * 100);
  let text =
    percent === 0
      ? `Commits stayed level on average ${span}`
      : `Commits ${rate > 0 ? 'grew' : 'shrank'} on average by ${percent}% a year ${span}`;
  if (growth.meanYoY !== null && Math.round(growth.meanYoY * 100) !== Math.round(rate * 100)) {
    const mean = Math.round(growth.meanYoY * 100);
    text += ` (compound rate; the yearly rates average ${mean < 0 ? '−' : ''}${Math.abs(mean)}%)`;
  }
  return [{ text: `${text}.`, figures: ['commits-by-year'], counts: 'commits' }];
}

/**
 * Year-over-year growth of commits over the full years growthSince..(year of asOf − 1), with the
 * compound annual rate and the mean of the yearly rates. `since` does not apply.
 */
export const growth = defineMetric<GrowthRow, GrowthFields, CommitsByYearFields>({
  name: 'growth',
  title: 'Growth of commits',
  description:
    'Commits of each full year from growth-since to the last full year, each with its year-over-year growth (a fraction); every row repeats the compound annual rate and the mean of the yearly rates.',
  sql,
  fields: (rows) => ({ growth: summariseGrowth(rows) }),
  csv: ({ growth }) =>
    csvTable(growth?.byYear ?? [], {
      year: (r) => r.year,
      growth: (r) => r.growth,
      from_year: () => growth?.fromYear,
      to_year: () => growth?.toYear,
      cagr: () => growth?.cagr,
      mean_yoy: () => growth?.meanYoY,
    }),
  sentences: growthSentence,
});
