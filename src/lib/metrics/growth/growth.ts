import sql from './query.sql?raw';
import { defineMetric } from '../metric.ts';

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

/**
 * Year-over-year growth of commits over the full years growthSince..(year of asOf − 1), with the
 * compound annual rate and the mean of the yearly rates. `since` does not apply.
 */
export const growth = defineMetric<GrowthRow>({
  name: 'growth',
  title: 'Growth of commits',
  description:
    'Commits of each full year from growth-since to the last full year, each with its year-over-year growth (a fraction); every row repeats the compound annual rate and the mean of the yearly rates.',
  sql,
});

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
