import sql from './code-size.sql?raw';
import { defineMetric } from './metric.ts';

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
export const codeSize = defineMetric<CodeSizeRow>({
  name: 'code-size',
  title: 'Code size',
  description:
    'Files and code, comment and blank lines (cloc rules) per language and area at each counted point (release tag, quarter or year) dated before the as-of date; area null is every counted file.',
  sql,
});
