/**
 * The font figures are drawn with: Inter, shipped as npm packages (OFL-1.1), never the system's, so
 * the same input gives the same PNG bytes on any machine. TTFs feed resvg; the latin WOFF2 subsets
 * are inlined into standalone SVG and HTML files.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  INTER_WEIGHTS,
  interFontFaces,
  interWoff2,
  type InterWeight,
} from '../../charts/font-faces.ts';

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
 * `@font-face` rules for Inter (latin subset, WOFF2 as data: URLs, ~65 KB), read once. Characters
 * outside the subset fall back to the viewer's sans-serif.
 */
export function fontFaceCss(): Promise<string> {
  faces ??= (async () => {
    const woff2 = async (weight: InterWeight) =>
      `data:font/woff2;base64,${(await readFile(require.resolve(interWoff2(weight)))).toString('base64')}`;
    const [regular, semiBold] = await Promise.all(INTER_WEIGHTS.map(woff2));
    return interFontFaces({ 400: regular!, 600: semiBold! });
  })();
  return faces;
}
