/**
 * weather.md: the sentences a speaker reads out, each figure's image after the sentence it
 * supports, then the main tables. Organisation names are escaped so they render as themselves.
 */
import { UNKNOWN } from '../identity/organisation-index.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { metrics } from '../metrics/registry.ts';
import type { FigureName } from './figure-name.ts';
import { formatCount, formatPercentPrecise } from './format-figures.ts';
import { reportSentences } from './report-sentences.ts';
import { scopeLine } from './render-text.ts';
import type { WeatherReport } from './weather-report.ts';

/** Options for {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Image files (relative to weather.md) of the figures drawn; a figure not named is not embedded. */
  figures?: Partial<Record<FigureName, string>>;
}

/** A link target that survives spaces and brackets. */
function imageTarget(file: string): string {
  return file.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The image of a figure, its metric's title as the alt text. */
function image(title: string, file: string): string {
  return `![${title}](${imageTarget(file)})`;
}

function rankingTable(
  organisations: Array<{ organisation: string; commits: number; share: number }>,
  unknown: { commits: number; share: number },
): string[] {
  const lines = ['| Rank | Organisation | Commits | Share |', '| ---: | --- | ---: | ---: |'];
  organisations.forEach((o, i) =>
    lines.push(
      `| ${i + 1} | ${escapeMarkdown(o.organisation)} | ${formatCount(o.commits)} | ${formatPercentPrecise(o.share)} |`,
    ),
  );
  if (unknown.commits > 0) {
    lines.push(
      `|  | ${UNKNOWN} | ${formatCount(unknown.commits)} | ${formatPercentPrecise(unknown.share)} |`,
    );
  }
  return lines;
}

/** The report as Markdown, ending with a newline. */
export function renderMarkdown(report: WeatherReport, options: MarkdownOptions = {}): string {
  const figures = options.figures ?? {};
  const out: string[] = [];
  out.push(`# Weather report: ${escapeMarkdown(report.project)}`, '');
  out.push(`${scopeLine(report, escapeMarkdown)}.`, '');
  const titles = new Map<FigureName, string>();
  for (const metric of metrics) {
    for (const figure of metric.figures) titles.set(figure.name, figure.title ?? metric.title);
  }
  const embedded = new Set<FigureName>();
  for (const sentence of reportSentences(report, escapeMarkdown)) {
    out.push(sentence.text, '');
    for (const name of sentence.figures) {
      const file = figures[name];
      if (file && !embedded.has(name)) {
        out.push(image(titles.get(name) ?? name, file), '');
        embedded.add(name);
      }
    }
  }
  for (const [name, title] of titles) {
    const file = figures[name];
    if (file && !embedded.has(name)) out.push(image(title, file), '');
  }

  out.push('## Commits by year', '', '| Year | Commits |', '| ---: | ---: |');
  for (const y of report.commitsByYear) {
    out.push(`| ${y.year}${y.partial ? ' (partial)' : ''} | ${formatCount(y.commits)} |`);
  }
  out.push('', `## Organisations since ${report.since}`, '');
  out.push(...rankingTable(report.topOrganisations, report.unknown));
  const recent = report.last12Months;
  out.push('', `## The last 12 months (${recent.from} to ${recent.to})`, '');
  out.push(...rankingTable(recent.organisations, recent.unknown));
  return `${out.join('\n')}\n`;
}
