/**
 * The growth projection (docs/definitions.md, "Growth projection"): a least-squares line through
 * the logarithm of monthly counts, ln(count + ½) against the month's index, its slope stated as an
 * annual growth rate with a 90% interval from Student's t on the slope, and the line drawn with its
 * band some months ahead. Pure.
 */
import { studentTQuantile } from './student-t.ts';

/** Full calendar months before the as-of date that a projection looks at. */
export const PROJECTION_WINDOW_MONTHS = 24;
/** Fewest months a fit needs (after leaving out the months before the first commit). */
export const MIN_FITTED_MONTHS = 12;
/** Months the line and its band are drawn beyond the last fitted month. */
export const PROJECTION_AHEAD_MONTHS = 12;
/** The two-sided probability of the interval: 90%. */
export const PROJECTION_INTERVAL = 0.9;
/**
 * Added to each month's count before its logarithm: a month with none is ln(½), and for counts
 * with Poisson noise ln(count + ½) is nearly unbiased for the log of the mean (the noise lowers
 * E[ln count] by about 1/(2·mean), the ½ raises it by as much).
 */
export const LOG_OFFSET = 0.5;

/** A growth rate as the weather report states it; null where there is too little history. */
export interface GrowthEstimate {
  /** exp(12 × slope) − 1: the fitted growth over a year, a fraction (0.4 = 40% a year). */
  annualGrowth: number | null;
  /** The 90% interval's ends, fractions, from the slope's t interval. */
  low: number | null;
  high: number | null;
  /** Months fitted (0 when there were none). */
  months: number;
}

/** A fitted line: ln(count + ½) ≈ intercept + slope × index, index 0 for the first month fitted. */
export interface LogLinearFit {
  /** Months fitted. */
  n: number;
  intercept: number;
  /** Per month, in natural-log units. */
  slope: number;
  /** Mean of the indices and their sum of squared deviations. */
  meanIndex: number;
  sxx: number;
  /** The residuals' standard deviation, sqrt(Σ residual² / (n − 2)). */
  residualSd: number;
  /** Student's t quantile (n − 2 degrees of freedom) of the interval's upper end. */
  t: number;
}

/** Why a series gives no estimate, or null when it gives one. */
export function tooLittleHistory(counts: readonly number[]): string | null {
  if (counts.length < MIN_FITTED_MONTHS) {
    return `${counts.length} of the ${MIN_FITTED_MONTHS} months needed`;
  }
  const active = counts.filter((c) => c > 0).length;
  // A series mostly of empty months says nothing about a rate of growth.
  if (active * 2 < counts.length) return `only ${active} of ${counts.length} months active`;
  return null;
}

/**
 * The least-squares line through ln(count + ½) of consecutive months, or null when the series
 * has too little history (see {@link tooLittleHistory}).
 */
export function fitLogLinear(counts: readonly number[]): LogLinearFit | null {
  if (tooLittleHistory(counts) !== null) return null;
  const n = counts.length;
  const ys = counts.map((c) => Math.log(c + LOG_OFFSET));
  const meanIndex = (n - 1) / 2;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  ys.forEach((y, i) => {
    sxx += (i - meanIndex) ** 2;
    sxy += (i - meanIndex) * (y - meanY);
  });
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanIndex;
  const sse = ys.reduce((s, y, i) => s + (y - intercept - slope * i) ** 2, 0);
  return {
    n,
    intercept,
    slope,
    meanIndex,
    sxx,
    residualSd: Math.sqrt(sse / (n - 2)),
    t: studentTQuantile(1 - (1 - PROJECTION_INTERVAL) / 2, n - 2),
  };
}

/** The annual growth and its interval of a fit (nulls for no fit). */
export function growthEstimate(fit: LogLinearFit | null): GrowthEstimate {
  if (!fit) return { annualGrowth: null, low: null, high: null, months: 0 };
  const margin = fit.t * (fit.residualSd / Math.sqrt(fit.sxx));
  const annual = (slope: number) => Math.expm1(12 * slope);
  return {
    annualGrowth: annual(fit.slope),
    low: annual(fit.slope - margin),
    high: annual(fit.slope + margin),
    months: fit.n,
  };
}

/** Fits a series of consecutive months and states its growth: {@link fitLogLinear} then rates. */
export function estimateGrowth(counts: readonly number[]): GrowthEstimate {
  const fit = fitLogLinear(counts);
  return { ...growthEstimate(fit), months: counts.length };
}

/** The fitted line at one month: the count it gives, and its 90% band (counts, never below 0). */
export interface FittedPoint {
  /** Month index from the first fitted month (0). */
  index: number;
  value: number;
  low: number;
  high: number;
}

/**
 * The fitted line from index 0 to `fit.n − 1 + ahead`: exp(line) − ½ with the 90% band of the
 * line itself (t × s × sqrt(1/n + (i − mean)² / Sxx)), which widens away from the fitted months.
 * It is the band of the trend, not of a single month's count.
 */
export function fittedLine(fit: LogLinearFit, ahead = PROJECTION_AHEAD_MONTHS): FittedPoint[] {
  const points: FittedPoint[] = [];
  for (let index = 0; index < fit.n + ahead; index++) {
    const centre = fit.intercept + fit.slope * index;
    const spread =
      fit.t * fit.residualSd * Math.sqrt(1 / fit.n + (index - fit.meanIndex) ** 2 / fit.sxx);
    const count = (log: number) => Math.max(0, Math.exp(log) - LOG_OFFSET);
    points.push({
      index,
      value: count(centre),
      low: count(centre - spread),
      high: count(centre + spread),
    });
  }
  return points;
}
