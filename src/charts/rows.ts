/**
 * The row types charts take: plain arrays straight from the weather report (or a dashboard's
 * filtered query), so every chart also draws a narrowed view.
 */
import type { WeatherReport } from '../lib/report/weather-report.ts';

/** Commits of one calendar year; `partial` when the year is not over at the as-of date. */
export type YearCommits = WeatherReport['commitsByYear'][number];
/** An organisation's commits in one calendar year (`Unknown` included by name). */
export type OrganisationYear = WeatherReport['organisationsByYear'][number];
/** An organisation's commits and share of a period. */
export type { OrganisationShare, UnknownShare } from '../lib/report/weather-report.ts';
/** An organisation's reviews and commits over a period. */
export type ReviewsCommits = WeatherReport['reviewsAgainstCommits'][number];
/** An organisation whose first contribution is recent. */
export type Newcomer = WeatherReport['newcomers'][number];
/** An organisation whose last 12 months are at least twice its yearly average before. */
export type Riser = WeatherReport['risers'][number];
/** Distinct authors of one year. */
export type YearContributors = WeatherReport['activeContributorsByYear'][number];
/** The elephant factor of one year. */
export type YearElephantFactor = WeatherReport['elephantFactorByYear'][number];

/**
 * Organisations ranked by their total commits in `rows`, largest first, ties by name (A before Z);
 * `Unknown` is never ranked.
 */
export function rankOrganisations(
  rows: ReadonlyArray<{ organisation: string; commits: number }>,
): string[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (row.organisation === 'Unknown') continue;
    totals.set(row.organisation, (totals.get(row.organisation) ?? 0) + row.commits);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([name]) => name);
}
