import { describe, expect, it } from 'vitest';
import {
  estimateGrowth,
  fitLogLinear,
  fittedLine,
  MIN_FITTED_MONTHS,
} from '../../../src/lib/projection/fit-growth.ts';
import { describeGrowth } from '../../../src/lib/projection/describe-growth.ts';
import { studentTCdf, studentTQuantile } from '../../../src/lib/projection/student-t.ts';
import { poisson, random } from './poisson.ts';

describe("Student's t", () => {
  it('gives the tabled quantiles of a two-sided 90% interval', () => {
    // Tables of the t distribution, 0.95 quantile.
    const tabled: Array<[number, number]> = [
      [1, 6.313752],
      [2, 2.919986],
      [10, 1.812461],
      [22, 1.717144],
      [30, 1.697261],
    ];
    for (const [df, t] of tabled) expect(studentTQuantile(0.95, df)).toBeCloseTo(t, 5);
    expect(studentTQuantile(0.05, 10)).toBeCloseTo(-1.812461, 5);
    expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12);
  });
});

describe('the growth fit', () => {
  it('recovers the rate of an exact exponential series with a zero-width interval', () => {
    // ln(count + ½) grows by exactly ln(1.05) a month: count = 10·1.05^i − ½.
    const counts = Array.from({ length: 24 }, (_, i) => 10 * 1.05 ** i - 0.5);
    const estimate = estimateGrowth(counts);
    expect(estimate.annualGrowth).toBeCloseTo(1.05 ** 12 - 1, 10);
    expect(estimate.low).toBeCloseTo(estimate.annualGrowth!, 8);
    expect(estimate.high).toBeCloseTo(estimate.annualGrowth!, 8);
    expect(estimate.months).toBe(24);
    const line = fittedLine(fitLogLinear(counts)!);
    expect(line).toHaveLength(36);
    expect(line[35]!.value).toBeCloseTo(10 * 1.05 ** 35 - 0.5, 6);
  });

  it('states too little history below 12 months, or when most months have none', () => {
    expect(estimateGrowth(Array.from({ length: MIN_FITTED_MONTHS - 1 }, () => 5))).toEqual({
      annualGrowth: null,
      low: null,
      high: null,
      months: 11,
    });
    const sparse = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? 4 : 0));
    expect(estimateGrowth(sparse).annualGrowth).toBeNull();
    expect(describeGrowth(estimateGrowth([1, 2, 3]))).toBe(
      'too little history to project (3 months of the 12 needed)',
    );
    expect(describeGrowth(estimateGrowth(sparse))).toBe(
      'too little history to project (most months without commits)',
    );
  });

  it('holds the true rate of Poisson counts in its 90% interval about 90% of the time', () => {
    // 400 series of 24 months with a known growth and Poisson noise, from small counts to large.
    const next = random(7);
    let inside = 0;
    let runs = 0;
    for (const start of [3, 8, 20, 60]) {
      for (const monthly of [0.97, 1, 1.03, 1.06]) {
        for (let k = 0; k < 25; k++) {
          const counts = Array.from({ length: 24 }, (_, i) => poisson(start * monthly ** i, next));
          const { low, high } = estimateGrowth(counts);
          if (low === null || high === null) continue;
          runs++;
          const truth = monthly ** 12 - 1;
          if (low <= truth && truth <= high) inside++;
        }
      }
    }
    expect(runs).toBeGreaterThan(390);
    // Binomial(400, 0.9) lies within 0.86..0.94 with probability above 99.5%.
    expect(inside / runs).toBeGreaterThan(0.86);
    expect(inside / runs).toBeLessThan(0.94);
  });

  it('reads as the sentences say', () => {
    const at = (annualGrowth: number, low: number, high: number) =>
      describeGrowth({ annualGrowth, low, high, months: 24 });
    expect(at(0.4, 0.25, 0.55)).toBe('growing about 40% a year (90% interval 25–55%)');
    expect(at(-0.1, -0.18, -0.02)).toBe('shrinking about 10% a year (90% interval 2–18%)');
    expect(at(0.05, -0.1, 0.22)).toBe(
      'without a clear trend (about +5% a year, 90% interval −10% to +22%)',
    );
  });
});
