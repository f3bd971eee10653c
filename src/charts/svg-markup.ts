/**
 * Chart markup (as `svelte/server` renders it, or as the dashboard serialises a mounted chart) made
 * into standalone SVG: the theme's concrete colours instead of CSS variables, no Svelte comments,
 * rounded coordinates, and text that any XML parser accepts. Pure string functions.
 */
import { showControlCharacters } from '../lib/control-characters.ts';
import { cssVariables, type Theme } from './palette.ts';

/** A start or end tag, quoted attribute values (which may hold `>`) included. */
const TAG = /<[a-zA-Z/?!][^">]*(?:"[^"]*"[^">]*)*>/g;

/** Applies `inTag` to every tag and `inText` to the text between tags. */
function mapMarkup(
  markup: string,
  inTag: (tag: string) => string,
  inText: (text: string) => string = (text) => text,
): string {
  let out = '';
  let last = 0;
  for (const match of markup.matchAll(TAG)) {
    out += inText(markup.slice(last, match.index)) + inTag(match[0]);
    last = match.index + match[0].length;
  }
  return out + inText(markup.slice(last));
}

/**
 * Replaces every `var(--bm-…[, fallback])` in the tags of `markup` by `theme`'s concrete value
 * (the fallback for names the theme does not know), for renderers without CSS variables (resvg)
 * and for files that must look the same wherever they are pasted. Text is left as the data said.
 */
export function resolveCssVariables(markup: string, theme: Theme): string {
  const vars = cssVariables(theme);
  return mapMarkup(markup, (tag) =>
    tag.replace(
      /var\(\s*(--bm-[a-z0-9-]+)\s*(?:,\s*((?:[^()]|\([^()]*\))*))?\)/g,
      (whole, name: string, fallback: string | undefined) =>
        vars[name] ?? fallback?.trim() ?? whole,
    ),
  );
}

/** Rounds long decimals in attribute values (`498.6500000000001` → `498.65`); text is left alone. */
function roundAttributes(markup: string): string {
  return mapMarkup(markup, (tag) =>
    tag.replace(/="([^"]*)"/g, (whole, value: string) =>
      /\d\.\d{3,}/.test(value)
        ? `="${value.replace(/(-?\d+\.\d{2})\d+/g, (_m, kept: string) => String(Number(kept)))}"`
        : whole,
    ),
  );
}

/**
 * Standalone SVG markup of a rendered chart for `theme`: Svelte's comments removed, colours
 * resolved, coordinates rounded, and `>` escaped in text and attribute values (XML forbids `]]>`
 * in text, and no `>` from the data is left for a careless consumer to misread). Control
 * characters from the data, which XML forbids, are shown as symbols (see showControlCharacters).
 */
export function standaloneMarkup(markup: string, theme: Theme): string {
  // Data strings are escaped, so `<!--` only ever starts one of Svelte's own comments.
  const bare = markup.replace(/<!--[\s\S]*?-->/g, '').trim();
  const xmlText = (text: string) => showControlCharacters(text.replace(/>/g, '&gt;'));
  const xmlSafe = mapMarkup(
    bare,
    (tag) => tag.replace(/="([^"]*)"/g, (_m, value: string) => `="${xmlText(value)}"`),
    xmlText,
  );
  return roundAttributes(resolveCssVariables(xmlSafe, theme));
}
