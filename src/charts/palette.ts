/**
 * Colours of every chart: a colour-blind-safe categorical palette (Okabe & Ito, plus one), the
 * neutral colours of a theme, and `makeColourFor`, which gives an organisation one colour across
 * every figure of a report. Charts paint with CSS variables (`var(--bm-cat-0, #0072b2)`) so a page
 * can restyle them; `resolveCssVariables` bakes a theme's concrete values in for standalone export.
 */
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
  /** `Unknown`: contributions no affiliation map covers. */
  unknown: string;
  /** Organisations ranked past the categorical palette. */
  rest: string;
  /** Categorical colours in ranking order (8, colour-blind safe). */
  categorical: readonly string[];
}

/** Okabe & Ito's colour-blind-safe palette (without black), then Paul Tol's wine. */
const CATEGORICAL = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#d55e00',
  '#56b4e9',
  '#cc79a7',
  '#f0e442',
  '#882255',
] as const;

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
    other: '#a3a6ad',
    unknown: '#d4d6da',
    rest: '#7d8089',
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
    other: '#7b7e86',
    unknown: '#4a4c52',
    rest: '#9a9da5',
    categorical: ['#3d9ee0', ...CATEGORICAL.slice(1, 7), '#c2507e'],
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

/** Organisation names with a colour of their own meaning: not ranked, never branded. */
export const OTHER = 'Other';
/** The name `Unknown` carries in every report row (defined once, in src/lib/identity). */
export { UNKNOWN } from '../lib/identity/organisation-index.ts';

const SAFE_COLOUR =
  /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z]{3,20}|(rgb|rgba|hsl|hsla)\(\s*[0-9.,%\s/+-]+\))$/i;

/** True for a colour a config may give (hex, a named colour, rgb()/hsl()); nothing that escapes CSS. */
export function isSafeColour(value: string): boolean {
  return SAFE_COLOUR.test(value.trim());
}

/**
 * One colour per organisation for a whole report: brand colours from the project config first
 * (unsafe values are ignored), then the categorical palette in `ranking` order (the overall
 * ranking, largest first, so the top organisations get the clearest colours), then a neutral grey.
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
