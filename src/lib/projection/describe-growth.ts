/** How a growth estimate reads in a sentence: "growing about 40% a year (90% interval 25–55%)". */
import type { GrowthEstimate } from './fit-growth.ts';
import { MIN_FITTED_MONTHS } from './fit-growth.ts';

/** A rate as a signed whole percentage: `0.4` → `+40%`, `-0.1` → `−10%`, `0` → `0%`. */
export function signedPercent(rate: number): string {
  const percent = Math.round(rate * 100);
  if (percent === 0) return '0%';
  return `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%`;
}

/**
 * What an estimate says, after a subject ("Commits are …"): `growing about 40% a year (90%
 * interval 25–55%)`, `shrinking about 10% a year (90% interval 2–18%)`, `without a clear trend
 * (about +5% a year, 90% interval −10% to +22%)` when the interval holds 0, or `too little history
 * to project (7 months of the 12 needed)`.
 */
export function describeGrowth(estimate: GrowthEstimate): string {
  const { annualGrowth: rate, low, high } = estimate;
  if (rate === null || low === null || high === null) {
    const months = estimate.months;
    if (months >= MIN_FITTED_MONTHS)
      return 'too little history to project (most months without commits)';
    const had = months === 0 ? 'none' : `${months} ${months === 1 ? 'month' : 'months'}`;
    return `too little history to project (${had} of the ${MIN_FITTED_MONTHS} needed)`;
  }
  const whole = (r: number) => Math.round(Math.abs(r) * 100);
  const range = (a: number, b: number) => `${a}–${b}%`;
  if (low > 0)
    return `growing about ${whole(rate)}% a year (90% interval ${range(whole(low), whole(high))})`;
  if (high < 0) {
    return `shrinking about ${whole(rate)}% a year (90% interval ${range(whole(high), whole(low))})`;
  }
  return `without a clear trend (about ${signedPercent(rate)} a year, 90% interval ${signedPercent(low)} to ${signedPercent(high)})`;
}
