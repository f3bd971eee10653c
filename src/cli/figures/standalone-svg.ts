/**
 * Turns a chart component into a standalone SVG file: rendered with `svelte/server`, CSS variables
 * replaced by the theme's concrete colours, the font inlined, coordinates rounded.
 */
import { render } from 'svelte/server';
import type { FigureSpec } from '../../charts/index.ts';
import type { Theme } from '../../charts/palette.ts';
import { standaloneMarkup } from '../../charts/svg-markup.ts';
import { fontFaceCss } from './font.ts';

/**
 * The component's markup with hydration comments removed, every `var(--bm-…)` resolved for
 * `theme`, and rounded coordinates: what resvg and any SVG viewer read alike.
 */
export async function renderFigureMarkup(spec: FigureSpec, theme: Theme): Promise<string> {
  // The figure's name prefixes its ids, so figures inlined in one page keep their own patterns.
  const { body } = render(spec.component, { props: spec.props, idPrefix: spec.name });
  return standaloneMarkup(body, theme);
}

/**
 * A standalone SVG document of the figure: XML declaration, the theme's concrete colours and, with
 * `inlineFont`, Inter embedded as `@font-face` so the file looks the same wherever it is pasted.
 */
export async function renderStandaloneSvg(
  spec: FigureSpec,
  theme: Theme,
  options: { inlineFont?: boolean } = {},
): Promise<string> {
  const markup = await renderFigureMarkup(spec, theme);
  const style = options.inlineFont === false ? '' : `<style>${await fontFaceCss()}</style>`;
  const withStyle = markup.replace(/^<svg\b[^>]*>/, (open) => `${open}${style}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${withStyle}\n`;
}
