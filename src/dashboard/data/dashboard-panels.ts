/**
 * The dashboard's panels for one view: one per figure of the registry (the very specs the command
 * line exports), switched to reviews when the view asks, each with the sentences beside it (those
 * that speak of what it draws; in the reviews view, read off its own rows where no report
 * sentence does), a description of what it counts and the CSV of its rows.
 */
import { chartSentences } from '../../lib/figures/chart-sentences.ts';
import type { FigureSpec } from '../../lib/figures/chart-spec.ts';
import type { MetricUse, Registry, ReportScope } from '../../lib/metrics/report-metric.ts';
import { plainName } from '../../lib/report/escape-markdown.ts';
import { placeSentences } from '../../lib/report/place-sentences.ts';
import { csvText } from '../../lib/report/render-csv.ts';
import { drawReportFigures } from '../../lib/report/report-figures.ts';
import type { DashboardState } from '../state/dashboard-state.ts';

/** The size figures are downloaded at: the command line's default (`--size blog`), px. */
export const DOWNLOAD_SIZE = { width: 1200, height: 675 } as const;

/** One panel: a figure with its words and its data. */
export interface Panel {
  /** Stable id: the figure's name (`commits-by-year`), also the download file name. */
  name: string;
  title: string;
  /** The report's sentences this figure supports. */
  sentences: string[];
  /** What the figure counts, in a sentence or two. */
  description: string;
  /** What to draw (the panel sets the size). */
  figure: FigureSpec;
  /** CSV of the rows drawn, starting with where they came from. */
  csv: string;
  /** What the panel's figure shows, for its download names. */
  view?: PanelView;
}

/** The view a panel was drawn for: its scope and what the viewer asked to see. */
export interface PanelView {
  since: string;
  asOf: string;
  filters: ReportScope['filters'];
  kind: DashboardState['kind'];
  mode: DashboardState['mode'];
}

/** Options for {@link dashboardPanels}. */
export interface PanelOptions {
  colours: Readonly<Record<string, string>>;
  /** The order organisations get the palette's colours in (the whole history's ranking). */
  colourOrder?: readonly string[];
  /** What the data came from, for the source line. */
  source: string;
  /** Whether a metric's panel is shown (see `runsOnDashboard`). Default: every metric's. */
  shows?: (metric: MetricUse) => boolean;
}

/**
 * The panels of `registry`'s figures (the registry's `metrics` for the overview) for `report` as
 * `state` asks to see them, each sentence beside a figure that draws what it speaks of (see
 * `placeSentences`); a figure no report sentence speaks for (in the reviews view, every figure
 * counting reviews) gets sentences read off its own rows.
 */
export function dashboardPanels<Report extends ReportScope>(
  report: Report,
  state: Pick<DashboardState, 'kind' | 'mode'> & Partial<Pick<DashboardState, 'period'>>,
  options: PanelOptions,
  registry: Registry<Report>,
): Panel[] {
  const view = { kind: state.kind, mode: state.mode, period: state.period ?? 'years' };
  const shown = options.shows ? registry.filter(options.shows) : registry;
  const figures = drawReportFigures(report, { ...options, view }, shown);
  const placed = placeSentences(
    figures.map(({ spec }) => ({ name: spec.name, chart: spec.chart })),
    shown.flatMap((metric) =>
      metric
        .sentences(report, plainName)
        .map((sentence) => ({ sentence, own: metric.figure?.name })),
    ),
  );
  return figures.map(({ spec, metric, drawn, csv, provenance }): Panel => {
    let sentences = placed.get(spec.name) ?? [];
    if (sentences.length === 0) sentences = chartSentences(spec.chart, report);
    return {
      name: spec.name,
      title: spec.title,
      sentences,
      description: drawn.description ?? metric.description,
      figure: spec,
      csv: csvText(csv, provenance),
      view: { since: report.since, asOf: report.asOf, filters: report.filters, ...view },
    };
  });
}
