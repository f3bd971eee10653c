/** Seeded random numbers and Poisson draws for tests of the growth fit. */

/** mulberry32: the same seed gives the same numbers everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
