/**
 * The time axis of the year charts when they run by year or by quarter: each period as one number
 * on the axis (the year, or year × 4 + quarter − 1, so consecutive quarters are consecutive
 * numbers) and the label it is shown with.
 */

/** A year, or a quarter of it (1–4). */
export interface Period {
  year: number;
  quarter?: number | null | undefined;
}

/** The axis position of a period: its year, or year × 4 + quarter − 1. */
export function periodKey(period: Period): number {
  return period.quarter ? period.year * 4 + period.quarter - 1 : period.year;
}

/** The label of an axis position: `2018`, or `2018 Q2` when the axis runs by quarter. */
export function periodLabel(key: number, quarterly: boolean): string {
  return quarterly ? `${Math.floor(key / 4)} Q${(key % 4) + 1}` : String(key);
}

/** The axis position of the period not over at the as-of date, or null. */
export function partialKey(
  year: number | null | undefined,
  quarter: number | null | undefined,
  quarterly: boolean,
): number | null {
  if (year === null || year === undefined) return null;
  if (!quarterly) return year;
  return quarter ? periodKey({ year, quarter }) : null;
}
