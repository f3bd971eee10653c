/**
 * What one view of the dashboard shows, computed in the browser by the same metric SQL the command
 * line runs: the weather report (overview) or one organisation's figures (organisation page).
 */
import type { Database } from '../../lib/db/database.ts';
import type { DataManifest } from '../../lib/db/wasm-manifest.ts';
import { commitsByYear } from '../../lib/metrics/commits-by-year/commits-by-year.ts';
import {
  defaultMetricParams,
  defaultsWithinData,
} from '../../lib/metrics/default-metric-params.ts';
import { growth } from '../../lib/metrics/growth/growth.ts';
import type { MetricParams } from '../../lib/metrics/metric.ts';
import type { PageContent, PageContext } from '../../lib/metrics/page-metric.ts';
import type { MetricUse } from '../../lib/metrics/report-metric.ts';
import { metrics, organisationMetrics } from '../../lib/metrics/registry.ts';
import { yearToDate } from '../../lib/metrics/year-to-date/year-to-date.ts';
import { buildWeatherReport } from '../../lib/report/build-weather-report.ts';
import { checkReportScope } from '../../lib/report/check-report-scope.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import { withSubprojects } from '../../lib/subprojects/subproject-members.ts';
import type { DashboardState } from '../state/dashboard-state.ts';
import { dashboardPanels, type Panel, type PanelOptions } from './dashboard-panels.ts';

/**
 * The metric parameters of a view; the growth span starts no earlier than the export's first year
 * with data (`dataFrom`), as the command line's does.
 */
export function metricParams(state: DashboardState, dataFrom: string | null = null): MetricParams {
  const given = {
    asOf: state.asOf,
    since: `${String(state.sinceYear).padStart(4, '0')}-01-01`,
    top: state.top,
    repositories: state.repositories,
    paths: state.paths,
    areas: state.areas,
    lists: state.lists,
    organisation: state.organisation,
  };
  return defaultsWithinData(
    defaultMetricParams(new Date(`${state.asOf}T00:00:00Z`), given),
    given,
    dataFrom,
  );
}

/**
 * Whether the browser runs (and draws) a metric: one the dashboard draws or cites, whose own
 * tables hold rows in this export (a project without GitHub has no pull request panels), but
 * those it declares may be empty.
 */
export function runsOnDashboard(manifest: DataManifest): (metric: MetricUse) => boolean {
  const rows = new Map(manifest.tables.map((table) => [table.name, table.rows]));
  return (metric) =>
    metric.dashboard &&
    metric.tables.every((table) => table.mayBeEmpty || (rows.get(table.name) ?? 0) > 0);
}

/** Whether a metric's panels and sentences are on `page` (and the browser runs it at all). */
export function showsOnPage(
  manifest: DataManifest,
  page: DashboardState['page'],
): (metric: MetricUse) => boolean {
  const runs = runsOnDashboard(manifest);
  return (metric) => runs(metric) && metric.dashboardPage === page;
}

/** True when the export holds mailing-list messages (the Review page has something to draw). */
export function hasMail(manifest: DataManifest): boolean {
  return (manifest.tables.find((table) => table.name === 'messages')?.rows ?? 0) > 0;
}

/**
 * The pages of the whole project this export has something for, in the tabs' order: the
 * overview; the Review page when it holds mailing-list messages; the Areas page when one of its
 * metrics has data (areas, code size).
 */
export function dashboardPages(manifest: DataManifest): DashboardState['page'][] {
  return [
    'overview',
    ...(hasMail(manifest) ? (['review'] as const) : []),
    ...(metrics.some(showsOnPage(manifest, 'areas')) ? (['areas'] as const) : []),
  ];
}

/**
 * The metrics a page's report runs: the overview's own; for the Review and Areas pages, theirs and
 * the overview's (the report's sentences and their figures read the overview's years; when the
 * reader comes from the overview, those are answered from the kept results).
 */
export function runsForPage(
  manifest: DataManifest,
  page: DashboardState['page'],
): (metric: MetricUse) => boolean {
  const runs = runsOnDashboard(manifest);
  return (metric) =>
    runs(metric) && (metric.dashboardPage === 'overview' || metric.dashboardPage === page);
}

/**
 * How the panels of an export are drawn: its brand colours, colour order, name, and the metrics
 * of `page` (default: the overview).
 */
export function panelOptions(
  manifest: DataManifest,
  page: DashboardState['page'] = 'overview',
): PanelOptions {
  return {
    colours: manifest.colours,
    colourOrder: manifest.colourOrder,
    source: manifest.project,
    shows: showsOnPage(manifest, page),
  };
}

/** The overview: the weather report and its panels. */
export interface Overview {
  report: WeatherReport;
  panels: Panel[];
}

/**
 * Runs the weather report for `state` and lays out the panels of its page (the overview's, the
 * Review page's or the Areas page's). Each page runs the metrics it draws (see `runsForPage`); the
 * Review page runs them all (its figures read the overview's years), most answered from the kept
 * results.
 */
export async function computeOverview(
  db: Database,
  manifest: DataManifest,
  state: DashboardState,
): Promise<Overview> {
  const params = metricParams(state, manifest.dataFrom);
  const report = await buildWeatherReport(
    db,
    {
      asOf: params.asOf,
      since: params.since,
      top: params.top,
      growthSince: params.growthSince,
      repositories: params.repositories,
      subprojects: state.subprojects,
      paths: params.paths,
      areas: params.areas ?? [],
      lists: params.lists ?? [],
    },
    // The engines answer side by side: every metric is asked for at once, but those the
    // dashboard neither draws nor cites, or has no data for.
    {
      project: manifest.project,
      parallel: true,
      runs: runsForPage(manifest, state.page),
    },
  );
  const panels = dashboardPanels(
    report,
    state,
    panelOptions(manifest, state.page),
    metrics,
  );
  return { report, panels };
}

/**
 * The first chart alone (commits per year, with the year-to-date label and the growth window),
 * from a few quick queries,
 * so it can be drawn before the rest of the report is done; null when the view counts reviews
 * (that chart then comes from the whole report). Throws as the report would for a bad view.
 */
export async function computeFirstPanel(
  db: Database,
  manifest: DataManifest,
  state: DashboardState,
): Promise<Panel | null> {
  const params = await withSubprojects(
    db,
    metricParams(state, manifest.dataFrom),
    state.subprojects,
  );
  if (state.kind !== 'commits') {
    await checkReportScope(db, params);
    return null;
  }
  // Asked for together (the engine answers in order); the check's verdict comes first.
  const checking = checkReportScope(db, params);
  const rows = Promise.all([
    commitsByYear.collect(db, params),
    yearToDate.collect(db, params),
    growth.collect(db, params),
  ]);
  rows.catch(() => {});
  await checking;
  const [byYear, ytd, growthFields] = await rows;
  const scope = {
    project: manifest.project,
    asOf: params.asOf,
    since: params.since,
    top: params.top,
    filters: {
      repositories: [...params.repositories],
      paths: [...params.paths],
      ...(state.subprojects.length > 0 ? { subprojects: [...state.subprojects] } : {}),
      areas: [...(params.areas ?? [])],
    },
  };
  // The first figure alone: it reads only these two metrics (and reviews, for the other view).
  const [panel] = dashboardPanels(
    { ...scope, ...byYear, ...ytd, ...growthFields, reviewsByOrganisation: [] },
    state,
    { ...panelOptions(manifest), shows: () => true },
    [commitsByYear],
  );
  return panel ?? null;
}

/** One organisation's figures: each page metric's rows, ready to lay out on its page. */
export interface OrganisationView {
  organisation: string;
  layouts: Array<(page: PageContext) => PageContent>;
}

/** Runs the registry's organisation metrics for `state.organisation`. */
export async function computeOrganisation(
  db: Database,
  state: DashboardState & { organisation: string },
): Promise<OrganisationView> {
  const params = metricParams(state);
  const layouts = await Promise.all(organisationMetrics.map((metric) => metric.load(db, params)));
  return { organisation: state.organisation, layouts };
}
