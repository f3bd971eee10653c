/**
 * Colours of every chart: a categorical palette for organisations, the neutral colours of a theme,
 * and `makeColourFor`, which gives an organisation one colour in every figure, view, page, theme
 * and export. Charts paint with CSS variables (`var(--bm-cat-0, #0072b2)`) so a page can restyle
 * them; `resolveCssVariables` bakes a theme's concrete values in for standalone export.
 */
import { OTHER } from '../lib/figures/chart-names.ts';
import { UNKNOWN } from '../lib/identity/organisation-index.ts';

/** Name of a theme. */
export type ThemeName = 'light' | 'dark';

/** The concrete colours of one theme (CSS colour strings). */
export interface Theme {
  name: ThemeName;
  /** Figure background. */
  background: string;
  /** Titles, labels and values. */
  text: string;
  /** Subtitles, axis labels, notes and the source line. */
  muted: string;
  /** Grid lines. */
  grid: string;
  /** Axis baselines. */
  axis: string;
  /** One-series bars and lines (commits per year, contributors). */
  accent: string;
  /** Positive year-over-year change. */
  positive: string;
  /** Negative year-over-year change. */
  negative: string;
  /** The "Other" layer: organisations outside the top N. */
  other: string;
  /** `Unknown`: contributions no affiliation map covers (drawn dotted, see `UNKNOWN_PATTERN`). */
  unknown: string;
  /** Organisations a figure names that rank past the categorical palette in the whole history. */
  rest: string;
  /** Categorical colours in ranking order (the same in every theme). */
  categorical: readonly string[];
}

/**
 * The organisations' colours, the same in both themes, in the order the whole history's ranking
 * hands them out. Chosen for two properties a test holds: each has a contrast of at least 3:1
 * against both themes' backgrounds (relative luminance 0.14–0.30), and any two stay apart (CIELAB
 * ΔE ≥ 10) for normal vision and under simulated protanopia, deuteranopia and tritanopia (Machado
 * et al. 2009), so neighbouring layers can be told apart; direct labels do the rest.
 */
export const CATEGORICAL = [
  '#0072b2',
  '#b5850a',
  '#c8276e',
  '#4e9a5a',
  '#9b6bd6',
  '#aa4f30',
  '#3d9fc2',
  '#c96a2e',
  '#8f6698',
  '#7a73f8',
] as const;

/** Greys of every theme: named organisations past the palette, "Other", and `Unknown`'s base. */
const REST = '#83868d';
const OTHER_GREY = '#676a71';
const UNKNOWN_GREY = '#8f9299';

/** The two themes figures come in. */
export const THEMES: Record<ThemeName, Theme> = {
  light: {
    name: 'light',
    background: '#ffffff',
    text: '#1b1b1f',
    muted: '#5c5f66',
    grid: '#e4e5e9',
    axis: '#8a8d94',
    accent: '#0072b2',
    positive: '#00734f',
    negative: '#b34700',
    other: OTHER_GREY,
    unknown: UNKNOWN_GREY,
    rest: REST,
    categorical: CATEGORICAL,
  },
  dark: {
    name: 'dark',
    background: '#16171b',
    text: '#ececf1',
    muted: '#a7aab3',
    grid: '#2f3137',
    axis: '#6f727a',
    accent: '#56b4e9',
    positive: '#4cc89a',
    negative: '#ff9a5c',
    other: OTHER_GREY,
    unknown: UNKNOWN_GREY,
    rest: REST,
    categorical: CATEGORICAL,
  },
};

/** How many organisations get a categorical colour of their own. */
const CATEGORICAL_COUNT = CATEGORICAL.length;

/** The CSS variables charts read, with their values in `theme`. */
export function cssVariables(theme: Theme): Record<string, string> {
  const vars: Record<string, string> = {
    '--bm-bg': theme.background,
    '--bm-fg': theme.text,
    '--bm-muted': theme.muted,
    '--bm-grid': theme.grid,
    '--bm-axis': theme.axis,
    '--bm-accent': theme.accent,
    '--bm-positive': theme.positive,
    '--bm-negative': theme.negative,
    '--bm-other': theme.other,
    '--bm-unknown': theme.unknown,
    '--bm-rest': theme.rest,
    '--bm-font': FONT_STACK,
  };
  theme.categorical.forEach((colour, i) => (vars[`--bm-cat-${i}`] = colour));
  return vars;
}

/** Font stack of every chart: Inter (shipped with Barometer), then common sans-serifs. */
export const FONT_STACK = "Inter, 'Helvetica Neue', Arial, sans-serif";

/** `--bm-x: value; …` for a `style` attribute or a CSS rule setting up `theme`. */
export function themeStyle(theme: Theme): string {
  return Object.entries(cssVariables(theme))
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
}

/** Names of the chart CSS variables, without the `--bm-` prefix. */
export type CssVarName =
  | 'bg'
  | 'fg'
  | 'muted'
  | 'grid'
  | 'axis'
  | 'accent'
  | 'positive'
  | 'negative'
  | 'other'
  | 'unknown'
  | 'rest'
  | 'font'
  | `cat-${number}`;

/** `var(--bm-name, fallback)` using the light theme's value as the fallback. */
export function cssVar(name: CssVarName): string {
  const full = `--bm-${name}`;
  const fallback = LIGHT_VARS[full] ?? '#808080';
  return `var(${full}, ${fallback})`;
}

const LIGHT_VARS: Record<string, string> = cssVariables(THEMES.light);

/** The colours every mark is painted with in `theme`, by what they are, for contrast checks. */
export function markColours(theme: Theme): Record<string, string> {
  const marks: Record<string, string> = {
    accent: theme.accent,
    positive: theme.positive,
    negative: theme.negative,
    other: theme.other,
    unknown: theme.unknown,
    rest: theme.rest,
  };
  theme.categorical.forEach((colour, i) => (marks[`cat-${i}`] = colour));
  return marks;
}

/** `Other`, the layer of every organisation outside a figure's top N: never ranked, never branded. */
export { OTHER };
/** The name `Unknown` carries in every report row (defined once, in src/lib/identity). */
export { UNKNOWN } from '../lib/identity/organisation-index.ts';

const SAFE_COLOUR =
  /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]{3,20}|(rgb|rgba|hsl|hsla)\(\s*[0-9.,%\s/+-]+\))$/i;

/** True for a colour a config may give (hex, a named colour, rgb()/hsl()); nothing that escapes CSS. */
export function isSafeColour(value: string): boolean {
  return SAFE_COLOUR.test(value.trim());
}

/**
 * One colour per organisation: brand colours from the project config first (unsafe values are
 * ignored), then the categorical palette in `ranking` order (the whole history's ranking, largest
 * first, so the colours do not follow a view's own ranking), then a neutral grey for the rest.
 * `Other` and `Unknown` have fixed greys. The result is a CSS colour or a `var(--bm-…, fallback)`.
 */
export function makeColourFor(
  ranking: readonly string[],
  brand: Readonly<Record<string, string>> = {},
): (organisation: string) => string {
  const assigned = new Map<string, string>();
  let next = 0;
  for (const organisation of ranking) {
    if (assigned.has(organisation) || organisation === OTHER || organisation === UNKNOWN) continue;
    const own = brand[organisation];
    if (own !== undefined && isSafeColour(own)) {
      assigned.set(organisation, own.trim());
    } else if (next < CATEGORICAL_COUNT) {
      assigned.set(organisation, cssVar(`cat-${next++}`));
    }
  }
  return (organisation) => {
    if (organisation === OTHER) return cssVar('other');
    if (organisation === UNKNOWN) return cssVar('unknown');
    const known = assigned.get(organisation);
    if (known !== undefined) return known;
    const own = brand[organisation];
    if (own !== undefined && isSafeColour(own)) return own.trim();
    return cssVar('rest');
  };
}
