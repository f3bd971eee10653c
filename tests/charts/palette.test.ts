/**
 * The palette's promises: every mark colour stands out from its figure's background by at least
 * 3:1 (WCAG 2 contrast ratio) in both themes, an organisation's colour is the same in both, and
 * any two organisation colours stay apart (CIELAB ΔE ≥ 10) for normal vision and under simulated
 * protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1).
 */
import { describe, expect, it } from 'vitest';
import { CATEGORICAL, markColours, THEMES } from '../../src/charts/palette.ts';

type Rgb = [number, number, number];

/** `#0072b2` → linear-light RGB in 0..1. */
function linear(hex: string): Rgb {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(1), channel(3), channel(5)];
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = linear(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** Colour-vision deficiency simulation matrices on linear RGB (Machado et al. 2009, severity 1). */
const DEFICIENCIES: Record<string, number[][] | null> = {
  normal: null,
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** CIELAB (D65) of a linear RGB colour. */
function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** `hex` as a viewer with `deficiency` sees it, in CIELAB. */
function seen(hex: string, deficiency: number[][] | null): Rgb {
  const rgb = linear(hex);
  if (!deficiency) return lab(rgb);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  return lab(
    deficiency.map((row) => clamp(row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2])) as Rgb,
  );
}

describe('the palette', () => {
  for (const theme of Object.values(THEMES)) {
    it(`gives every mark a contrast of at least 3:1 against the ${theme.name} background`, () => {
      const marks = markColours(theme);
      expect(Object.keys(marks).length).toBeGreaterThanOrEqual(CATEGORICAL.length + 6);
      const weak = Object.entries(marks)
        .map(([name, colour]) => [name, colour, contrast(colour, theme.background)] as const)
        .filter(([, , ratio]) => ratio < 3)
        .map(([name, colour, ratio]) => `${name} ${colour}: ${ratio.toFixed(2)}:1`);
      expect(weak).toEqual([]);
    });
  }

  it('gives organisations the same colours in both themes', () => {
    expect(THEMES.dark.categorical).toEqual(THEMES.light.categorical);
    expect(THEMES.dark.rest).toBe(THEMES.light.rest);
    expect(THEMES.dark.other).toBe(THEMES.light.other);
  });

  it('keeps any two organisation colours apart for normal vision and three colour deficiencies', () => {
    const close: string[] = [];
    for (const [name, matrix] of Object.entries(DEFICIENCIES)) {
      for (let i = 0; i < CATEGORICAL.length; i++) {
        for (let j = i + 1; j < CATEGORICAL.length; j++) {
          const [a, b] = [seen(CATEGORICAL[i]!, matrix), seen(CATEGORICAL[j]!, matrix)];
          const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
          if (distance < 10)
            close.push(`${CATEGORICAL[i]} ${CATEGORICAL[j]} (${name}): ΔE ${distance.toFixed(1)}`);
        }
      }
    }
    expect(close).toEqual([]);
  });
});
