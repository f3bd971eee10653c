/** How figures read in sentences and tables: thousands separators, percentages, spelled numbers. */
import { dayParts, longDay } from './calendar-day.ts';

const WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** `12345` → `12,345` (independent of the machine's locale). */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A fraction as a whole percentage: `0.1104` → `11%`; a non-zero share under 0.5% → `under 1%`. */
export function formatPercent(fraction: number): string {
  const percent = Math.round(Math.abs(fraction) * 100);
  if (percent === 0 && fraction !== 0) return 'under 1%';
  return `${percent}%`;
}

/** A fraction with one decimal for tables: `0.4` → `40.0%`. */
export function formatPercentPrecise(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** 0–12 in words, larger numbers in digits: `5` → `five`. */
export function spellNumber(n: number): string {
  return WORDS[n] ?? formatCount(n);
}

/** `1 commit`, `2 commits`, with thousands separators. */
export function plural(n: number, word: string): string {
  return `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** `A`, `A and B`, `A, B and C`. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * How a rate reads after "Commits": `grew 11%`, `shrank 5%`, or `stayed level` when it rounds to 0%.
 */
export function growthVerb(rate: number): string {
  const percent = Math.round(Math.abs(rate) * 100);
  if (percent === 0) return 'stayed level';
  return `${rate > 0 ? 'grew' : 'shrank'} ${percent}%`;
}

/**
 * How a ratio of at least 2 reads: `twice` (2.0), `about twice` (under 2.5), `three times` (3.0),
 * `about three times` (2.5 to 3.5), ... — "about" unless the ratio rounds to the whole number.
 */
export function multipleWords(ratio: number): string {
  const whole = Math.round(ratio);
  const exact = Math.abs(ratio - whole) < 0.05;
  const word = whole === 2 ? 'twice' : `${spellNumber(whole)} times`;
  return exact ? word : `about ${word}`;
}

/** "since 2011" when `since` is 1 January, else "since 14 March 2011". */
export function sincePhrase(since: string): string {
  const { month, day, year } = dayParts(since);
  return month === 1 && day === 1 ? `since ${year}` : `since ${longDay(since)}`;
}
