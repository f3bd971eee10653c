/** Rasterises a figure's SVG to PNG with resvg and the shipped Inter TTFs; no browser, no system fonts. */
import { Resvg } from '@resvg/resvg-js';
import { fontFiles } from './font.ts';

/**
 * PNG bytes of `svg` at `scale` × its own size (default 2, for sharp slides and retina screens).
 * System fonts are never loaded, so the bytes depend on the input alone.
 */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: false,
      fontFiles: fontFiles(),
      defaultFontFamily: 'Inter',
      sansSerifFamily: 'Inter',
    },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}
