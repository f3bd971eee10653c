import type { WeatherReport } from './weather-report.ts';

/** weather.json: the report as JSON, two-space indented, with a final newline. */
export function renderJson(report: WeatherReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
