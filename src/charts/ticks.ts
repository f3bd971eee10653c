/** Tick choices of chart axes: nice integer count ticks and year labels that thin out when crowded. */
import { scaleLinear } from 'd3';
import { textWidth } from './text.ts';

/** The nice upper bound of a count axis reaching `max` (at least 1), and its integer ticks. */
export function countAxis(max: number, approxTicks: number): { max: number; ticks: number[] } {
  const count = Math.max(2, Math.round(approxTicks));
  const scale = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(count);
  const ticks = scale.ticks(count).filter((t) => Number.isInteger(t));
  const top = scale.domain()[1] ?? 1;
  return { max: top, ticks };
}

/** Share axis ticks (0..1) for a plot `height` px tall. */
export function shareTicks(height: number, fontSize: number): number[] {
  const fit = Math.floor(height / (fontSize * 3));
  if (fit >= 10) return [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  if (fit >= 4) return [0, 0.25, 0.5, 0.75, 1];
  return [0, 0.5, 1];
}

/**
 * Which of `labels` (evenly spaced over `width` px) to show so none overlap at `fontSize`:
 * every k-th, always keeping the last.
 */
export function thinLabels<T>(labels: readonly T[], width: number, fontSize: number): Set<T> {
  if (labels.length === 0) return new Set();
  const widest = Math.max(...labels.map((l) => textWidth(String(l), fontSize)));
  const slot = width / labels.length;
  const step = Math.max(1, Math.ceil((widest + fontSize * 0.8) / Math.max(1, slot)));
  const shown = new Set<T>();
  for (let i = labels.length - 1; i >= 0; i -= step) shown.add(labels[i] as T);
  return shown;
}
