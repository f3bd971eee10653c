/**
 * The views an export ships with their reports: the dashboard's default view (as of where the data
 * ends, since ten years back or the first year with data) and the views named with `--view`, each
 * computed once by the same metric SQL so that a link to it opens before the engine has started.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeDatabase } from '../lib/db/node.ts';
import type { DefaultView, NamedView } from '../lib/db/wasm-manifest.ts';
import { BarometerError, isBarometerError } from '../lib/errors.ts';
import { DEFAULT_TOP } from '../lib/metrics/default-metric-params.ts';
import { buildWeatherReport } from '../lib/report/build-weather-report.ts';
import type { ViewSpec } from './view-spec.ts';

/**
 * The dashboard's default `since` for an as-of date: 1 January ten years before, or of the first
 * year with data (`dataFrom`) when that is later, so a young project's first view has no empty
 * years before its history.
 */
export function defaultSince(asOf: string, dataFrom: string | null): string {
  const tenYears = `${String(Number(asOf.slice(0, 4)) - 10).padStart(4, '0')}-01-01`;
  const first = dataFrom ? `${dataFrom.slice(0, 4)}-01-01` : tenYears;
  return first > tenYears && first < asOf ? first : tenYears;
}

/**
 * The dashboard's default view: as of the earlier of the export's day and the day after the last
 * contribution (so the figures end where the data ends), since the default (see
 * {@link defaultSince}), top 6. Null without contributions.
 */
export function dashboardDefaultView(
  exportDay: string,
  dataUntil: string | null,
  dataFrom: string | null = null,
): DefaultView | null {
  if (!dataUntil) return null;
  const asOf = dataUntil < exportDay ? dataUntil : exportDay;
  return { asOf, since: defaultSince(asOf, dataFrom), top: DEFAULT_TOP };
}

/** Computes each named view's report into `dir/views/`; a view that cannot be drawn fails. */
export async function writeViews(
  db: NodeDatabase,
  dir: string,
  views: readonly ViewSpec[],
  project: string,
  dataFrom: string | null,
): Promise<NamedView[]> {
  const named: NamedView[] = [];
  if (views.length > 0) mkdirSync(join(dir, 'views'), { recursive: true });
  for (const spec of views) {
    const since = spec.since ?? defaultSince(spec.asOf, dataFrom);
    const view = { ...spec, since, report: `views/${spec.name}.json` };
    try {
      const report = await buildWeatherReport(db, view, { project });
      writeFileSync(join(dir, view.report), JSON.stringify(report));
    } catch (error) {
      if (!isBarometerError(error)) throw error;
      throw new BarometerError(
        error.code,
        `--view ${spec.name}: ${error.message}`,
        { ...error.data, field: '--view', value: spec.name },
        { cause: error },
      );
    }
    named.push(view);
  }
  return named;
}
