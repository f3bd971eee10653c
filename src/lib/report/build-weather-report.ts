/**
 * The weather report: every metric run on one database with one set of parameters, assembled into
 * the {@link WeatherReport} that weather.json, the text, the Markdown, the CSVs and the figures are
 * made from. Pure apart from the database passed in.
 */
import type { Database } from '../db/database.ts';
import { systemClock, type Clock } from '../effects.ts';
import { activeContributorsByYear } from '../metrics/active-contributors-by-year.ts';
import { commitsByMonth } from '../metrics/commits-by-month.ts';
import { commitsByQuarter } from '../metrics/commits-by-quarter.ts';
import { commitsByYear } from '../metrics/commits-by-year.ts';
import { defaultMetricParams } from '../metrics/default-metric-params.ts';
import { elephantFactorByYear } from '../metrics/elephant-factor-by-year.ts';
import { firstContributions } from '../metrics/first-contributions.ts';
import { growth, summariseGrowth } from '../metrics/growth.ts';
import { last12Months, summariseLast12Months } from '../metrics/last-12-months.ts';
import type { Metric, MetricParams } from '../metrics/metric.ts';
import { newContributorsByYear } from '../metrics/new-contributors-by-year.ts';
import { newcomers } from '../metrics/newcomers.ts';
import { organisationsByYear } from '../metrics/organisations-by-year.ts';
import { reviewsAgainstCommits } from '../metrics/reviews-against-commits.ts';
import { reviewsByOrganisation } from '../metrics/reviews-by-organisation.ts';
import { risers } from '../metrics/risers.ts';
import { topOrganisations } from '../metrics/top-organisations.ts';
import { yearToDate } from '../metrics/year-to-date.ts';
import { checkReportScope } from './check-report-scope.ts';
import { reportSentences, type WeatherFigures } from './report-sentences.ts';
import type { WeatherReport } from './weather-report.ts';

/** The metrics of the weather report, in the order they run. */
const REPORT_METRICS: ReadonlyArray<Metric<unknown>> = [
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
];

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

const OMITTABLE: ReadonlyMap<Metric<unknown>, OmittableSeries> = new Map<
  Metric<unknown>,
  OmittableSeries
>([
  [commitsByQuarter, 'commitsByQuarter'],
  [commitsByMonth, 'commitsByMonth'],
  [firstContributions, 'firstContributions'],
]);

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

  // One connection runs the metrics one after the other; `parallel` asks for them all at once
  // (and each is awaited below in the same order either way).
  const started = new Map<Metric<unknown>, Promise<unknown[]>>();
  const omitted = (metric: Metric<unknown>) => {
    const series = OMITTABLE.get(metric);
    return series !== undefined && (options.omit ?? []).includes(series);
  };
  for (const metric of REPORT_METRICS) {
    if (omitted(metric)) started.set(metric, Promise.resolve([]));
    else if (options.parallel) {
      const rows = metric.run(db, resolved);
      rows.catch(() => {});
      started.set(metric, rows);
    }
  }
  const rowsOf = <T>(metric: Metric<T>): Promise<T[]> =>
    (started.get(metric as Metric<unknown>) as Promise<T[]> | undefined) ??
    metric.run(db, resolved);
  const byYear = await rowsOf(commitsByYear);
  const byQuarter = await rowsOf(commitsByQuarter);
  const byMonth = await rowsOf(commitsByMonth);
  const growthRows = await rowsOf(growth);
  const [ytd] = await rowsOf(yearToDate);
  const ranking = await rowsOf(topOrganisations);
  const recent = summariseLast12Months(await rowsOf(last12Months));
  const overTime = await rowsOf(organisationsByYear);
  const reviews = await rowsOf(reviewsByOrganisation);
  const reviewsCommits = await rowsOf(reviewsAgainstCommits);
  const firsts = await rowsOf(firstContributions);
  const rising = await rowsOf(risers);
  const fresh = await rowsOf(newcomers);
  const active = await rowsOf(activeContributorsByYear);
  const newPeople = await rowsOf(newContributorsByYear);
  const elephant = await rowsOf(elephantFactorByYear);
  if (!ytd) throw new Error('year-to-date returned no row');

  const unknown = ranking.find((row) => row.organisation === 'Unknown');
  const figures: WeatherFigures = {
    project: options.project,
    asOf: resolved.asOf,
    since: resolved.since,
    top: resolved.top,
    filters: { repositories: [...resolved.repositories], paths: [...resolved.paths] },
    commitsByYear: byYear,
    commitsByQuarter: byQuarter,
    commitsByMonth: byMonth,
    growth: summariseGrowth(growthRows),
    yearToDate: ytd,
    topOrganisations: ranking
      .filter((row) => row.organisation !== 'Unknown')
      .map(({ organisation, commits, share }) => ({ organisation, commits, share })),
    totalCommits: ranking.reduce((sum, row) => sum + row.commits, 0),
    unknown: { commits: unknown?.commits ?? 0, share: unknown?.share ?? 0 },
    last12Months: recent,
    organisationsByYear: overTime,
    reviewsByOrganisation: reviews,
    reviewsAgainstCommits: reviewsCommits,
    firstContributions: firsts,
    risers: rising,
    newcomers: fresh,
    activeContributorsByYear: active,
    newContributorsByYear: newPeople,
    elephantFactorByYear: elephant.map(({ year, elephantFactor }) => ({ year, elephantFactor })),
  };
  return { ...figures, sentences: reportSentences(figures).map((s) => s.text) };
}
