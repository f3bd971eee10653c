/**
 * The dashboard's view: every control's value, kept in the URL's query string so a view can be
 * bookmarked and shared and the browser's back and forward buttons step through changes. Only
 * values that differ from the defaults are written, so a plain address shows the default view.
 */
import type { DefaultView, NamedView } from '../../lib/db/wasm-manifest.ts';
import type { DashboardPage } from '../../lib/metrics/report-metric.ts';
import { isCalendarDay } from '../../lib/report/calendar-day.ts';

/** What the organisation charts count. */
export type Kind = 'commits' | 'reviews';
/** Organisations over time in counts or in each year's shares. */
export type Mode = 'counts' | 'shares';
/**
 * The whole project's pages: the overview, the review on the mailing lists, or the areas and
 * review structure.
 */
export type Page = DashboardPage;
/** The periods of the review flow's figures. */
export type Period = 'years' | 'quarters';

/** Every control of the dashboard. */
export interface DashboardState {
  /** Exclusive end of every period, `YYYY-MM-DD`. */
  asOf: string;
  /** First year of rankings and per-year series (from 1 January). */
  sinceYear: number;
  /** N of the top N, 1–30. */
  top: number;
  /** Narrow to these repositories; empty = all. */
  repositories: string[];
  /** Narrow to these sub-projects (their repositories and lists, with those above); empty = all. */
  subprojects: string[];
  /** Narrow to commits changing files at or under these path prefixes; empty = all. */
  paths: string[];
  /** Narrow to commits changing files these areas cover (docs/areas.md); empty = all. */
  areas: string[];
  kind: Kind;
  mode: Mode;
  /** The organisation whose page is open, or null for the overview. */
  organisation: string | null;
  /** The page shown when no organisation's is open. */
  page: Page;
  /** Narrow the mailing-list figures to these lists; empty = all. */
  lists: string[];
  /** The review flow by year or by quarter of posting. */
  period: Period;
}

/** Limits of the top-N control. */
export const TOP_MIN = 1;
export const TOP_MAX = 30;

/** The dashboard's default view, as the export chose it (see `DefaultView` in the manifest). */
export function defaultState(view: DefaultView): DashboardState {
  return {
    asOf: view.asOf,
    sinceYear: Number(view.since.slice(0, 4)),
    top: view.top,
    repositories: [],
    subprojects: [],
    paths: [],
    areas: [],
    kind: 'commits',
    mode: 'counts',
    organisation: null,
    page: 'overview',
    lists: [],
    period: 'years',
  };
}

/** True when `state` shows the report of the default view (kind and mode are drawn from it too). */
export function showsDefaultReport(state: DashboardState, defaults: DashboardState): boolean {
  return (
    state.asOf === defaults.asOf &&
    state.sinceYear === defaults.sinceYear &&
    state.top === defaults.top &&
    state.repositories.length === 0 &&
    state.subprojects.length === 0 &&
    state.paths.length === 0 &&
    state.areas.length === 0 &&
    state.lists.length === 0
  );
}

/** `xen/arch/arm/` → `xen/arch/arm`; blank entries dropped, duplicates once, in order. */
export function cleanPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of paths) {
    const path = raw
      .trim()
      .replace(/^\.?\/+/, '')
      .replace(/\/+$/, '');
    if (path && !out.includes(path)) out.push(path);
  }
  return out;
}

/** The state a named view shows (`?view=summit`). */
export function namedViewState(view: NamedView): DashboardState {
  return {
    asOf: view.asOf,
    sinceYear: Number(view.since.slice(0, 4)),
    top: view.top,
    repositories: [...view.repositories],
    subprojects: [...(view.subprojects ?? [])],
    paths: cleanPaths(view.paths),
    areas: [...(view.areas ?? [])],
    kind: view.kind,
    mode: view.mode,
    organisation: null,
    page: 'overview',
    lists: [],
    period: 'years',
  };
}

/** The named view whose report `state` can be drawn from (same period, N and filters), or null. */
export function matchingView(state: DashboardState, views: readonly NamedView[]): NamedView | null {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((item) => b.includes(item));
  return (
    views.find((view) => {
      const named = namedViewState(view);
      return (
        named.asOf === state.asOf &&
        named.sinceYear === state.sinceYear &&
        named.top === state.top &&
        same(named.repositories, state.repositories) &&
        same(named.subprojects, state.subprojects) &&
        same(named.areas, state.areas) &&
        same(named.lists, state.lists) &&
        same(named.paths, state.paths)
      );
    }) ?? null
  );
}

/**
 * Reads a state from a query string, falling back to `defaults` for every missing or malformed
 * value (a hand-edited address never breaks the page). `?view=NAME` opens the named view of
 * `views` (an organisation's page of it with `&org=`).
 */
export function parseState(
  search: string,
  defaults: DashboardState,
  views: readonly NamedView[] = [],
): DashboardState {
  const q = new URLSearchParams(search);
  const named = views.find((view) => view.name === q.get('view'));
  if (named) return { ...namedViewState(named), organisation: q.get('org') || null };
  const asOf = q.get('asOf');
  const since = Number(q.get('since'));
  const top = Number(q.get('top'));
  const kind = q.get('kind');
  const mode = q.get('mode');
  const organisation = q.get('org');
  const period = q.get('period');
  const page = q.get('page');
  return {
    asOf: asOf && isCalendarDay(asOf) ? asOf : defaults.asOf,
    sinceYear:
      q.has('since') && Number.isInteger(since) && since >= 1970 && since <= 9999
        ? since
        : defaults.sinceYear,
    top:
      q.has('top') && Number.isInteger(top) && top >= TOP_MIN && top <= TOP_MAX
        ? top
        : defaults.top,
    repositories: q.getAll('repo').filter((r) => r !== ''),
    subprojects: [...new Set(q.getAll('subproject').filter((r) => r !== ''))],
    paths: cleanPaths(q.getAll('path')),
    areas: [...new Set(q.getAll('area').filter((a) => a !== ''))],
    kind: kind === 'reviews' || kind === 'commits' ? kind : defaults.kind,
    mode: mode === 'shares' || mode === 'counts' ? mode : defaults.mode,
    organisation: organisation ? organisation : null,
    page: page === 'review' || page === 'areas' ? page : 'overview',
    lists: [...new Set(q.getAll('list').filter((l) => l !== ''))],
    period: period === 'quarters' || period === 'years' ? period : defaults.period,
  };
}

/** The query string (with `?`, or empty) of `state`: only what differs from `defaults`. */
export function stateToSearch(state: DashboardState, defaults: DashboardState): string {
  const q = new URLSearchParams();
  if (state.asOf !== defaults.asOf) q.set('asOf', state.asOf);
  if (state.sinceYear !== defaults.sinceYear) q.set('since', String(state.sinceYear));
  if (state.top !== defaults.top) q.set('top', String(state.top));
  for (const repo of state.repositories) q.append('repo', repo);
  for (const name of state.subprojects) q.append('subproject', name);
  for (const path of state.paths) q.append('path', path);
  for (const area of state.areas) q.append('area', area);
  if (state.kind !== defaults.kind) q.set('kind', state.kind);
  if (state.mode !== defaults.mode) q.set('mode', state.mode);
  if (state.organisation) q.set('org', state.organisation);
  if (state.page !== 'overview') q.set('page', state.page);
  for (const list of state.lists) q.append('list', list);
  if (state.period !== defaults.period) q.set('period', state.period);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** True when two states show the same view. */
export function sameState(a: DashboardState, b: DashboardState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
