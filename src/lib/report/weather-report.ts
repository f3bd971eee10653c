/**
 * The weather report's data: what `barometer report` writes as weather.json, what the text and the
 * figures are made from, and what the dashboard shows. Field names are a stable, documented format.
 * Shares and growth rates are fractions (0.4, not 40); dates are UTC calendar days `YYYY-MM-DD`;
 * growth is null where the earlier figure is zero. Its fields are those the registry's metrics give
 * (each documented in its metric's module), in the registry's order, so a report and its metrics
 * cannot drift apart.
 */
import type { WeatherFigures } from '../metrics/registry.ts';

export type { WeatherFigures } from '../metrics/registry.ts';
export type {
  OrganisationShare,
  UnknownShare,
} from '../metrics/top-organisations/top-organisations.ts';

/** A report: its scope, every metric's fields, and the sentences a speaker reads out, in order. */
export type WeatherReport<Figures extends WeatherFigures = WeatherFigures> = Figures & {
  sentences: string[];
};
