/** The figure of a metric with one value per year: bars by year over the report's period. */
import { periodSubtitle } from '../figures/figure-frame.ts';
import type { CommitsByYearFields } from './commits-by-year/commits-by-year.ts';
import type { FigureBinding, ReportScope } from './report-metric.ts';

/** What a per-year figure shows. */
export interface PerYearFigure<Report> {
  /** The heading ("Active contributors per year"). */
  title: string;
  /** What the values count ("active contributors"). */
  unit: string;
  /** Label each bar with its change on the year before. Default: true. */
  showChange?: boolean;
  /** The values by year (null: the year has none, e.g. an elephant factor Unknown prevents). */
  rows: (report: Report) => Array<{ year: number; value: number | null }>;
}

/** Binds `figure.rows` to bars by year, the year not over at the as-of date hatched. */
export function perYearFigure<Report extends ReportScope & CommitsByYearFields>(
  figure: PerYearFigure<Report>,
): { draw: FigureBinding<Report>['draw'] } {
  return {
    draw: (report) => ({
      title: figure.title,
      subtitle: periodSubtitle(report.project, report.since, report.asOf),
      chart: {
        chart: 'year-series',
        rows: figure.rows(report),
        unit: figure.unit,
        partialYear: report.commitsByYear.find((r) => r.partial)?.year ?? null,
        showChange: figure.showChange ?? true,
      },
    }),
  };
}
