/** Warming a fresh duckdb-wasm engine up before the reader's first control change. */
import type { Database } from '../../lib/db/database.ts';
import type { DataManifest } from '../../lib/db/wasm-manifest.ts';
import {
  buildWeatherReport,
  type WeatherReportParams,
} from '../../lib/report/build-weather-report.ts';
import { showsOnPage } from './view-data.ts';

/**
 * Runs the weather report on an engine a few times, one query at a time, and forgets the results:
 * WebAssembly starts in the browser's baseline code and a fresh engine answers about twice as
 * slowly until its hot paths are recompiled, so each engine warms up before the reader's first
 * control change rather than during it. The views: the default one, the same a year earlier, and
 * the default narrowed to the top folder with the most changed files (so narrowing is warm too), and
 * to the area covering the most paths short of all (so an area change is warm too).
 * Only the overview's metrics run (the page every reader opens first; the other pages' warm up
 * when first drawn). A query asked for meanwhile waits for one warm-up query at most.
 */
export async function warmUp(engine: Database, manifest: DataManifest): Promise<void> {
  const view = manifest.defaultView;
  if (!view) return;
  const year = Number(view.asOf.slice(0, 4)) - 1;
  const yearEarlier = `${String(year).padStart(4, '0')}${view.asOf.slice(4)}`;
  const [folder] = await engine
    .query<{ folder: string }>(
      `SELECT split_part(path, '/', 1) AS folder FROM commit_files
       GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    )
    .catch(() => []);
  const [area] = await engine
    .query<{ area: string }>(
      `SELECT area FROM path_areas GROUP BY area
       ORDER BY count(*) < (SELECT count(DISTINCT path) FROM path_areas) DESC, count(*) DESC, area
       LIMIT 1`,
    )
    .catch(() => []);
  const views: WeatherReportParams[] = [
    view,
    ...(yearEarlier > view.since ? [{ ...view, asOf: yearEarlier }] : []),
    ...(folder?.folder ? [{ ...view, paths: [folder.folder] }] : []),
    ...(area?.area ? [{ ...view, areas: [area.area] }] : []),
  ];
  const runs = showsOnPage(manifest, 'overview');
  for (const params of views) {
    await buildWeatherReport(engine, params, { project: manifest.project, runs }).catch(() => {});
  }
}

