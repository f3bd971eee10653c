/**
 * Every metric, by name: the report runs them, the dashboard lists and runs them in the browser
 * (duckdb-wasm), and tests check each. Add a metric here when its `.sql` and `.ts` land.
 */
import { commitsByYear } from './commits-by-year.ts';
import type { Metric } from './metric.ts';
import { topOrganisations } from './top-organisations.ts';

/** All metrics, in the order a report or dashboard shows them. */
export const metrics = [commitsByYear, topOrganisations] as const;

/** The metric called `name`, or undefined. */
export function findMetric(name: string): Metric<unknown> | undefined {
  return (metrics as readonly Metric<unknown>[]).find((metric) => metric.name === name);
}
