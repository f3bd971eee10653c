/**
 * What one view of the dashboard shows, computed in the browser by the same metric SQL the command
 * line runs: the weather report (overview) or one organisation's figures (organisation page).
 */
import type { Database } from '../../lib/db/database.ts';
import type { DataManifest } from '../../lib/db/wasm-manifest.ts';
import { defaultMetricParams } from '../../lib/metrics/default-metric-params.ts';
import type { MetricParams } from '../../lib/metrics/metric.ts';
import { organisationActivityByYear } from '../../lib/metrics/organisation-activity-by-year/organisation-activity-by-year.ts';
import { organisationPeople } from '../../lib/metrics/organisation-people/organisation-people.ts';
import { organisationRepositories } from '../../lib/metrics/organisation-repositories/organisation-repositories.ts';
import { commitsByYear } from '../../lib/metrics/commits-by-year/commits-by-year.ts';
import { yearToDate } from '../../lib/metrics/year-to-date/year-to-date.ts';
import { reportFigures } from '../../charts/index.ts';
import { buildWeatherReport } from '../../lib/report/build-weather-report.ts';
import { checkReportScope } from '../../lib/report/check-report-scope.ts';
import { csvTable } from '../../lib/report/render-csv.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { DashboardState } from '../state/dashboard-state.ts';
import { dashboardPanels, DOWNLOAD_SIZE, type Panel } from './dashboard-panels.ts';

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
    // The engines answer side by side: every metric is asked for at once, but those of series
    // the dashboard does not draw.
    {
      project: manifest.project,
      parallel: true,
      omit: ['commitsByQuarter', 'commitsByMonth', 'firstContributions'],
    },
  );
  const panels = dashboardPanels(report, state, {
    colours: manifest.colours,
    source: manifest.project,
  });
  return { report, panels };
}

/**
 * The first chart alone (commits per year, with the year-to-date label), from three quick queries,
 * so it can be drawn before the rest of the report is done; null when the view counts reviews
 * (that chart then comes from the whole report). Throws as the report would for a bad view.
 */
export async function computeFirstPanel(
  db: Database,
  manifest: DataManifest,
  state: DashboardState,
): Promise<Panel | null> {
  const params = metricParams(state);
  if (state.kind !== 'commits') {
    await checkReportScope(db, params);
    return null;
  }
  // Asked for together (the engine answers in order); the check's verdict comes first.
  const checking = checkReportScope(db, params);
  const rows = Promise.all([commitsByYear.run(db, params), yearToDate.run(db, params)]);
  rows.catch(() => {});
  await checking;
  const [byYear, [ytd]] = await rows;
  if (!ytd) return null;
  const none = { commits: 0, share: 0 };
  const provisional: WeatherReport = {
    project: manifest.project,
    asOf: params.asOf,
    since: params.since,
    top: params.top,
    filters: { repositories: [...params.repositories], paths: [...params.paths] },
    commitsByYear: byYear,
    commitsByQuarter: [],
    commitsByMonth: [],
    growth: null,
    yearToDate: ytd,
    topOrganisations: [],
    totalCommits: byYear.reduce((sum, r) => sum + r.commits, 0),
    unknown: none,
    last12Months: {
      from: params.asOf,
      to: params.asOf,
      commits: 0,
      topShare: 0,
      sameTopAsSince: true,
      organisations: [],
      unknown: none,
    },
    organisationsByYear: [],
    reviewsByOrganisation: [],
    reviewsAgainstCommits: [],
    firstContributions: [],
    risers: [],
    newcomers: [],
    activeContributorsByYear: [],
    newContributorsByYear: [],
    elephantFactorByYear: [],
    sentences: [],
  };
  const spec = reportFigures(provisional, {
    ...DOWNLOAD_SIZE,
    colours: manifest.colours,
    source: manifest.project,
  }).find((figure) => figure.name === 'commits-by-year');
  if (!spec) return null;
  return {
    name: spec.name,
    title: spec.title,
    sentences: [],
    description: commitsByYear.description,
    component: spec.component,
    props: spec.props,
    csv: csvTable(
      ['year', 'commits', 'partial'],
      byYear.map((r) => [r.year, r.commits, r.partial]),
    ),
  };
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
  const [activity, people, repositories] = await Promise.all([
    organisationActivityByYear.run(db, params),
    organisationPeople.run(db, params),
    organisationRepositories.run(db, params),
  ]);
  return { organisation: state.organisation, activity, people, repositories };
}
