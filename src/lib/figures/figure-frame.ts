/**
 * The words around every figure, whatever metric draws it: the period and the filters in force
 * under its heading, the source line at its foot, the lines a CSV starts with, and file names
 * that state the view. The registry's figure frame (src/lib/report/report-figures.ts) applies
 * them to every figure, so a new metric's figure states its filters without doing anything.
 */
import { addDays, longDay } from '../report/calendar-day.ts';
import type { ChartSpec } from './chart-spec.ts';

/** "xen · 1 January 2011 – 31 May 2018" for a half-open period [from, to). */
export function periodSubtitle(project: string, from: string, to: string): string {
  return `${project} · ${longDay(from)} – ${longDay(addDays(to, -1))}`;
}

/** "Source: xen, as of 1 June 2018". */
export function sourceLine(source: string, asOf: string): string {
  return `Source: ${source}, as of ${longDay(asOf)}`;
}

/** The narrowing of a view: each filter's name and its values (empty: not narrowed). */
export type ViewFilters = Readonly<Record<string, readonly string[]>>;

/** How each known filter reads, one value and several; any other filter reads as its own name. */
const FILTER_WORDS: Record<string, [string, string]> = {
  repositories: ['repository', 'repositories'],
  paths: ['path', 'paths'],
  subprojects: ['sub-project', 'sub-projects'],
  areas: ['area', 'areas'],
  lists: ['list', 'lists'],
};

/** What a chart counts (`commits`, `reviews`, …), or null when it draws several things at once. */
export function chartCounts(chart: ChartSpec): string | null {
  switch (chart.chart) {
    case 'year-bars':
    case 'year-stack':
    case 'ranked-bars':
    case 'share-bar':
      return chart.unit ?? 'commits';
    case 'year-series':
    case 'year-lines':
    case 'matrix':
      return chart.unit;
    default:
      return null;
  }
}

/** What the viewer asked to see (as in the registry's FigureView). */
export interface ViewWords {
  kind: 'commits' | 'reviews';
  mode: 'counts' | 'shares';
}

/**
 * The filters in force on `chart` (or on a table), as words for its subtitle: every narrowing filter
 * (`path xen/arch/arm`, `repositories xen, osstest`), what it counts when the viewer asked for
 * reviews (`reviews`, or `commits` for a figure that does not switch), and `shares of each year`
 * for stacks drawn in shares. Empty when nothing narrows the default view.
 */
export function filterWords(filters: ViewFilters, chart?: ChartSpec, view?: ViewWords): string[] {
  const words: string[] = [];
  for (const [name, values] of Object.entries(filters)) {
    if (values.length === 0) continue;
    const [one, many] = FILTER_WORDS[name] ?? [name, name];
    words.push(`${values.length === 1 ? one : many} ${values.join(', ')}`);
  }
  if (!chart) return words;
  const counts = chartCounts(chart);
  if (view?.kind === 'reviews' && (counts === 'commits' || counts === 'reviews'))
    words.push(counts);
  if (chart.chart === 'year-stack' && chart.mode === 'shares') words.push('shares of each year');
  return words;
}

/** `subtitle` with the filter words appended (`xen · 2011 – 2018 · path xen/arch/arm`). */
export function withFilters(subtitle: string, words: readonly string[]): string {
  return [subtitle, ...words].filter((part) => part !== '').join(' · ');
}

/**
 * The lines a CSV starts with, saying where its rows came from: the figure's title, its subtitle
 * (project, period and filters) and its source line (each line one cell).
 */
export function csvProvenance(title: string, subtitle: string, source: string): string[] {
  return [title, subtitle, source].filter((line) => line !== '').map((line) => `# ${line}`);
}

/** Letters, digits, `.`, `_` and `-` only, runs of anything else as one `-`. */
function fileWord(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
}

/**
 * A file name for a figure downloaded from a view that states the view:
 * `xen-organisations-over-time-path-xen-arch-arm-reviews-shares-since-2011-as-of-2018-06-01.png`
 * (filters, reviews and shares only when in force).
 */
export function figureFileName(
  project: string,
  figure: string,
  scope: { since: string; asOf: string; filters: ViewFilters },
  view: ViewWords,
  ext: string,
): string {
  const parts = [fileWord(project) || 'barometer', fileWord(figure)];
  for (const [name, values] of Object.entries(scope.filters)) {
    if (values.length === 0) continue;
    const [one] = FILTER_WORDS[name] ?? [name];
    parts.push(fileWord(one), ...values.map(fileWord));
  }
  if (view.kind === 'reviews') parts.push('reviews');
  if (view.mode === 'shares') parts.push('shares');
  parts.push('since', scope.since.slice(0, 4), 'as-of', scope.asOf);
  return `${parts.filter((part) => part !== '').join('-')}.${ext}`;
}
