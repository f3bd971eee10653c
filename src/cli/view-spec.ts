/**
 * `--view NAME=KEY:VALUE,…` of `barometer site` and `serve`: a dashboard view named ahead of time
 * (`summit=asOf:2018-06-01,since:2011`), whose report the export computes so that a link to it
 * opens at once.
 *
 * Keys: `asOf:YYYY-MM-DD` (required), `since:YYYY` (default: the dashboard's own default), `top:N`
 * (1–30, default 6), `path:PREFIX`, `repo:NAME`, `subproject:NAME` and `area:NAME` (each repeatable), `kind:commits|reviews`,
 * `mode:counts|shares`.
 */
import { VIEW_NAME, type NamedView } from '../lib/db/wasm-manifest.ts';
import { BarometerError } from '../lib/errors.ts';
import { DEFAULT_TOP } from '../lib/metrics/default-metric-params.ts';
import { isCalendarDay, longDay } from '../lib/report/calendar-day.ts';

/** A named view as given on the command line, before its report is computed. */
export interface ViewSpec {
  name: string;
  asOf: string;
  /** `YYYY-01-01`; null: the dashboard's default (see `dashboardDefaultView` in export-views.ts). */
  since: string | null;
  top: number;
  repositories: string[];
  subprojects: string[];
  paths: string[];
  areas: string[];
  kind: 'commits' | 'reviews';
  mode: 'counts' | 'shares';
}

function bad(spec: string, message: string, value: string): never {
  throw new BarometerError('bad-input', `--view ${spec}: ${message}`, { field: '--view', value });
}

/**
 * Parses one `--view` value. Throws `bad-input` naming the view and the part that is wrong (an
 * unknown key, a value of the wrong shape, a missing as-of date, `since` not before as-of).
 */
export function parseViewSpec(spec: string): ViewSpec {
  const eq = spec.indexOf('=');
  const name = eq > 0 ? spec.slice(0, eq) : '';
  if (!VIEW_NAME.test(name)) {
    bad(
      spec,
      'expected NAME=asOf:YYYY-MM-DD[,since:YYYY,…], NAME of letters, digits, - and _',
      spec,
    );
  }
  const view: Partial<ViewSpec> & {
    repositories: string[];
    subprojects: string[];
    paths: string[];
    areas: string[];
  } = {
    name,
    repositories: [],
    subprojects: [],
    paths: [],
    areas: [],
  };
  for (const part of spec.slice(eq + 1).split(',')) {
    const colon = part.indexOf(':');
    const key = colon > 0 ? part.slice(0, colon).trim() : part.trim();
    const value = colon > 0 ? part.slice(colon + 1).trim() : '';
    if (key === 'asOf') {
      if (!isCalendarDay(value))
        bad(spec, `asOf must be a calendar day YYYY-MM-DD, got '${value}'`, value);
      view.asOf = value;
    } else if (key === 'since') {
      const year = /^\d{4}(-01-01)?$/.test(value) ? value.slice(0, 4) : null;
      if (!year) bad(spec, `since must be a year such as 2011, got '${value}'`, value);
      view.since = `${year}-01-01`;
    } else if (key === 'top') {
      const top = Number(value);
      if (!/^\d+$/.test(value) || top < 1 || top > 30)
        bad(spec, `top must be a whole number from 1 to 30, got '${value}'`, value);
      view.top = top;
    } else if (key === 'path') {
      const prefix = value.replace(/^\.?\/+/, '').replace(/\/+$/, '');
      if (!prefix) bad(spec, 'path needs a prefix such as xen/arch/arm', value);
      view.paths.push(prefix);
    } else if (key === 'repo') {
      if (!value) bad(spec, 'repo needs a repository name', value);
      view.repositories.push(value);
    } else if (key === 'subproject') {
      if (!value) bad(spec, 'subproject needs a sub-project name', value);
      view.subprojects.push(value);
    } else if (key === 'area') {
      if (!value) bad(spec, 'area needs an area name', value);
      view.areas.push(value);
    } else if (key === 'kind') {
      if (value !== 'commits' && value !== 'reviews')
        bad(spec, `kind must be commits or reviews, got '${value}'`, value);
      view.kind = value;
    } else if (key === 'mode') {
      if (value !== 'counts' && value !== 'shares')
        bad(spec, `mode must be counts or shares, got '${value}'`, value);
      view.mode = value;
    } else {
      bad(
        spec,
        `unknown key '${key}' (asOf, since, top, path, repo, subproject, area, kind, mode)`,
        key,
      );
    }
  }
  if (!view.asOf) bad(spec, 'asOf:YYYY-MM-DD is required', spec);
  const since = view.since ?? null;
  if (since !== null && since >= view.asOf)
    bad(spec, `since (${since.slice(0, 4)}) must be before asOf (${view.asOf})`, since);
  return {
    name,
    asOf: view.asOf,
    since,
    top: view.top ?? DEFAULT_TOP,
    repositories: view.repositories,
    subprojects: view.subprojects,
    paths: view.paths,
    areas: view.areas,
    kind: view.kind ?? 'commits',
    mode: view.mode ?? 'counts',
  };
}

/** Every `--view` value parsed; two views of one name are refused. */
export function parseViews(specs: readonly string[] = []): ViewSpec[] {
  const views = specs.map(parseViewSpec);
  const names = new Set<string>();
  for (const view of views) {
    if (names.has(view.name)) {
      throw new BarometerError('bad-input', `--view ${view.name} given twice`, {
        field: '--view',
        value: view.name,
      });
    }
    names.add(view.name);
  }
  return views;
}

/** One line per named view: where it opens (`base` + `?view=NAME`) and what it shows. */
export function viewLines(views: readonly NamedView[], base: string): string[] {
  return views.map((view) => {
    const narrowed = [
      ...view.paths.map((path) => `path ${path}`),
      ...view.repositories.map((repo) => `repository ${repo}`),
      ...(view.subprojects ?? []).map((name) => `sub-project ${name}`),
      ...(view.areas ?? []).map((area) => `area ${area}`),
      ...(view.kind === 'reviews' ? ['reviews'] : []),
      ...(view.mode === 'shares' ? ['shares'] : []),
    ];
    return `view ${view.name}: ${base}?view=${view.name} (as of ${longDay(view.asOf)}, since ${view.since.slice(0, 4)}${narrowed.length > 0 ? `, ${narrowed.join(', ')}` : ''})`;
  });
}
