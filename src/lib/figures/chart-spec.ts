/**
 * What a figure draws, as data: one of the chart layouts of src/charts with its rows, which are
 * generic (a year and a value, a name and a share, a row and a column) so no chart knows which
 * metric or report field they came from. A metric's figure binding (src/lib/metrics) fills one in;
 * src/charts draws it. Counts are plain numbers; shares are fractions (0.4, not 40).
 */

/** One bar of a year series. */
export interface YearValue {
  year: number;
  value: number;
  /** True when the year is not over at the as-of date (drawn hatched). */
  partial: boolean;
}

/** Bars by year, each labelled with its change on the year before; the partial year hatched. */
export interface YearBarsChart {
  chart: 'year-bars';
  rows: YearValue[];
  /** Year-to-date comparison, labelled on the partial bar. Default: none. */
  yearToDate?: { growth: number | null; from?: string; to?: string } | null;
  /** Text under the plot. Default: a note on the partial year. */
  note?: string | undefined;
  /** What the bars count. Default: `commits`. */
  unit?: string;
  /**
   * A span of full years marked above the bars with its label (the growth sentence's window:
   * `{ from: 2014, to: 2017, label: '+8% a year' }`). Default: none.
   */
  span?: YearSpan | null;
}

/** A span of years a figure marks, with what it says about it. */
export interface YearSpan {
  from: number;
  to: number;
  label: string;
}

/** Bars by year (or quarter) of a value that may be missing (null), labelled with their change. */
export interface YearSeriesChart {
  chart: 'year-series';
  /** With `quarter` (1–4) on every row, one bar per quarter (labelled `2018 Q2`). */
  rows: Array<{ year: number; quarter?: number; value: number | null }>;
  /** What the values count ("active contributors"). */
  unit: string;
  /** The year not over at the as-of date. Default: none. */
  partialYear?: number | null;
  /** With rows by quarter: the quarter of `partialYear` not over at the as-of date. Default: none. */
  partialQuarter?: number | null;
  /** Label each bar with its change on the year before. Default: true. */
  showChange?: boolean;
  note?: string;
  /** The organisation the values are of: drawn in its colour, its marks named. Default: none. */
  organisation?: string;
}

/** A named value in one year (a layer of a stack). */
export interface NamedYearValue {
  year: number;
  /** An organisation, or `Unknown` (drawn hatched, never ranked). */
  name: string;
  value: number;
}

/** Stacked bars by year of the top N names, every other name as `Other`, and `Unknown`. */
export interface YearStackChart {
  chart: 'year-stack';
  rows: NamedYearValue[];
  /** How many names get a layer of their own. Default: 6. */
  top?: number;
  /** Counts, or each year's shares (every bar 100%). Default: `counts`. */
  mode?: 'counts' | 'shares';
  /** Ranking that picks the top N. Default: totals of `rows`. */
  ranking?: string[];
  /** Year drawn as partial (hatched). Default: none. */
  partialYear?: number | null;
  note?: string;
  /** What is counted. Default: `commits`. */
  unit?: string;
}

/** A named value in one year, or in one quarter of it (a point of a line). */
export interface NamedPeriodValue extends NamedYearValue {
  /** 1–4 when the chart runs by quarter (then every row has one). Default: none, by year. */
  quarter?: number;
}

/** Values per year (or quarter) as lines, one per name (a measure that does not stack: hours). */
export interface YearLinesChart {
  chart: 'year-lines';
  rows: NamedPeriodValue[];
  /** What the values are ("hours"). */
  unit: string;
  /** How many names get a line, the largest totals first. Default: 6. */
  top?: number;
  /** The year not over at the as-of date (its points hollow). Default: none. */
  partialYear?: number | null;
  /** With rows by quarter: the quarter of `partialYear` not over at the as-of date. Default: none. */
  partialQuarter?: number | null;
  /**
   * The names are the chart's own series ("median", "75th percentile"), not organisations: lines
   * in the order of the rows, coloured by the palette in that order. Default: false.
   */
  series?: boolean;
  note?: string;
  /**
   * The names are not organisations (areas, sub-projects): colour the lines by their own order
   * rather than the report's organisation colours, and mark them without `data-organisation`.
   * Default: false.
   */
  ownColours?: boolean;
}

/** A name with its count and its share of all the period's. */
export interface NamedShare {
  name: string;
  value: number;
  /** value / all of the period, `Unknown`'s included; a fraction. */
  share: number;
}

/** What no map covers, shown beside a ranking and never in it. */
export interface UnknownShare {
  value: number;
  share: number;
}

/** Ranked bars of the top N names with their counts and shares; `Unknown` in a note. */
export interface RankedBarsChart {
  chart: 'ranked-bars';
  rows: NamedShare[];
  unknown?: UnknownShare | null;
  /** How many names to draw. Default: 10. */
  top?: number;
  note?: string;
  /** What is counted. Default: `commits`. */
  unit?: string;
}

/** One 100% bar of the top N, `Other` and `Unknown`, with the ranking beneath it. */
export interface ShareBarChart {
  chart: 'share-bar';
  rows: NamedShare[];
  unknown?: UnknownShare | null;
  /** N of the top N. Default: 6. */
  top?: number;
  /** All of the period, `Unknown`'s included. Default: the sum of the rows and `unknown`. */
  total?: number;
  note?: string;
  /** What is counted. Default: `commits`. */
  unit?: string;
}

/** Two counts of one name, drawn as a pair of bars, with the second per first at the end. */
export interface PairedValues {
  name: string;
  first: number;
  second: number;
}

/** Paired bars per name (first solid, second light), ranked by their sum. */
export interface PairedBarsChart {
  chart: 'paired-bars';
  rows: PairedValues[];
  /** How many names to draw. Default: 10. */
  top?: number;
  note?: string;
}

/**
 * Per name, the second count per first (reviews per commit) on a log scale around 1: bars grow
 * right of 1 when the second is larger, left when smaller; the names with the most of both
 * counts, sorted by their ratio. `Unknown` is left out (say it in the note).
 */
export interface RatioBarsChart {
  chart: 'ratio-bars';
  rows: PairedValues[];
  /** What the first and the second count ("commits", "reviews"). */
  firstUnit: string;
  secondUnit: string;
  /** How many names to draw. Default: 10. */
  top?: number;
  note?: string;
}

/** A name that appeared recently: when, and its two counts since. */
export interface RecentName {
  name: string;
  /** `YYYY-MM-DD` of its first appearance. */
  since: string;
  first: number;
  second: number;
}

/** A name whose recent count is a multiple of its usual one. */
export interface RisingName {
  name: string;
  /** The recent count. */
  value: number;
  /** The usual count per period before. */
  average: number;
  /** value / average. */
  ratio: number;
}

/** Two ranked lists: names that appeared recently, and names that rose. */
export interface RecentAndRisingChart {
  chart: 'recent-and-rising';
  recent: RecentName[];
  rising: RisingName[];
  /** Rows per list. Default: 8. */
  top?: number;
  note?: string;
}

/** One cell of a matrix: how much `row` did towards `column`. */
export interface MatrixCell {
  row: string;
  column: string;
  value: number;
}

/** A matrix of names by names (who reviews whom), each cell shaded by its value. */
export interface MatrixChart {
  chart: 'matrix';
  cells: MatrixCell[];
  /** What a cell counts ("reviews"). */
  unit: string;
  /** Heading of the rows and of the columns ("reviewer", "author"). */
  rowLabel: string;
  columnLabel: string;
  /** How many rows and columns to draw, the largest totals first. Default: 10. */
  top?: number;
  /**
   * The names of the rows and of the columns in the order they are drawn (each where it has
   * cells), for a binding that ranks them itself (the top N, then `Other`, then `Unknown`).
   * Default: by their totals.
   */
  order?: { rows: string[]; columns: string[] };
  note?: string;
}

/** A name's value at one point of a series of named points (a release tag, a period). */
export interface NamedPointValue {
  /** The point's label, one of the chart's `points`. */
  point: string;
  name: string;
  value: number;
}

/**
 * Values at named points in their order (release tags, periods: not years), one line per name, and
 * a target per name drawn as a dashed level line in the name's colour.
 */
export interface PointLinesChart {
  chart: 'point-lines';
  /** The points, left to right. */
  points: string[];
  rows: NamedPointValue[];
  /** A level to reach or stay under, per name. Default: none. */
  targets?: Array<{ name: string; value: number }>;
  /** What the values are ("code lines"). */
  unit: string;
  /** How many names get a line, the largest last values first. Default: 6. */
  top?: number;
  /** As for {@link YearLinesChart}: names that are not organisations. Default: false. */
  ownColours?: boolean;
  note?: string;
}

/** Two values of a name in one year, drawn one up and one down from the axis (added, removed). */
export interface UpDownYearValue {
  year: number;
  /** An organisation, `Other` or `Unknown` (drawn hatched). */
  name: string;
  up: number;
  down: number;
}

/**
 * Stacked bars by year drawn both ways from one axis: above it the first value of the top N names,
 * `Other` and `Unknown` (lines added), below it the second (lines removed).
 */
export interface YearUpDownChart {
  chart: 'year-updown';
  rows: UpDownYearValue[];
  /** How many names get a layer of their own, by their totals both ways. Default: 6. */
  top?: number;
  /** What the upper and the lower bars count ("lines added", "lines removed"). */
  upUnit: string;
  downUnit: string;
  /** Year drawn as partial (hatched). Default: none. */
  partialYear?: number | null;
  note?: string;
}

/** One measure of a projection chart: its months and the trend fitted to them. */
export interface ProjectionSeries {
  /** What it counts ("Commits"), at the end of its line. */
  name: string;
  /** The counted months, `YYYY-MM`, in order; `fitted` false for months the fit left out. */
  rows: Array<{ month: string; value: number; fitted: boolean }>;
  /**
   * The fitted trend from the first fitted month to months beyond the last, with its 90% band;
   * empty when there is too little history to project.
   */
  fit: Array<{ month: string; value: number; low: number; high: number }>;
}

/** Monthly values as points with their fitted trend as a line and a band running ahead. */
export interface ProjectionChart {
  chart: 'projection';
  series: ProjectionSeries[];
  /** What the values are, above the axis ("per month"). */
  unit: string;
  note?: string;
}

/** Every chart layout, by its `chart` name. */
export type ChartSpec =
  | YearBarsChart
  | YearSeriesChart
  | YearStackChart
  | YearLinesChart
  | RankedBarsChart
  | ShareBarChart
  | PairedBarsChart
  | RatioBarsChart
  | RecentAndRisingChart
  | MatrixChart
  | ProjectionChart
  | PointLinesChart
  | YearUpDownChart;

/** A figure ready to draw: its frame (title, subtitle, source, colours) and its chart. */
export interface FigureSpec {
  /** The figure's name: its file name (`commits-by-year.svg`) and `data-figure`. */
  name: string;
  /** The heading drawn at the top (also the SVG's `<title>`). */
  title: string;
  /** The line under the heading (project and period). */
  subtitle: string;
  /** The source line at the bottom ("Source: xen, as of 1 June 2018"). */
  source: string;
  /**
   * Names in the order they get the palette's colours (see `makeColourFor` in src/charts): the
   * whole history's ranking, so an organisation has the same colour in every view.
   */
  colourOrder: readonly string[];
  /** Brand colours by name (the project config's `colours`). */
  brand: Readonly<Record<string, string>>;
  chart: ChartSpec;
}
