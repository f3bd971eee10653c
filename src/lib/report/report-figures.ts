/**
 * The figures of a weather report, ready to draw: each metric's figure binding applied to the
 * report for a view, framed with the source line and one colour order for the whole report (so an
 * organisation keeps its colour in every figure). Pure, so the command line's exports and the
 * dashboard's panels and downloads draw the same pictures.
 */
import type { FigureSpec } from '../figures/chart-spec.ts';
import { sourceLine } from '../figures/figure-frame.ts';
import { metrics } from '../metrics/registry.ts';
import type {
  DrawnFigure,
  FigureView,
  RegisteredMetric,
  Registry,
  ReportScope,
} from '../metrics/report-metric.ts';
import type { WeatherFigures } from './weather-report.ts';

/** Options of {@link reportFigures}. */
export interface ReportFigureOptions {
  /** Brand colours by organisation (the project config's `colours`). Default: none. */
  colours?: Readonly<Record<string, string>>;
  /** What the data came from ("xen.git"), for the source line. Default: the project's name. */
  source?: string;
  /** What the viewer asked to see. Default: commits, stacks in counts. */
  view?: FigureView;
}

/** A figure of the report with what its binding said about the view it was drawn for. */
export interface ReportFigure<Report extends object> {
  spec: FigureSpec;
  /** The metric whose figure it is. */
  metric: RegisteredMetric<object, Report>;
  drawn: DrawnFigure;
}

/** The view the command line draws: commits, stacks in counts. */
const COMMITS_VIEW: FigureView = { kind: 'commits', mode: 'counts' };

/**
 * Every figure of `report`, in the registry's order (a metric's in its own), with the metric that
 * draws it. Organisations
 * get the palette's colours in the order the metrics name them (the `since` ranking first).
 */
export function drawReportFigures<Report extends ReportScope>(
  report: Report,
  options: ReportFigureOptions,
  registry: Registry<Report>,
): Array<ReportFigure<Report>> {
  const colourOrder = [...new Set(registry.flatMap((metric) => metric.organisations(report)))];
  const source = sourceLine(options.source ?? report.project, report.asOf);
  const view = options.view ?? COMMITS_VIEW;
  return registry.flatMap((metric) =>
    metric.figures.map((figure) => {
      const drawn = figure.draw(report, view);
      const spec: FigureSpec = {
        name: figure.name,
        title: drawn.title,
        subtitle: drawn.subtitle,
        source,
        colourOrder,
        brand: options.colours ?? {},
        chart: drawn.chart,
      };
      return { spec, metric, drawn };
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
