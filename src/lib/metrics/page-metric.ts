/**
 * A metric of one organisation's page (the dashboard's `?org=` view): its query, run for
 * `params.organisation`, and what it puts on the page: charts, a table, sentences, each with the
 * CSV of its rows. The page walks the registry's `organisationMetrics` as the overview walks
 * `metrics`.
 */
import type { Database } from '../db/database.ts';
import type { ChartSpec } from '../figures/chart-spec.ts';
import type { CsvTable } from '../report/csv-table.ts';
import { defineQuery, type Metric, type MetricParams } from './metric.ts';

/** What a page knows besides a metric's rows: whose page, and the report's period. */
export interface PageContext {
  organisation: string;
  project: string;
  since: string;
  asOf: string;
  /** The year not over at the as-of date, if the period holds one. */
  partialYear: number | null;
}

/** A chart of the page. */
export interface PageChart {
  /** Panel and download name. */
  name: string;
  title: string;
  subtitle: string;
  chart: ChartSpec;
}

/** A table of the page: its header and rows (text and numbers only; the CSV has every row). */
export interface PageTable {
  name: string;
  title: string;
  header: string[];
  rows: Array<Array<string | number>>;
}

/** What one metric puts on the page. */
export interface PageContent {
  /** The metric's description, shown under each of its charts and tables. */
  description: string;
  charts: PageChart[];
  tables: PageTable[];
  /** Sentences shown beside its first chart. */
  sentences: string[];
  csv: CsvTable;
}

/** A page metric as the page walks it: run, then laid out for a page. */
export interface RegisteredPageMetric {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly sql: string;
  readonly run: (db: Database, params: MetricParams) => Promise<unknown[]>;
  /** Runs the query and returns how to lay its rows out on a page. */
  readonly load: (
    db: Database,
    params: MetricParams,
  ) => Promise<(page: PageContext) => PageContent>;
}

/** A page metric: its query (rows typed `Row`) and its page. */
export type PageMetric<Row> = Metric<Row> & RegisteredPageMetric;

/** Makes a page metric from its module's declarations. */
export function definePageMetric<Row>(definition: {
  name: string;
  title: string;
  description: string;
  sql: string;
  csv: (rows: Row[]) => CsvTable;
  charts?: (rows: Row[], page: PageContext) => PageChart[];
  table?: (rows: Row[], page: PageContext) => PageTable;
  sentences?: (rows: Row[], page: PageContext) => string[];
}): PageMetric<Row> {
  const query = defineQuery<Row>(definition);
  return {
    ...query,
    load: async (db, params) => {
      const rows = await query.run(db, params);
      return (page) => ({
        description: definition.description,
        charts: definition.charts?.(rows, page) ?? [],
        tables: definition.table ? [definition.table(rows, page)] : [],
        sentences: definition.sentences?.(rows, page) ?? [],
        csv: definition.csv(rows),
      });
    },
  };
}
