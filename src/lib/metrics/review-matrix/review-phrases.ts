/** Words the review figures' sentences share: the areas they speak of and the year. */
import { joinNames } from '../../report/format-figures.ts';
import type { NameFormat } from '../report-metric.ts';

/** `x86`, `x86 and Arm`: the areas a report is narrowed to, or '' for none. */
export function areaPhrase(areas: readonly string[], name: NameFormat): string {
  return joinNames(areas.map(name));
}

/** `in 2017`, or `so far in 2018` for the year the as-of date cuts (not yet over). */
export function yearPhrase(year: number, asOf: string): string {
  const cut = Number(asOf.slice(0, 4)) === year && asOf.slice(5) !== '01-01';
  return cut ? `so far in ${year}` : `in ${year}`;
}
