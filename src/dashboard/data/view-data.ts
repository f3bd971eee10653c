/**
 * What one view of the dashboard shows, computed in the browser by the same metric SQL the command
 * line runs: the weather report (overview) or one organisation's figures (organisation page).
 */
import type { Database } from '../../lib/db/database.ts';
import type { DataManifest } from '../../lib/db/wasm-manifest.ts';
import { defaultMetricParams } from '../../lib/metrics/default-metric-params.ts';
import type { MetricParams } from '../../lib/metrics/metric.ts';
import { organisationActivityByYear } from '../../lib/metrics/organisation-activity-by-year.ts';
import { organisationPeople } from '../../lib/metrics/organisation-people.ts';
import { organisationRepositories } from '../../lib/metrics/organisation-repositories.ts';
import { buildWeatherReport } from '../../lib/report/build-weather-report.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { DashboardState } from '../state/dashboard-state.ts';
import { dashboardPanels, type Panel } from './dashboard-panels.ts';

/** The metric parameters of a view. */
export function metricParams(state: DashboardState): MetricParams {
  return defaultMetricParams(new Date(`${state.asOf}T00:00:00Z`), {
    asOf: state.asOf,
    since: `${String(state.sinceYear).padStart(4, '0')}-01-01`,
    top: state.top,
    repositories: state.repositories,
    paths: state.paths,
    organisation: state.organisation,
  });
}

/** The overview: the weather report and its panels. */
export interface Overview {
  report: WeatherReport;
  panels: Panel[];
}

/** Runs the weather report for `state` and lays out its panels. */
export async function computeOverview(
  db: Database,
  manifest: DataManifest,
  state: DashboardState,
): Promise<Overview> {
  const params = metricParams(state);
  const report = await buildWeatherReport(
    db,
    {
      asOf: params.asOf,
      since: params.since,
      top: params.top,
      growthSince: params.growthSince,
      repositories: params.repositories,
      paths: params.paths,
    },
    { project: manifest.project },
  );
  const panels = dashboardPanels(report, state, {
    colours: manifest.colours,
    source: manifest.project,
  });
  return { report, panels };
}

/** One organisation's figures. */
export interface OrganisationView {
  organisation: string;
  activity: Awaited<ReturnType<typeof organisationActivityByYear.run>>;
  people: Awaited<ReturnType<typeof organisationPeople.run>>;
  repositories: Awaited<ReturnType<typeof organisationRepositories.run>>;
}

/** Runs the organisation metrics for `state.organisation`. */
export async function computeOrganisation(
  db: Database,
  state: DashboardState & { organisation: string },
): Promise<OrganisationView> {
  const params = metricParams(state);
  const activity = await organisationActivityByYear.run(db, params);
  const people = await organisationPeople.run(db, params);
  const repositories = await organisationRepositories.run(db, params);
  return { organisation: state.organisation, activity, people, repositories };
}
