/**
 * The tables the dashboard export must ship so the browser can run the weather report: those every
 * metric of the registry declares (the shared filtering's, and each metric's own), and those the
 * report's scope check reads. A table read whole by one metric and in part by another ships whole.
 */
import { metrics } from './registry.ts';
import { SHARED_TABLES, type ExportedTable, type Registry } from './report-metric.ts';

/** The tables the report's scope check reads besides the metrics' (known repository names). */
const SCOPE_TABLES: readonly ExportedTable[] = [
  { name: 'repositories' },
  { name: 'github_repositories' },
];

/** Every table to export for `registry`, each with the columns read (all when not listed). */
function exportedTables<Report extends object>(registry: Registry<Report>): ExportedTable[] {
  const tables = new Map<string, Set<string> | null>();
  const read = [...SHARED_TABLES, ...SCOPE_TABLES, ...registry.flatMap((metric) => metric.tables)];
  for (const table of read) {
    const known = tables.get(table.name);
    if (known === null) continue;
    tables.set(table.name, table.columns ? new Set([...(known ?? []), ...table.columns]) : null);
  }
  return [...tables].map(([name, columns]) =>
    columns ? { name, columns: [...columns] } : { name },
  );
}

/** The tables the dashboard export ships for the registry's metrics. */
export const EXPORTED_TABLES: readonly ExportedTable[] = exportedTables(metrics);
