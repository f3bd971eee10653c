/**
 * What a metric declares beyond its query, so that every shell can walk the registry instead of
 * naming metrics: the fields it gives the weather report (weather.json), its CSV, the figure that
 * draws it (also the dashboard's panel), the sentences it supports, the organisations it names (for
 * colours) and the tables the dashboard export must ship for it.
 */
import type { Database } from '../db/database.ts';
import type { ChartSpec } from '../figures/chart-spec.ts';
import type { CsvTable } from '../report/csv-table.ts';
import { defineQuery, type Metric, type MetricParams } from './metric.ts';

/** What every report states besides its metrics' fields: who, when, N and the narrowing. */
export interface ReportScope {
  project: string;
  /** Exclusive end of every period. */
  asOf: string;
  /** Inclusive start of the "since" ranking and of the per-year series. */
  since: string;
  /** N of "the top N". */
  top: number;
  /**
   * Narrowing applied to every figure; empty lists mean everything. `repositories` holds those
   * named and those of the named `subprojects` (present only when the report names some).
   */
  filters: { repositories: string[]; paths: string[]; areas: string[]; subprojects?: string[] };
}

/** One sentence and the figures it supports (drawn after it in weather.md, beside it on screen). */
export interface ReportSentence {
  text: string;
  /** Figure names. */
  figures: string[];
  /**
   * What it counts (`commits`, `reviews`): it is never shown beside a figure that counts the
   * other (the reviews view's figures). Default: no constraint.
   */
  counts?: string;
  /**
   * The organisations it names: it is shown only beside a figure that labels every one of them
   * (not hidden in "Other"). Default: none.
   */
  names?: readonly string[];
}

/** How a sentence writes an organisation's name (plain text, or escaped for Markdown). */
export type NameFormat = (organisation: string) => string;

/** What the viewer asked to see: commits or reviews, and stacks in counts or shares. */
export interface FigureView {
  kind: 'commits' | 'reviews';
  mode: 'counts' | 'shares';
  /** Periods of the figures that can draw quarters (the review flow). Default: `years`. */
  period?: 'years' | 'quarters';
}

/** What a figure binding gives: the heading, subtitle and chart for one view. */
export interface DrawnFigure {
  title: string;
  subtitle: string;
  chart: ChartSpec;
  /** When the view changes what is drawn (reviews instead of commits): what it counts now. */
  description?: string;
  /** When the view changes what is drawn: the CSV of the rows drawn now. */
  csv?: CsvTable;
}

/** The figure that draws a metric: its name and how it binds the report's rows to a chart. */
export interface FigureBinding<Report> {
  /** File and panel name. Default: the metric's name. */
  name: string;
  /** Its alt text in weather.md. Default: the metric's title. */
  title?: string;
  /** Draws the figure for `report` as `view` asks (the command line always asks for commits). */
  draw: (report: Report, view: FigureView) => DrawnFigure;
}

/**
 * A metric as the registry walks it, its rows already turned into its report fields. `Report` is
 * the part of the weather report its hooks read (its own fields and what it needs of others').
 */
export interface RegisteredMetric<Fields extends object, Report extends object> {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Its composed SQL (see {@link Metric}). */
  readonly sql: string;
  /** Runs its query: its rows, in the SQL's order. */
  readonly run: (db: Database, params: MetricParams) => Promise<unknown[]>;
  /**
   * Tables it reads besides the shared filtering's, which the dashboard export must ship (each
   * with the columns read, or all); the dashboard leaves the metric out when one holds no rows.
   */
  readonly tables: readonly ExportedTable[];
  /** False when the dashboard neither draws it nor cites it, so the browser need not run it. */
  readonly dashboard: boolean;
  /** The dashboard page that draws its figures: the overview, the Review page or the Areas page. */
  readonly dashboardPage: DashboardPage;
  /** Runs the query and turns its rows into the metric's fields of the report. */
  readonly collect: (db: Database, params: MetricParams) => Promise<Fields>;
  /** Its fields when it is not run (see `dashboard`). */
  readonly skipped: () => Fields;
  /** The CSV file of its fields, named after its figure (or itself when it draws none). */
  readonly csvFile: string;
  /** Its CSV: the columns it declares over its fields' rows. */
  readonly csv: (report: Report) => CsvTable;
  /** The figure that draws it (its dashboard panel too), or null when it draws none. */
  readonly figure: FigureBinding<Report> | null;
  /** Every figure it draws, in order: `figure` first, then any others (see `figures`). */
  readonly figures: ReadonlyArray<FigureBinding<Report>>;
  /** The report sentences it states, in reading order, each naming the figures it supports. */
  readonly sentences: (report: Report, name: NameFormat) => ReportSentence[];
  /** Organisations it names, most important first: they get the palette's colours in this order. */
  readonly organisations: (report: Report) => readonly string[];
}

/** A table the dashboard export ships, with the columns read (all when not listed). */
export interface ExportedTable {
  name: string;
  columns?: readonly string[];
  /** True when the metric still draws something while it holds no rows. Default: false. */
  mayBeEmpty?: boolean;
}

/** A metric: its query (rows typed `Row`) and its declarations, reading `Needs` of the report. */
export type ReportMetric<Row, Fields extends object, Needs extends object = object> = Metric<Row> &
  Omit<RegisteredMetric<Fields, Needs & Fields>, keyof Metric<Row>>;

/**
 * The pages of the whole project on the dashboard: the overview, the review on the mailing lists,
 * and the areas and review structure (who reviews whom, review bandwidth, code size and lines by
 * area: their queries are among the heaviest, so the overview does not wait for them).
 */
export type DashboardPage = 'overview' | 'review' | 'areas';

/** What decides whether a caller runs a metric: what it is for and what it reads. */
export type MetricUse = Pick<
  RegisteredMetric<object, object>,
  'name' | 'dashboard' | 'tables' | 'dashboardPage'
>;

/** A list of metrics whose hooks all read (parts of) the report `Report`. */
export type Registry<Report extends object> = ReadonlyArray<RegisteredMetric<object, Report>>;

/** The tables the shared filtering (filtered.sql) reads: every metric needs them. */
export const SHARED_TABLES: readonly ExportedTable[] = [
  { name: 'contributions' },
  // Only joined on to narrow by repository, path and area: the other columns stay behind.
  { name: 'commits', columns: ['repository', 'commit_id'] },
  { name: 'commit_files', columns: ['repository', 'commit_id', 'path', 'old_path'] },
  { name: 'commit_areas' },
  { name: 'path_areas' },
  // List reviews under a path or area filter follow their change's patches.
  { name: 'mail_threads', columns: ['message_id', 'change_id'] },
  { name: 'messages', columns: ['message_id', 'is_patch', 'time'] },
  { name: 'message_files' },
];

/** What a metric's module declares; everything but the query, the fields and the CSV is optional. */
export interface MetricDefinition<Row, Fields extends object, Needs extends object> {
  /** kebab-case, the same as its folder's name. */
  name: string;
  /** A short title: the alt text of its figure and the name of its data. */
  title: string;
  /** What the rows are, in one or two sentences, with units. */
  description: string;
  /** Its `query.sql` (imported with `?raw`): bound `$name` parameters, a stable ORDER BY. */
  sql: string;
  /** Tables it reads besides those of the shared filtering. Default: none. */
  tables?: readonly ExportedTable[];
  /** Turns the rows into its fields of the weather report. */
  fields: (rows: Row[]) => Fields;
  /** False when no panel draws it and no sentence cites it. Default: true. */
  dashboard?: boolean;
  /** The dashboard page of its panels and sentences. Default: `overview`. */
  dashboardPage?: DashboardPage;
  /** Its CSV: a header and one row of cells per row of data. */
  csv: (report: Needs & Fields) => CsvTable;
  /** The figure that draws it: its name (default: the metric's) and its binding. Default: none. */
  figure?: { name?: string; draw: FigureBinding<Needs & Fields>['draw'] };
  /**
   * More figures of its fields, drawn after `figure` (or in its place, the first naming its CSV
   * file), each with a name of its own and its alt text. Default: none.
   */
  figures?: ReadonlyArray<FigureBinding<Needs & Fields>>;
  /** The sentences it states. Default: none. */
  sentences?: (report: Needs & Fields, name: NameFormat) => ReportSentence[];
  /** The organisations it names, most important first (for colours). Default: none. */
  organisations?: (report: Needs & Fields) => readonly string[];
}

/** Makes a metric from its module's declarations; only the parameters its SQL names are bound. */
export function defineMetric<Row, Fields extends object, Needs extends object = object>(
  definition: MetricDefinition<Row, Fields, Needs>,
): ReportMetric<Row, Fields, Needs> {
  const query = defineQuery<Row>(definition);
  const figures = [
    ...(definition.figure
      ? [{ name: definition.figure.name ?? definition.name, draw: definition.figure.draw }]
      : []),
    ...(definition.figures ?? []),
  ];
  const figureName = figures[0]?.name ?? definition.name;
  return {
    name: definition.name,
    title: definition.title,
    description: definition.description,
    sql: query.sql,
    tables: definition.tables ?? [],
    dashboard: definition.dashboard ?? true,
    dashboardPage: definition.dashboardPage ?? 'overview',
    run: query.run,
    collect: async (db, params) => definition.fields(await query.run(db, params)),
    skipped: () => definition.fields([]),
    csvFile: `${figureName}.csv`,
    csv: definition.csv,
    figure: figures[0] ?? null,
    figures,
    sentences: definition.sentences ?? (() => []),
    organisations: definition.organisations ?? (() => []),
  };
}
