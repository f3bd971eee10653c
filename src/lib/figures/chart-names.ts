/**
 * Which names a chart labels: the organisations it draws with a mark and a label of their own,
 * as each layout picks them (the top N of its ranking; `Other` and `Unknown` are never named).
 * The charts draw these names and the report's sentences are placed only beside a chart that
 * labels every organisation they name.
 */
import { byName, rankBy, rankNames } from '../report/rank.ts';
import { UNKNOWN } from '../identity/organisation-index.ts';
import type { ChartSpec, NamedYearValue } from './chart-spec.ts';

/** `Other`: every organisation outside a figure's top N, drawn as one layer. */
export const OTHER = 'Other';

/** The top `top` names of a stack: by `ranking` (default: their totals), present in `rows`. */
export function stackNames(
  rows: readonly NamedYearValue[],
  top: number,
  ranking?: readonly string[],
): string[] {
  const present = new Set(rows.filter((r) => r.value > 0).map((r) => r.name));
  return (ranking ?? rankNames(rows))
    .filter((name) => present.has(name) && name !== UNKNOWN && name !== OTHER)
    .slice(0, Math.max(0, top));
}

/** The names `chart` labels, in the order it draws them. */
export function labelledNames(chart: ChartSpec): string[] {
  switch (chart.chart) {
    case 'year-stack':
      return stackNames(chart.rows, chart.top ?? 6, chart.ranking);
    case 'ranked-bars':
    case 'share-bar':
      return rankBy(
        chart.rows,
        (r) => r.value,
        (r) => r.name,
      )
        .slice(0, Math.max(1, chart.top ?? (chart.chart === 'share-bar' ? 6 : 10)))
        .map((r) => r.name);
    case 'paired-bars':
      return rankBy(
        chart.rows.filter((r) => r.first + r.second > 0),
        (r) => r.first + r.second,
        (r) => r.name,
      )
        .slice(0, Math.max(1, chart.top ?? 10))
        .map((r) => r.name);
    case 'ratio-bars':
      return ratioRows(chart.rows, chart.top ?? 10).map((r) => r.name);
    case 'recent-and-rising': {
      const top = Math.max(1, chart.top ?? 8);
      const recent = rankBy(
        chart.recent,
        (r) => r.first + r.second,
        (r) => r.name,
      ).slice(0, top);
      const rising = [...chart.rising]
        .sort((a, b) => b.ratio - a.ratio || byName(a.name, b.name))
        .slice(0, top);
      return [...new Set([...recent, ...rising].map((r) => r.name))];
    }
    case 'year-lines':
      return rankNames(chart.rows).slice(0, Math.max(1, chart.top ?? 6));
    case 'matrix': {
      const top = Math.max(1, chart.top ?? 10);
      const rows = rankNames(chart.cells.map((c) => ({ name: c.row, value: c.value })));
      const columns = rankNames(chart.cells.map((c) => ({ name: c.column, value: c.value })));
      return [...new Set([...rows.slice(0, top), ...columns.slice(0, top)])];
    }
    case 'year-series':
      return chart.organisation ? [chart.organisation] : [];
    default:
      return [];
  }
}

/** A name's two counts and the second per first (∞ when it has no first). */
export interface RatioRow {
  name: string;
  first: number;
  second: number;
  /** second / first; Infinity when first is 0 (and second is not). */
  ratio: number;
}

/**
 * The rows a ratio chart draws: the `top` names with the most of both counts together (never
 * `Unknown`), then sorted by their ratio, largest first (ties by name).
 */
export function ratioRows(
  rows: ReadonlyArray<{ name: string; first: number; second: number }>,
  top: number,
): RatioRow[] {
  return rankBy(
    rows.filter((r) => r.first + r.second > 0),
    (r) => r.first + r.second,
    (r) => r.name,
  )
    .slice(0, Math.max(1, top))
    .map((r) => ({ ...r, ratio: r.first > 0 ? r.second / r.first : Infinity }))
    .sort((a, b) => b.ratio - a.ratio || byName(a.name, b.name));
}
