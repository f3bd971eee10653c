/**
 * The frame every figure shares: title, subtitle, plot area, notes and source line, with type sizes
 * that scale with the figure so one component reads well at a blog's 640 px and on a 1920 px slide.
 */

/** A rectangle in the figure's coordinates (px of its viewBox). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Props every figure component takes besides its rows. */
export interface ChartFrameProps {
  /** Width of the viewBox, px. */
  width: number;
  /** Height of the viewBox, px. */
  height: number;
  /** Heading drawn at the top and the SVG's `<title>`. Default: none. */
  title?: string;
  /** Line under the title (project, period, as-of date). Default: none. */
  subtitle?: string;
  /** The SVG's `<desc>`. Default: a sentence made from the data. */
  description?: string;
  /** Source line at the bottom ("Source: xen.git, as of 1 June 2018"). Default: none. */
  source?: string;
  /** The figure's name, as `data-figure` for the dashboard and tests. Default: the chart's kind. */
  figure?: string;
  /** Colour of an organisation (see `makeColourFor`). Default: palette by the figure's own ranking. */
  colourFor?: (organisation: string) => string;
  /** Draw the heading (a dashboard panel shows it above the chart instead). Default: true. */
  showTitle?: boolean;
}

/** Sizes and positions of a figure's frame. */
export interface FrameLayout {
  /** Body text size, px. */
  fontSize: number;
  titleSize: number;
  smallSize: number;
  /** Outer padding, px. */
  padding: number;
  /** Baselines of the title, subtitle, note and source lines (null when absent). */
  titleY: number | null;
  subtitleY: number | null;
  noteY: number | null;
  sourceY: number | null;
  /** What is left for the chart itself. */
  plot: Box;
}

/** The smallest text any chart draws, px (at 1:1, so on a phone too). */
export const MIN_TEXT_SIZE = 12;

/** Body text size for a figure `width`×`height` px: 13 px at 640 px wide, ~34 px on a slide. */
function baseFontSize(width: number, height: number): number {
  const reference = Math.min(width, height * (16 / 9));
  return Math.max(13, Math.min(36, Math.round(reference * 0.0175)));
}

/** Line spacing of the hatch pattern (partial periods, `Unknown`) of a `width`×`height` px figure, px. */
export function hatchSize(width: number, height: number): number {
  return Math.max(4, baseFontSize(width, height) * 0.5);
}

/** The text sizes of a figure `width`×`height` px: body, title, small (never under 12 px). */
export function textSizes(
  width: number,
  height: number,
): { fontSize: number; titleSize: number; smallSize: number; padding: number } {
  const fontSize = baseFontSize(width, height);
  return {
    fontSize,
    titleSize: Math.round(fontSize * 1.5),
    smallSize: Math.max(MIN_TEXT_SIZE, Math.round(fontSize * 0.85)),
    padding: Math.round(fontSize * (width < 560 ? 0.9 : 1.2)),
  };
}

/**
 * Lays out the frame: header lines, the plot, then note and source lines at the bottom. A title,
 * subtitle or note of several lines (`titleLines`, `subtitleLines`, `noteLines`, default 1) takes
 * their height; `noteY` is the baseline of the note's first line.
 */
export function frameLayout(
  width: number,
  height: number,
  has: {
    title: boolean;
    subtitle: boolean;
    note: boolean;
    source: boolean;
    titleLines?: number;
    subtitleLines?: number;
    noteLines?: number;
  },
): FrameLayout {
  const { fontSize, titleSize, smallSize, padding } = textSizes(width, height);
  let top = padding;
  let titleY: number | null = null;
  let subtitleY: number | null = null;
  if (has.title) {
    titleY = top + titleSize * 0.9;
    top = titleY + titleSize * 1.15 * ((has.titleLines ?? 1) - 1) + titleSize * 0.35;
  }
  if (has.subtitle) {
    subtitleY = top + fontSize * 1.2;
    top = subtitleY + fontSize * 1.3 * ((has.subtitleLines ?? 1) - 1) + fontSize * 0.3;
  }
  top += fontSize * 1.2;
  let bottom = height - padding;
  let sourceY: number | null = null;
  let noteY: number | null = null;
  if (has.source) {
    sourceY = bottom;
    bottom -= smallSize * 1.5;
  }
  if (has.note) {
    const lines = has.noteLines ?? 1;
    noteY = bottom - smallSize * 1.25 * (lines - 1);
    bottom -= smallSize * (1.5 + 1.25 * (lines - 1));
  }
  bottom -= fontSize * 0.5;
  return {
    fontSize,
    titleSize,
    smallSize,
    padding,
    titleY,
    subtitleY,
    noteY,
    sourceY,
    plot: {
      x: padding,
      y: top,
      width: Math.max(10, width - 2 * padding),
      height: Math.max(10, bottom - top),
    },
  };
}

/** A figure's plot area and the text sizes its marks use. */
export interface PlotArea extends Box {
  fontSize: number;
  smallSize: number;
}
