import sql from './lines-by-area.sql?raw';
import { defineMetric } from './metric.ts';

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
export const linesByArea = defineMetric<LinesByAreaRow>({
  name: 'lines-by-area',
  title: 'Lines added and removed by area',
  description:
    "Lines added and removed in each area's files per calendar year from since to the as-of date, by organisation (the area's top N by name, the others as Other, Unknown apart).",
  sql,
});
