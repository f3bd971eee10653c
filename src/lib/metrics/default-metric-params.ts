import type { MetricParams } from './metric.ts';

/** The default N of "the top N". */
export const DEFAULT_TOP = 6;

/** `YYYY-MM-DD` of a Date's UTC calendar day. */
function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * `params` with the defaults a caller left out (`given`) moved to the first year with data
 * (`firstDay`, `YYYY-MM-DD`) when that is later: `since` to 1 January of it (when before `asOf`)
 * and `growthSince` to it, so a young project's report has no empty years before its history and
 * no sentence about them.
 */
export function defaultsWithinData(
  params: MetricParams,
  given: Partial<MetricParams>,
  firstDay: string | null,
): MetricParams {
  if (!firstDay) return params;
  const year = Number(firstDay.slice(0, 4));
  const start = `${firstDay.slice(0, 4)}-01-01`;
  return {
    ...params,
    since:
      given.since === undefined && start > params.since && start < params.asOf
        ? start
        : params.since,
    growthSince:
      given.growthSince === undefined ? Math.max(params.growthSince, year) : params.growthSince,
  };
}

/**
 * Fills the parameters a caller left out:
 * - `asOf`: today (UTC) of `now`, so today itself does not count;
 * - `since`: 1 January of the year ten years before `asOf`'s year (as-of 2018-06-01 → 2008-01-01),
 *   so the per-year series starts on a whole year and "since 2008" reads naturally;
 * - `top`: 6;
 * - `growthSince`: three full years before the last full year (as-of 2018-06-01 → 2014, so growth
 *   runs 2014 → 2017);
 * - `repositories`, `paths`, `areas`, `lists`: empty (everything).
 */
export function defaultMetricParams(now: Date, given: Partial<MetricParams> = {}): MetricParams {
  const asOf = given.asOf ?? utcDay(now);
  const year = Number(asOf.slice(0, 4));
  return {
    asOf,
    since: given.since ?? `${String(year - 10).padStart(4, '0')}-01-01`,
    top: given.top ?? DEFAULT_TOP,
    growthSince: given.growthSince ?? year - 1 - 3,
    repositories: given.repositories ?? [],
    paths: given.paths ?? [],
    areas: given.areas ?? [],
    lists: given.lists ?? [],
    organisation: given.organisation ?? null,
  };
}
