/**
 * The font figures are drawn in, once for the browser's downloads and the command line's files:
 * Inter (shipped as npm packages, OFL-1.1) at the weights charts use, its latin WOFF2 subset
 * inlined so a standalone SVG looks the same wherever it is pasted.
 */

/** The weights charts use: body text (400) and headings and labels (600). */
export const INTER_WEIGHTS = [400, 600] as const;

/** One of {@link INTER_WEIGHTS}. */
export type InterWeight = (typeof INTER_WEIGHTS)[number];

/** The WOFF2 file of a weight in `@fontsource/inter` (latin subset). */
export function interWoff2(weight: InterWeight): string {
  return `@fontsource/inter/files/inter-latin-${weight}-normal.woff2`;
}

/** `@font-face` rules for Inter, each weight's WOFF2 given as a `data:` URL. */
export function interFontFaces(dataUrls: Readonly<Record<InterWeight, string>>): string {
  return INTER_WEIGHTS.map(
    (weight) =>
      `@font-face{font-family:Inter;font-style:normal;font-weight:${weight};src:url(${dataUrls[weight]}) format('woff2')}`,
  ).join('');
}
