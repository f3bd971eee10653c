import sql from './query.sql?raw';
import { csvTable } from '../../report/csv-table.ts';
import { defineMetric, type ReportScope } from '../report-metric.ts';
import { codeSizeFigure } from './code-size-figures.ts';
import { codeSizeSentences } from './code-size-sentences.ts';

/** Source lines of one language in one area at one point of history. */
export interface CodeSizeRow {
  repository: string;
  /** The point: a tag's name (`RELEASE-4.11.0`), or a period (`2018`, `2018-Q2`). */
  at: string;
  kind: 'tag' | 'quarter' | 'year';
  /** The commit counted. */
  commit: string;
  /** `YYYY-MM-DD` (UTC): the commit's committer date. */
  date: string;
  /** The area; null for the row of every counted file. */
  area: string | null;
  /** cloc's name of the language (`C`, `C/C++ Header`, `Assembly`, …, `Text`). */
  language: string;
  files: number;
  /** Lines with code (cloc's rules: docs/code-size.md). */
  code: number;
  comment: number;
  blank: number;
  /** The area's code-line target (codeSize.targets), or null. */
  target: number | null;
}

/**
 * Files and code, comment and blank lines per point, area and language (the rows of no area cover
 * every counted file), for the points dated before the as-of date.
 */
/** Its field of the weather report. */
export interface CodeSizeFields {
  /**
   * Files and code, comment and blank lines per counted point (release tag, quarter, year) dated
   * before `asOf`, area (null: every counted file) and language (docs/code-size.md).
   */
  codeSize: CodeSizeRow[];
}

export const codeSize = defineMetric<CodeSizeRow, CodeSizeFields, ReportScope>({
  name: 'code-size',
  title: 'Code size',
  description:
    'Files and code, comment and blank lines (cloc rules) per language and area at each counted point (release tag, quarter or year) dated before the as-of date; area null is every counted file.',
  sql,
  dashboardPage: 'areas',
  tables: [
    { name: 'code_size_points' },
    { name: 'code_size_totals' },
    { name: 'code_size_targets' },
  ],
  fields: (rows) => ({ codeSize: rows }),
  csv: (report) =>
    csvTable(report.codeSize, {
      repository: (r) => r.repository,
      at: (r) => r.at,
      kind: (r) => r.kind,
      commit: (r) => r.commit,
      date: (r) => r.date,
      area: (r) => r.area,
      language: (r) => r.language,
      files: (r) => r.files,
      code: (r) => r.code,
      comment: (r) => r.comment,
      blank: (r) => r.blank,
      target: (r) => r.target,
    }),
  figure: { draw: codeSizeFigure },
  sentences: (report, name) =>
    codeSizeSentences(report, name).map((text) => ({ text, figures: ['code-size'] })),
});
