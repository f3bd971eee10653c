import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import type { CodeSizeFields } from '../code-size/code-size.ts';
import { linesByAreaFigure } from '../code-size/code-size-figures.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import { linesByAreaSentences } from '../code-size/code-size-sentences.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';

/** One organisation's changed lines in one area in one calendar year. */
export interface LinesByAreaRow {
  area: string;
  year: number;
  /** One of the area's top N organisations, `Other` for the rest, or `Unknown`. */
  organisation: string;
  /** Lines added in the area's files. */
  added: number;
  /** Lines removed from them. */
  removed: number;
  /** Counted commits changing a file of the area. */
  commits: number;
}

/**
 * Lines added and removed per area, year and organisation in [since, asOf): the top N
 * organisations of each area by name, the others as `Other`, `Unknown` apart.
 */
/** Its field of the weather report. */
export interface LinesByAreaFields {
  /** Lines added and removed per area, year and organisation (top N, Other, Unknown). */
  linesByArea: LinesByAreaRow[];
}

export const linesByArea = defineMetric<
  LinesByAreaRow,
  LinesByAreaFields,
  ReportScope & CodeSizeFields & CommitsByYearFields
>({
  name: 'lines-by-area',
  title: 'Lines added and removed by area',
  description:
    "Lines added and removed in each area's files per calendar year from since to the as-of date, by organisation (the area's top N by name, the others as Other, Unknown apart).",
  sql,
  dashboardPage: 'areas',
  tables: [
    { name: 'commit_areas' },
    { name: 'path_areas' },
    {
      name: 'commit_files',
      columns: ['repository', 'commit_id', 'path', 'old_path', 'lines_added', 'lines_deleted'],
    },
  ],
  fields: (rows) => ({ linesByArea: rows }),
  csv: (report) =>
    csvTable(report.linesByArea, {
      area: (r) => r.area,
      year: (r) => r.year,
      organisation: (r) => r.organisation,
      added: (r) => r.added,
      removed: (r) => r.removed,
      commits: (r) => r.commits,
    }),
  figure: { draw: linesByAreaFigure },
  sentences: (report, name) =>
    linesByAreaSentences(report, name).map((text) => ({ text, figures: ['lines-by-area'] })),
  organisations: (report) => [
    ...new Set(
      report.linesByArea
        .filter((r) => r.organisation !== 'Other' && r.organisation !== 'Unknown')
        .map((r) => r.organisation),
    ),
  ],
});
