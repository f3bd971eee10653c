/**
 * The weather report as one self-contained HTML file: the sentences a speaker reads, each followed by
 * the figures it supports (the same order as weather.md), with figures, styles and font inline.
 * Prints well to PDF (a figure never splits across pages). Every string from the data is escaped.
 */
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import { FIGURE_NAMES, type FigureName } from '../../lib/report/figure-name.ts';
import { reportFigures } from '../../lib/report/report-figures.ts';
import { reportSentences } from '../../lib/report/report-sentences.ts';
import { scopeLine } from '../../lib/report/render-text.ts';
import { FONT_STACK, THEMES, type ThemeName } from '../../charts/palette.ts';
import { FIGURE_SIZES, type FigureSizeName } from './figure-size.ts';
import { fontFaceCss } from './font.ts';
import { renderFigureMarkup } from './standalone-svg.ts';

/** Options of `renderHtmlReport`. */
export interface HtmlReportOptions {
  /** Default: `blog` (figures are drawn at its aspect ratio and scale to the page). */
  size?: FigureSizeName;
  /** Default: `light`. */
  theme?: ThemeName;
  /** Brand colours by organisation (the project config's `colours`). Default: none. */
  colours?: Readonly<Record<string, string>>;
  /** What the data came from, for the source lines ("xen"). Default: the project's name. */
  source?: string;
  /** The order organisations get the palette's colours in (the whole history's ranking). */
  colourOrder?: readonly string[];
}

/** Text as HTML text or a double-quoted attribute value. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

/** The whole report as one HTML document (UTF-8 text). */
export async function renderHtmlReport(
  report: WeatherReport,
  options: HtmlReportOptions = {},
): Promise<string> {
  const size = FIGURE_SIZES[options.size ?? 'blog'];
  const theme = THEMES[options.theme ?? 'light'];
  const specs = reportFigures(report, {
    colours: options.colours ?? {},
    ...(options.source !== undefined ? { source: options.source } : {}),
    ...(options.colourOrder ? { colourOrder: options.colourOrder } : {}),
  });
  const rendered = new Map<FigureName, string>();
  for (const spec of specs) {
    // Scales to the column: the viewBox stays, the fixed width and height go.
    const svg = (await renderFigureMarkup(spec, size, theme)).replace(
      /^<svg\b([^>]*?)\swidth="\d+"\s+height="\d+"/,
      '<svg$1',
    );
    rendered.set(spec.name, svg);
  }
  const blocks: string[] = [];
  const placed = new Set<FigureName>();
  const figureBlock = (name: FigureName) => {
    const svg = rendered.get(name);
    if (!svg || placed.has(name)) return;
    placed.add(name);
    blocks.push(`<figure id="${name}">${svg}</figure>`);
  };
  for (const sentence of reportSentences(report)) {
    blocks.push(`<p class="sentence">${escapeHtml(sentence.text)}</p>`);
    sentence.figures.forEach(figureBlock);
  }
  FIGURE_NAMES.forEach(figureBlock);
  const title = `Weather report: ${report.project}`;
  const fonts = await fontFaceCss();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="${theme.name}">
<title>${escapeHtml(title)}</title>
<style>
${fonts}
:root { color-scheme: ${theme.name}; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; background: ${theme.background};
  color: ${theme.text}; font: 16px/1.5 ${FONT_STACK}; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; font-weight: 600; overflow-wrap: anywhere; }
.meta { color: ${theme.muted}; margin: 0 0 1.5rem; overflow-wrap: anywhere; }
.sentence { font-size: 1.15rem; margin: 1.5rem 0 .75rem; overflow-wrap: anywhere; }
figure { margin: 0 0 2rem; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; }
  .sentence { break-after: avoid; page-break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(`${scopeLine(report)}.`)}</p>
</header>
<main>
${blocks.join('\n')}
</main>
</body>
</html>
`;
}
