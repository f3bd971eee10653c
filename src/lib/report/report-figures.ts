/**
 * The figures of a weather report, ready to draw: each metric's figure binding applied to the
 * report for a view, framed with the filters in force, the source line and one colour order (the
 * whole history's ranking, so an organisation keeps its colour in every figure and every view).
 * This frame is where every figure gets what any metric's figure must say: it states the view's
 * filters in the subtitle, its CSV starts with where it came from and carries shares when shares
 * are drawn. Pure, so the command line's exports and the dashboard's panels and downloads draw the
 * same pictures.
 */
import type { ChartSpec, FigureSpec } from '../figures/chart-spec.ts';
import { csvProvenance, filterWords, sourceLine, withFilters } from '../figures/figure-frame.ts';
import { metrics } from '../metrics/registry.ts';
import type {
  DrawnFigure,
  FigureView,
  RegisteredMetric,
  Registry,
  ReportScope,
} from '../metrics/report-metric.ts';
import { csvTable, type CsvTable } from './csv-table.ts';
import type { WeatherFigures } from './weather-report.ts';

/** Options of {@link reportFigures}. */
export interface ReportFigureOptions {
  /** Brand colours by organisation (the project config's `colours`). Default: none. */
  colours?: Readonly<Record<string, string>>;
  /** What the data came from ("xen"), for the source line. Default: the project's name. */
  source?: string;
  /** What the viewer asked to see. Default: commits, stacks in counts. */
  view?: FigureView;
  /**
   * The order organisations get the palette's colours in: the whole history's ranking (see
   * `colourOrder` in src/lib/figures). Default: the order the report's metrics name them in.
   */
  colourOrder?: readonly string[];
}

/** A figure of the report with what its binding said about the view it was drawn for. */
export interface ReportFigure<Report extends object> {
  spec: FigureSpec;
  /** The metric whose figure it is. */
  metric: RegisteredMetric<object, Report>;
  drawn: DrawnFigure;
  /** The rows drawn, as CSV: the metric's (or the view's), with shares when shares are drawn. */
  csv: CsvTable;
  /** The lines its CSV starts with: title, subtitle (period and filters) and source. */
  provenance: string[];
}

/** The view the command line draws: commits, stacks in counts. */
const COMMITS_VIEW: FigureView = { kind: 'commits', mode: 'counts' };

/** A stack's rows with each one's share of its year, for the CSV of a stack drawn in shares. */
function stackSharesCsv(chart: ChartSpec & { chart: 'year-stack' }): CsvTable {
  const totals = new Map<number, number>();
  for (const row of chart.rows) totals.set(row.year, (totals.get(row.year) ?? 0) + row.value);
  return csvTable(chart.rows, {
    year: (r) => r.year,
    organisation: (r) => r.name,
    [chart.unit ?? 'commits']: (r) => r.value,
    share_of_year: (r) => (totals.get(r.year) ? r.value / totals.get(r.year)! : 0),
  });
}

/**
 * Every figure of `report`, in the registry's order (a metric's in its own), with the metric that
 * draws it. Organisations get the palette's colours in `options.colourOrder` (else in the order the
 * metrics name them).
 */
export function drawReportFigures<Report extends ReportScope>(
  report: Report,
  options: ReportFigureOptions,
  registry: Registry<Report>,
): Array<ReportFigure<Report>> {
  const colourOrder = options.colourOrder ?? [
    ...new Set(registry.flatMap((metric) => metric.organisations(report))),
  ];
  const source = sourceLine(options.source ?? report.project, report.asOf);
  const view = options.view ?? COMMITS_VIEW;
  return registry.flatMap((metric) =>
    metric.figures.map((figure) => {
      const drawn = figure.draw(report, view);
      const subtitle = withFilters(drawn.subtitle, filterWords(report.filters, drawn.chart, view));
      const spec: FigureSpec = {
        name: figure.name,
        title: drawn.title,
        subtitle,
        source,
        colourOrder,
        brand: options.colours ?? {},
        chart: drawn.chart,
      };
      const csv =
        drawn.chart.chart === 'year-stack' && drawn.chart.mode === 'shares'
          ? stackSharesCsv(drawn.chart)
          : (drawn.csv ?? metric.csv(report));
      const provenance = csvProvenance(drawn.title, subtitle, source);
      return { spec, metric, drawn, csv, provenance };
    }),
  );
}

/** Every figure of `report` as the command line draws it (commits), in the registry's order. */
export function reportFigures<Report extends WeatherFigures>(
  report: Report,
  options: ReportFigureOptions = {},
  registry: Registry<Report> = metrics,
): FigureSpec[] {
  return drawReportFigures(report, options, registry).map((figure) => figure.spec);
}
