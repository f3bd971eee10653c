/**
 * The font figures are drawn with: Inter, shipped as npm packages (OFL-1.1), never the system's, so
 * the same input gives the same PNG bytes on any machine. TTFs feed resvg; the latin WOFF2 subsets
 * are inlined into standalone SVG and HTML files.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** TTF files resvg loads: Inter regular (400) and semibold (600), absolute paths. */
export function fontFiles(): string[] {
  return [
    require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
    require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
  ];
}

let faces: Promise<string> | undefined;

/**
 * `@font-face` rules for Inter 400 and 600 (latin subset, WOFF2 as data: URLs, ~65 KB), read once.
 * Characters outside the subset fall back to the viewer's sans-serif.
 */
export function fontFaceCss(): Promise<string> {
  faces ??= (async () => {
    const rules = await Promise.all(
      [400, 600].map(async (weight) => {
        const file = require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff2`);
        const data = (await readFile(file)).toString('base64');
        return `@font-face{font-family:Inter;font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2')}`;
      }),
    );
    return rules.join('');
  })();
  return faces;
}
