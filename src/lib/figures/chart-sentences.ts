/**
 * Sentences read off a chart's own rows, for a figure no report sentence speaks for (the reviews
 * view's figures): what the bars did over the years shown, who leads a ranking, what the top N
 * made. Every name they give is one the chart labels, and every figure is one it draws.
 */
import { formatCount, formatPercent, joinNames } from '../report/format-figures.ts';
import { rankBy } from '../report/rank.ts';
import { labelledNames, stackNames } from './chart-names.ts';
import type { ChartSpec } from './chart-spec.ts';

/** "grew 25%", "shrank 3%", "stayed level": the change from `from` to `to`. */
function changeWords(from: number, to: number): string {
  const rate = to / from - 1;
  const percent = Math.round(Math.abs(rate) * 100);
  if (percent === 0) return 'stayed level';
  return `${rate > 0 ? 'grew' : 'shrank'} ${percent}%`;
}

/** `Reviews`, from a unit such as `reviews`. */
function capital(unit: string): string {
  return unit.replace(/^./, (c) => c.toUpperCase());
}

/** "Reviews grew 25% from 2011 to 2017 (1,234 to 1,543)." over the full years of the bars. */
function yearBarsSentences(
  rows: Array<{ year: number; value: number; partial?: boolean }>,
  unit: string,
): string[] {
  const full = rows.filter((r) => !r.partial).sort((a, b) => a.year - b.year);
  const first = full.find((r) => r.value > 0);
  const last = full[full.length - 1];
  if (!first || !last || last.year === first.year) return [];
  return [
    `${capital(unit)} ${changeWords(first.value, last.value)} from ${first.year} to ${last.year} (${formatCount(first.value)} to ${formatCount(last.value)}).`,
  ];
}

/** The sentences `chart` supports on its own (none for layouts that state no total or leader). */
export function chartSentences(chart: ChartSpec, scope: { since: string }): string[] {
  const sinceYear = scope.since.slice(0, 4);
  switch (chart.chart) {
    case 'year-bars':
      return yearBarsSentences(chart.rows, chart.unit ?? 'commits');
    case 'year-series':
      // A series whose changes mean nothing (the elephant factor) says nothing of them either.
      if (chart.showChange === false) return [];
      return yearBarsSentences(
        chart.rows.flatMap((r) =>
          r.value === null ? [] : [{ ...r, value: r.value, partial: r.year === chart.partialYear }],
        ),
        chart.unit,
      );
    case 'ranked-bars': {
      const unit = chart.unit ?? 'commits';
      const [lead, ...next] = rankBy(
        chart.rows,
        (r) => r.value,
        (r) => r.name,
      ).slice(0, 3);
      if (!lead) return [];
      const then = next.length > 0 ? `, then ${joinNames(next.map((r) => r.name))}` : '';
      return [
        `${lead.name} made the most ${unit} since ${sinceYear} (${formatCount(lead.value)}, ${formatPercent(lead.share)} of all ${unit})${then}.`,
      ];
    }
    case 'share-bar': {
      const unit = chart.unit ?? 'commits';
      const names = labelledNames(chart);
      const all =
        chart.total ??
        chart.rows.reduce((sum, r) => sum + r.value, 0) + (chart.unknown?.value ?? 0);
      if (names.length === 0 || all === 0) return [];
      const shown = new Set(names);
      const made = chart.rows.filter((r) => shown.has(r.name)).reduce((sum, r) => sum + r.value, 0);
      const who = names.length === 1 ? names[0] : `The top ${names.length} (${joinNames(names)})`;
      return [`${who} made ${formatPercent(made / all)} of the ${formatCount(all)} ${unit}.`];
    }
    case 'year-stack': {
      const unit = chart.unit ?? 'commits';
      const names = stackNames(chart.rows, chart.top ?? 6, chart.ranking);
      const total = chart.rows.reduce((sum, r) => sum + r.value, 0);
      if (names.length === 0 || total === 0) return [];
      const shown = new Set(names);
      const made = chart.rows.filter((r) => shown.has(r.name)).reduce((sum, r) => sum + r.value, 0);
      const who = names.length === 1 ? names[0] : `The top ${names.length}, ${joinNames(names)},`;
      return [
        `${who} made ${formatPercent(made / total)} of the ${formatCount(total)} ${unit} since ${sinceYear}.`,
      ];
    }
    default:
      return [];
  }
}
