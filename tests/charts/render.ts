/** Renders a chart component on the server as the export does, for tests. */
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import FigureChart from '../../src/charts/FigureChart.svelte';
import { standaloneMarkup } from '../../src/charts/svg-markup.ts';
import type { FigureSpec } from '../../src/lib/figures/chart-spec.ts';
import { THEMES, type ThemeName } from '../../src/charts/palette.ts';

/** The component's standalone SVG markup (no font inlined) for `theme` (default light). */
export function renderChart<P extends Record<string, unknown>>(
  component: Component<P>,
  props: P,
  theme: ThemeName = 'light',
): string {
  const { body } = render(component as Component<Record<string, unknown>>, {
    props,
    idPrefix: 'test',
  });
  return standaloneMarkup(body, THEMES[theme]);
}

/** A figure spec drawn at `size` as standalone SVG markup (no font inlined) for `theme`. */
export function renderFigure(
  figure: FigureSpec,
  size: { width: number; height: number },
  theme: ThemeName = 'light',
): string {
  return renderChart(FigureChart, { figure, ...size }, theme);
}
