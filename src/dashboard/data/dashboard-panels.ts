/**
 * The dashboard's panels for one view: one per figure of the registry (the very specs the command
 * line exports), switched to reviews when the view asks, each with the sentences beside it, a
 * description of what it counts and the CSV of its rows.
 */
import type { FigureSpec } from '../../lib/figures/chart-spec.ts';
import type { MetricUse, Registry, ReportScope } from '../../lib/metrics/report-metric.ts';
import { plainName } from '../../lib/report/escape-markdown.ts';
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
  /** CSV of the rows drawn. */
  csv: string;
}

/** Options for {@link dashboardPanels}. */
export interface PanelOptions {
  colours: Readonly<Record<string, string>>;
  /** What the data came from, for the source line. */
  source: string;
  /** Whether a metric's panel is shown (see `runsOnDashboard`). Default: every metric's. */
  shows?: (metric: MetricUse) => boolean;
}

/**
 * The panels of `registry`'s figures (the registry's `metrics` for the overview) for `report` as
 * `state` asks to see them, each sentence beside the first figure it speaks of (else its own
 * metric's figure, else the first panel).
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
  const panels = figures.map(
    ({ spec, metric, drawn }): Panel => ({
      name: spec.name,
      title: spec.title,
      sentences: [],
      description: drawn.description ?? metric.description,
      figure: spec,
      csv: csvText(drawn.csv ?? metric.csv(report)),
    }),
  );
  for (const metric of shown) {
    for (const sentence of metric.sentences(report, plainName)) {
      const target =
        panels.find((p) => sentence.figures.includes(p.name)) ??
        panels.find((p) => p.name === metric.figure?.name) ??
        panels[0];
      target?.sentences.push(sentence.text);
    }
  }
  return panels;
}
