/** Pure layout of stacked bars by year: the top N names as layers, `Other` and `Unknown`. */
import { stackNames } from '../lib/figures/chart-names.ts';
import type { NamedYearValue } from '../lib/figures/chart-spec.ts';
import { OTHER, UNKNOWN } from './palette.ts';

/** One stacked layer: an organisation, `Other` or `Unknown`, with its value per year. */
export interface StackLayer {
  name: string;
  /** Counts per year, aligned with `StackedYears.years`. */
  counts: number[];
}

/** The stacked series of a figure. */
export interface StackedYears {
  /** Every year from the first to the last row, gaps included (a year with none is 0). */
  years: number[];
  /** Bottom to top: the top N organisations by rank, then `Other`, then `Unknown`. */
  layers: StackLayer[];
  /** All values per year. */
  totals: number[];
}

/**
 * Groups `rows` into the top `top` organisations (by `ranking`, default: their totals in `rows`),
 * `Other` for every other organisation and `Unknown`; layers with nothing are left out.
 */
export function stackYears(
  rows: readonly NamedYearValue[],
  top: number,
  ranking?: readonly string[],
): StackedYears {
  if (rows.length === 0) return { years: [], layers: [], totals: [] };
  const first = Math.min(...rows.map((r) => r.year));
  const last = Math.max(...rows.map((r) => r.year));
  const years: number[] = [];
  for (let year = first; year <= last; year++) years.push(year);
  const topNames = stackNames(rows, top, ranking);
  const index = new Map<string, number>(topNames.map((name, i) => [name, i]));
  const layers: StackLayer[] = [
    ...topNames.map((name) => ({ name, counts: years.map(() => 0) })),
    { name: OTHER, counts: years.map(() => 0) },
    { name: UNKNOWN, counts: years.map(() => 0) },
  ];
  const totals = years.map(() => 0);
  for (const row of rows) {
    const y = row.year - first;
    const layer =
      row.name === UNKNOWN ? layers.length - 1 : (index.get(row.name) ?? layers.length - 2);
    const target = layers[layer];
    if (target) target.counts[y] = (target.counts[y] ?? 0) + row.value;
    totals[y] = (totals[y] ?? 0) + row.value;
  }
  return { years, layers: layers.filter((l) => l.counts.some((c) => c > 0)), totals };
}

/**
 * Vertical positions of direct labels: each wants to sit at `wanted` (px, top to bottom order not
 * required) and labels keep at least `gap` px apart within [min, max].
 */
export function spreadLabels(wanted: readonly number[], gap: number, min: number, max: number) {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => Math.max(min, o.y));
  for (let k = 1; k < placed.length; k++) {
    placed[k] = Math.max(placed[k] ?? 0, (placed[k - 1] ?? 0) + gap);
  }
  // Pushed past the bottom: shift back up, keeping the gaps.
  for (let k = placed.length - 1; k >= 0; k--) {
    const limit = k === placed.length - 1 ? max : (placed[k + 1] ?? max) - gap;
    placed[k] = Math.min(placed[k] ?? 0, limit);
  }
  const result = new Array<number>(wanted.length);
  order.forEach((o, k) => (result[o.i] = placed[k] ?? o.y));
  return result;
}
