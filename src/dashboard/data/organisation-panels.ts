/**
 * An organisation's page: what each metric of the registry's `organisationMetrics` puts on it
 * (its commits and reviews per year as charts, its people and its repositories as tables), each
 * with the CSV of its metric's rows.
 */
import { csvProvenance, periodSubtitle, sourceLine } from '../../lib/figures/figure-frame.ts';
import { csvText } from '../../lib/report/render-csv.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { Panel, PanelOptions } from './dashboard-panels.ts';
import type { OrganisationView } from './view-data.ts';

/** A table of the page: header, rows (text and numbers only) and its CSV. */
export interface TablePanel {
  name: string;
  title: string;
  description: string;
  header: string[];
  rows: Array<Array<string | number>>;
  csv: string;
}

/**
 * The charts and tables of one organisation's page, in the registry's order; the organisation
 * drawn in the colour it has everywhere (`options`' colour order and brand colours).
 */
export function organisationPanels(
  view: OrganisationView,
  report: WeatherReport,
  options: Pick<PanelOptions, 'colours' | 'colourOrder'> = { colours: {} },
): { charts: Panel[]; tables: TablePanel[] } {
  const page = {
    organisation: view.organisation,
    project: report.project,
    since: report.since,
    asOf: report.asOf,
    partialYear: report.commitsByYear.find((r) => r.partial)?.year ?? null,
  };
  const charts: Panel[] = [];
  const tables: TablePanel[] = [];
  for (const layout of view.layouts) {
    const content = layout(page);
    const source = sourceLine(report.project, report.asOf);
    content.charts.forEach((chart, i) =>
      charts.push({
        name: chart.name,
        title: chart.title,
        sentences: i === 0 ? content.sentences : [],
        description: content.description,
        figure: {
          name: chart.name,
          title: chart.title,
          subtitle: chart.subtitle,
          source,
          colourOrder: options.colourOrder ?? [view.organisation],
          brand: options.colours,
          chart: chart.chart,
        },
        csv: csvText(content.csv, csvProvenance(chart.title, chart.subtitle, source)),
        view: {
          since: report.since,
          asOf: report.asOf,
          filters: report.filters,
          kind: 'commits',
          mode: 'counts',
        },
      }),
    );
    for (const table of content.tables) {
      const csv = csvText(content.csv, csvProvenance(table.title, periodSubtitle(report.project, report.since, report.asOf), source));
      tables.push({ ...table, description: content.description, csv });
    }
  }
  return { charts, tables };
}
