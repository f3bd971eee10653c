/**
 * The weather report as one self-contained HTML file: the sentences a speaker reads, each beside the
 * figure that backs it, with figures, styles and font inline. Prints well to PDF (one figure never
 * splits across pages). Every string from the data is escaped.
 */
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { FigureName, FigureSpec } from '../../charts/index.ts';
import { FONT_STACK, THEMES, type ThemeName } from '../../charts/palette.ts';
import { FIGURE_SIZES, type FigureSizeName } from './figure-size.ts';
import { fontFaceCss } from './font.ts';
import { loadCharts } from './load-charts.ts';
import { renderFigureMarkup } from './standalone-svg.ts';

/** Options of `renderHtmlReport`. */
export interface HtmlReportOptions {
  /** Default: `blog` (figures are drawn at its aspect ratio and scale to the page). */
  size?: FigureSizeName;
  /** Default: `light`. */
  theme?: ThemeName;
  /** Brand colours by organisation (the project config's `colours`). Default: none. */
  colours?: Readonly<Record<string, string>>;
  /** What the data came from, for the source lines ("xen.git"). Default: the project's name. */
  source?: string;
}

/** Text as HTML text or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

/** Which figure backs a sentence: the first whose words the sentence uses, else none. */
export function figureForSentence(sentence: string): FigureName | null {
  const text = sentence.toLowerCase();
  if (/first (significant )?contribution|newcomer|twice as much|started to/.test(text))
    return 'newcomers';
  if (/review/.test(text)) return 'reviews-against-commits';
  if (/last 12 months/.test(text)) return 'last-12-months';
  if (/\btop\b|organisation/.test(text)) return 'top-organisations';
  if (/grow|grew|commits|year/.test(text)) return 'commits-by-year';
  return null;
}

const dateFormat = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];
  const more = ['September', 'October', 'November', 'December'];
  return `${d} ${[...months, ...more][(m ?? 1) - 1] ?? ''} ${y}`;
};

/** The whole report as one HTML document (UTF-8 text). */
export async function renderHtmlReport(
  report: WeatherReport,
  options: HtmlReportOptions = {},
): Promise<string> {
  const charts = await loadCharts();
  const { width, height } = FIGURE_SIZES[options.size ?? 'blog'];
  const theme = THEMES[options.theme ?? 'light'];
  const specs: FigureSpec[] = charts.reportFigures(report, {
    width,
    height,
    colours: options.colours ?? {},
    ...(options.source !== undefined ? { source: options.source } : {}),
  });
  const bySentence = new Map<FigureName, string[]>();
  const unplaced: string[] = [];
  for (const sentence of report.sentences) {
    const figure = figureForSentence(sentence);
    if (figure) bySentence.set(figure, [...(bySentence.get(figure) ?? []), sentence]);
    else unplaced.push(sentence);
  }
  const sections: string[] = [];
  for (const spec of specs) {
    const svg = (await renderFigureMarkup(spec, theme))
      .replace(/\swidth="\d+"\s+height="\d+"(?=[^>]*role="img")/, '')
      .replace(/^<svg\b/, '<svg preserveAspectRatio="xMidYMid meet"');
    const said = (bySentence.get(spec.name) ?? [])
      .map((s) => `<p class="sentence">${escapeHtml(s)}</p>`)
      .join('\n');
    sections.push(
      `<section class="figure" id="${spec.name}">\n${said}\n<figure>${svg}</figure>\n</section>`,
    );
  }
  const title = `${report.project}: community weather report`;
  const period = `${dateFormat(report.since)} to the day before ${dateFormat(report.asOf)}`;
  const fonts = await fontFaceCss();
  const filters = [
    report.filters.repositories.length > 0
      ? `repositories: ${report.filters.repositories.join(', ')}`
      : '',
    report.filters.paths.length > 0 ? `paths: ${report.filters.paths.join(', ')}` : '',
  ].filter(Boolean);
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
.summary li { margin: .25rem 0; }
.sentence { font-size: 1.15rem; margin: 1.5rem 0 .5rem; overflow-wrap: anywhere; }
figure { margin: 0 0 2rem; }
figure svg { display: block; width: 100%; height: auto; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; background: ${theme.background}; }
  .figure { break-inside: avoid; page-break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(`${period} · as of ${dateFormat(report.asOf)}${filters.length ? ` · ${filters.join('; ')}` : ''}`)}</p>
</header>
<main>
${unplaced.length > 0 ? `<ul class="summary">${unplaced.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : ''}
${sections.join('\n')}
</main>
</body>
</html>
`;
}
