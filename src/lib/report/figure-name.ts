/**
 * The figures of the weather report: those the metrics declare, in the registry's order.
 * Each is drawn by the figures helper (SVG/PNG), has a CSV of the same name, and is embedded in
 * weather.md after the sentence it supports, its metric's title as its alt text.
 */
import { metrics } from '../metrics/registry.ts';

/** A figure's name: its file name without the extension (`commits-by-year`). */
export type FigureName = string;

/** Every figure, in the order the report shows them. */
export const FIGURE_NAMES: readonly FigureName[] = metrics.flatMap((metric) =>
  metric.figures.map((figure) => figure.name),
);
