/**
 * The weather report: every metric run on one database with one set of parameters, assembled into
 * the {@link WeatherReport} that weather.json, the text, the Markdown, the CSVs and the figures are
 * made from. Pure apart from the database passed in.
 */
import type { Database } from '../db/database.ts';
import { systemClock, type Clock } from '../effects.ts';
import { defaultMetricParams, defaultsWithinData } from '../metrics/default-metric-params.ts';
import type { MetricParams } from '../metrics/metric.ts';
import { metrics } from '../metrics/registry.ts';
import type { MetricUse, Registry, ReportScope } from '../metrics/report-metric.ts';
import { checkReportScope, firstContributionDay } from './check-report-scope.ts';
import { withSubprojects } from '../subprojects/subproject-members.ts';
import { reportSentences } from './report-sentences.ts';
import type { WeatherFigures, WeatherReport } from './weather-report.ts';

/**
 * What a report covers; everything is optional (see `defaultMetricParams`): as-of today (UTC, from
 * the clock), since 1 January ten years before (or of the first year with data, when later), top
 * 6, growth since three full years before the last full year (or the first year with data), all
 * repositories, paths and areas.
 */
export type WeatherReportParams = Partial<Omit<MetricParams, 'organisation'>> & {
  /**
   * Narrow to these sub-projects (their repositories and lists, added to those named); an unknown
   * name fails with `not-found`. Default: none.
   */
  subprojects?: readonly string[];
};

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
   * Which metrics to run; the others give their empty fields (the dashboard runs those it draws
   * or cites whose tables hold rows). Default: every metric.
   */
  runs?: (metric: MetricUse) => boolean;
}

/**
 * Runs every metric of `registry` (those left out give their empty fields): one after the other,
 * or, with `parallel`, all at once; returns each one's fields in the registry's order.
 */
async function collectFields<Report extends object>(
  db: Database,
  params: MetricParams,
  options: WeatherReportOptions,
  registry: Registry<Report>,
): Promise<object[]> {
  const run = (metric: Registry<Report>[number]): Promise<object> =>
    options.runs && !options.runs(metric)
      ? Promise.resolve(metric.skipped())
      : metric.collect(db, params);
  if (options.parallel) return Promise.all(registry.map(run));
  const fields: object[] = [];
  for (const metric of registry) fields.push(await run(metric));
  return fields;
}

/**
 * Runs every metric of the weather report and assembles it. Throws `bad-input`/`not-found` (see
 * `checkReportScope`) before computing anything when the parameters do not fit the database.
 */
export async function buildWeatherReport<Figures extends WeatherFigures = WeatherFigures>(
  db: Database,
  params: WeatherReportParams,
  options: WeatherReportOptions & { registry?: Registry<Figures> },
): Promise<WeatherReport<Figures>> {
  const subprojects = [...(params.subprojects ?? [])];
  const given = {
    ...params,
    repositories: [...(params.repositories ?? [])],
    paths: [...(params.paths ?? [])],
    areas: [...(params.areas ?? [])],
  };
  // A sub-project stands for its repositories and lists, resolved once.
  const narrowed = await withSubprojects(
    db,
    defaultMetricParams((options.clock ?? systemClock)(), given),
    subprojects,
  );
  // Defaults start no earlier than the data's first day within those repositories.
  const firstDay =
    params.since === undefined || params.growthSince === undefined
      ? await firstContributionDay(db, narrowed.repositories)
      : null;
  const resolved = defaultsWithinData(narrowed, given, firstDay);
  await checkReportScope(db, resolved);

  const registry: Registry<Figures> = options.registry ?? metrics;
  const scope: ReportScope = {
    project: options.project,
    asOf: resolved.asOf,
    since: resolved.since,
    top: resolved.top,
    filters: {
      repositories: [...resolved.repositories],
      paths: [...resolved.paths],
      areas: [...(resolved.areas ?? [])],
      ...(subprojects.length > 0 ? { subprojects } : {}),
    },
  };
  // Each metric gives its own fields; together, in the registry's order, they are the report.
  const figures = assemble<Figures>(scope, await collectFields(db, resolved, options, registry));
  return {
    ...figures,
    sentences: reportSentences(figures, undefined, registry).map((s) => s.text),
  };
}

/**
 * A report of nothing for `scope`: every metric's fields as when it is not run (empty lists,
 * zeros). What a report made by hand starts from, so it holds every metric's fields.
 */
export function emptyFigures<Figures extends WeatherFigures = WeatherFigures>(
  scope: ReportScope,
  registry: Registry<Figures> = metrics,
): Figures {
  return assemble<Figures>(
    scope,
    registry.map((metric) => metric.skipped()),
  );
}

/** The scope and each metric's fields, in the registry's order: the report they make together. */
function assemble<Figures>(scope: ReportScope, fields: readonly object[]): Figures {
  return fields.reduce<object>((all, own) => ({ ...all, ...own }), { ...scope }) as Figures;
}
