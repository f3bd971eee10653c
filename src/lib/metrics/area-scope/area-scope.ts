/**
 * The per-area metrics (review bandwidth, reviews by area) share one placement of contributions in
 * areas (area-scope.sql: `area_contributions`), put in front of each one's own SQL here, after the
 * shared prefix that the metric's query composes, so no metric restates it.
 */
import areaScopeSql from './area-scope.sql?raw';

/** `metricSql` (a `SELECT …` or `WITH a AS (…) …`) with `area_contributions` before it. */
export function withAreaScope(metricSql: string): string {
  const scope = areaScopeSql.replace(/--[^\n]*/g, '').trim();
  const body = metricSql.replace(/--[^\n]*/g, '').trim();
  if (/^with\s/i.test(body)) return `${scope},\n${body.replace(/^with\s+/i, '')}`;
  return `${scope}\n${body}`;
}

/** The tables the per-area metrics read besides the shared filtering's. */
export const AREA_TABLES = [{ name: 'commit_areas' }] as const;
