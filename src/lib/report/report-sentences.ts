/**
 * The weather report's sentences, each stated from a figure of the report by the metric that owns
 * it (see each metric's module) and tied to the figures it supports, in the registry's order.
 */
import { metrics } from '../metrics/registry.ts';
import type { NameFormat, Registry, ReportSentence } from '../metrics/report-metric.ts';
import { plainName } from './escape-markdown.ts';
import type { WeatherFigures } from './weather-report.ts';

export type { ReportSentence } from '../metrics/report-metric.ts';
export type { WeatherFigures } from './weather-report.ts';

/**
 * The sentences of a report, in reading order. `name` formats organisation names (plain text by
 * default; Markdown passes its escaper).
 */
export function reportSentences<Report extends WeatherFigures>(
  report: Report,
  name: NameFormat = plainName,
  registry: Registry<Report> = metrics,
): ReportSentence[] {
  return registry.flatMap((metric) => metric.sentences(report, name));
}
