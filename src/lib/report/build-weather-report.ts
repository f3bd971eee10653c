/**
 * The weather report: every metric run on one database with one set of parameters, assembled into
 * the {@link WeatherReport} that weather.json, the text, the Markdown, the CSVs and the figures are
 * made from. Pure apart from the database passed in.
 */
import type { Database } from '../db/database.ts';
import { systemClock, type Clock } from '../effects.ts';
import { activeContributorsByYear } from '../metrics/active-contributors-by-year/active-contributors-by-year.ts';
import { commitsByMonth } from '../metrics/commits-by-month/commits-by-month.ts';
import { commitsByQuarter } from '../metrics/commits-by-quarter/commits-by-quarter.ts';
import { commitsByYear } from '../metrics/commits-by-year/commits-by-year.ts';
import { defaultMetricParams } from '../metrics/default-metric-params.ts';
import { elephantFactorByYear } from '../metrics/elephant-factor-by-year/elephant-factor-by-year.ts';
import { firstContributions } from '../metrics/first-contributions/first-contributions.ts';
import { growth, summariseGrowth } from '../metrics/growth/growth.ts';
import { last12Months, summariseLast12Months } from '../metrics/last-12-months/last-12-months.ts';
import type { Metric, MetricParams } from '../metrics/metric.ts';
import { newContributorsByYear } from '../metrics/new-contributors-by-year/new-contributors-by-year.ts';
import { newcomers } from '../metrics/newcomers/newcomers.ts';
import { organisationsByYear } from '../metrics/organisations-by-year/organisations-by-year.ts';
import { reviewsAgainstCommits } from '../metrics/reviews-against-commits/reviews-against-commits.ts';
import { reviewsByOrganisation } from '../metrics/reviews-by-organisation/reviews-by-organisation.ts';
import { risers } from '../metrics/risers/risers.ts';
import { topOrganisations } from '../metrics/top-organisations/top-organisations.ts';
import { yearToDate } from '../metrics/year-to-date/year-to-date.ts';
import { checkReportScope } from './check-report-scope.ts';
import { reportSentences, type WeatherFigures } from './report-sentences.ts';
import type { WeatherReport } from './weather-report.ts';

/** The metrics of the weather report, by the name of the series each gives, in the order they run. */
const REPORT_METRICS = {
  commitsByYear,
  commitsByQuarter,
  commitsByMonth,
  growth,
  yearToDate,
  topOrganisations,
  last12Months,
  organisationsByYear,
  reviewsByOrganisation,
  reviewsAgainstCommits,
  firstContributions,
  risers,
  newcomers,
  activeContributorsByYear,
  newContributorsByYear,
  elephantFactorByYear,
};

type ReportMetrics = typeof REPORT_METRICS;
/** Each report metric's rows, by series name. */
type ReportRows = {
  [K in keyof ReportMetrics]: ReportMetrics[K] extends Metric<infer T> ? T[] : never;
};

/**
 * What a report covers; everything is optional (see `defaultMetricParams`): as-of today (UTC, from
 * the clock), since 1 January ten years before, top 6, growth since three full years before the
 * last full year, all repositories and paths.
 */
export type WeatherReportParams = Partial<Omit<MetricParams, 'organisation'>>;

/** Who the report is about and what "today" is. */
export interface WeatherReportOptions {
  /** The project's name, as written in the report. */
  project: string;
  /** "Now", for the default as-of date. Default: the system clock. */
  clock?: Clock;
  /**
   * Ask for every metric at once instead of one after the other, for a database that answers
   * several queries side by side (the dashboard's engines). Default false: one connection runs
   * one statement at a time. The report is the same either way.
   */
  parallel?: boolean;
  /**
   * Series to leave out, given as empty lists, for a caller that shows none of them (the dashboard
   * draws no quarters, months or first contributions, and no sentence cites them). Default: none.
   */
  omit?: ReadonlyArray<OmittableSeries>;
}

/** The series of the report that no sentence reads, which a caller may leave out. */
export type OmittableSeries = 'commitsByQuarter' | 'commitsByMonth' | 'firstContributions';

/**
 * Runs every report metric (an omitted one gives no rows): one after the other, or, with
 * `parallel`, all at once.
 */
async function runReportMetrics(
  db: Database,
  params: MetricParams,
  options: WeatherReportOptions,
): Promise<ReportRows> {
  const omit = new Set<string>(options.omit ?? []);
  const names = Object.keys(REPORT_METRICS) as Array<keyof ReportMetrics>;
  const run = (name: keyof ReportMetrics): Promise<unknown[]> =>
    omit.has(name)
      ? Promise.resolve([])
      : (REPORT_METRICS[name] as Metric<unknown>).run(db, params);
  const rows: unknown[][] = [];
  if (options.parallel) rows.push(...(await Promise.all(names.map(run))));
  else for (const name of names) rows.push(await run(name));
  return Object.fromEntries(names.map((name, i) => [name, rows[i]])) as ReportRows;
}

/**
 * Runs every metric of the weather report and assembles it. Throws `bad-input`/`not-found` (see
 * `checkReportScope`) before computing anything when the parameters do not fit the database.
 */
export async function buildWeatherReport(
  db: Database,
  params: WeatherReportParams,
  options: WeatherReportOptions,
): Promise<WeatherReport> {
  const resolved = defaultMetricParams((options.clock ?? systemClock)(), {
    ...params,
    repositories: [...(params.repositories ?? [])],
    paths: [...(params.paths ?? [])],
  });
  await checkReportScope(db, resolved);

  const rows = await runReportMetrics(db, resolved, options);
  const [ytd] = rows.yearToDate;
  const ranking = rows.topOrganisations;
  if (!ytd) throw new Error('year-to-date returned no row');

  const unknown = ranking.find((row) => row.organisation === 'Unknown');
  const figures: WeatherFigures = {
    project: options.project,
    asOf: resolved.asOf,
    since: resolved.since,
    top: resolved.top,
    filters: { repositories: [...resolved.repositories], paths: [...resolved.paths] },
    commitsByYear: rows.commitsByYear,
    commitsByQuarter: rows.commitsByQuarter,
    commitsByMonth: rows.commitsByMonth,
    growth: summariseGrowth(rows.growth),
    yearToDate: ytd,
    topOrganisations: ranking
      .filter((row) => row.organisation !== 'Unknown')
      .map(({ organisation, commits, share }) => ({ organisation, commits, share })),
    totalCommits: ranking.reduce((sum, row) => sum + row.commits, 0),
    unknown: { commits: unknown?.commits ?? 0, share: unknown?.share ?? 0 },
    last12Months: summariseLast12Months(rows.last12Months),
    organisationsByYear: rows.organisationsByYear,
    reviewsByOrganisation: rows.reviewsByOrganisation,
    reviewsAgainstCommits: rows.reviewsAgainstCommits,
    firstContributions: rows.firstContributions,
    risers: rows.risers,
    newcomers: rows.newcomers,
    activeContributorsByYear: rows.activeContributorsByYear,
    newContributorsByYear: rows.newContributorsByYear,
    elephantFactorByYear: rows.elephantFactorByYear.map(({ year, elephantFactor }) => ({
      year,
      elephantFactor,
    })),
  };
  return { ...figures, sentences: reportSentences(figures).map((s) => s.text) };
}
