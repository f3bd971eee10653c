/** Poisson draws from seeded random numbers, for tests of the growth fit. */
export { random } from '../../../bench/generate-history.ts';

/** A Poisson draw of mean `mean` (Knuth's method, in steps of 30 for large means). */
export function poisson(mean: number, next: () => number): number {
  let total = 0;
  let left = mean;
  while (left > 0) {
    const step = Math.min(left, 30);
    left -= step;
    const limit = Math.exp(-step);
    let p = next();
    let k = 0;
    while (p > limit) {
      p *= next();
      k++;
    }
    total += k;
  }
  return total;
}
