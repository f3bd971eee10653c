/**
 * Turns a figure spec into a standalone SVG file: rendered with `svelte/server`, CSS variables
 * replaced by the theme's concrete colours, the font inlined, coordinates rounded.
 */
import { render } from 'svelte/server';
import type { Theme } from '../../charts/palette.ts';
import { standaloneMarkup } from '../../charts/svg-markup.ts';
import type { FigureSpec } from '../../lib/figures/chart-spec.ts';
import { fontFaceCss } from './font.ts';
import { loadCharts } from './load-charts.ts';

/** The size of a figure's viewBox, px. */
export interface FigureBox {
  width: number;
  height: number;
}

/**
 * The figure's markup with hydration comments removed, every `var(--bm-…)` resolved for
 * `theme`, and rounded coordinates: what resvg and any SVG viewer read alike.
 */
export async function renderFigureMarkup(
  spec: FigureSpec,
  size: FigureBox,
  theme: Theme,
): Promise<string> {
  const { FigureChart } = await loadCharts();
  // The figure's name prefixes its ids, so figures inlined in one page keep their own patterns.
  const { body } = render(FigureChart, {
    props: { figure: spec, ...size },
    idPrefix: spec.name,
  });
  return standaloneMarkup(body, theme);
}

/**
 * A standalone SVG document of the figure: XML declaration, the theme's concrete colours and, with
 * `inlineFont`, Inter embedded as `@font-face` so the file looks the same wherever it is pasted.
 */
export async function renderStandaloneSvg(
  spec: FigureSpec,
  size: FigureBox,
  theme: Theme,
  options: { inlineFont?: boolean } = {},
): Promise<string> {
  const markup = await renderFigureMarkup(spec, size, theme);
  const style = options.inlineFont === false ? '' : `<style>${await fontFaceCss()}</style>`;
  const withStyle = markup.replace(/^<svg\b[^>]*>/, (open) => `${open}${style}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withStyle}\n`;
}
