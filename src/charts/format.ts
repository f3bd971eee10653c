/**
 * Number, share and date formats of every chart label, so a figure reads the same in the dashboard,
 * the SVG export and the Markdown report.
 */
import { format } from 'd3';
import { addDays, longDay } from '../lib/report/calendar-day.ts';

const thousands = format(',');
const compact = format('~s');
const percent = format('.0%');
const percentFine = format('.1%');

/** A count with thousands separators: `12345` → `12,345`. */
export function formatCount(value: number): string {
  return thousands(Math.round(value));
}

/** A value that may have a fraction (days, a mean): one decimal below 10 (`1.63` → `1.6`), else a count. */
export function formatValue(value: number): string {
  return Math.abs(value) < 10 && !Number.isInteger(value)
    ? String(Math.round(value * 10) / 10)
    : formatCount(value);
}

/** An axis tick: counts below 10,000 in full, larger ones compact (`12k`, `1.5M`). */
export function formatTick(value: number): string {
  return Math.abs(value) < 10_000 ? thousands(value) : compact(value).replace('G', 'B');
}

/** A share (fraction 0..1) as a percentage: `0.314` → `31%`; small non-zero shares keep a decimal. */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '–';
  if (share > 0 && share < 0.001) return '<0.1%';
  if (share > 0 && share < 0.095) return percentFine(share).replace('.0%', '%');
  return percent(share);
}

/** A change (fraction) with its sign: `0.11` → `+11%`, `-0.05` → `−5%`, null → `–`. */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '–';
  const rounded = Math.round(change * 100);
  if (rounded === 0) return '±0%';
  return `${rounded > 0 ? '+' : '\u2212'}${Math.abs(rounded)}%`;
}

/**
 * The smallest value of the year before for which a bar is labelled with its change: below it
 * (one or two commits) a percentage says more about chance than about the project (`+9100%`),
 * so the label is left out; the exact figures stay in the bar's hover text.
 */
export const MIN_CHANGE_BASE = 10;

/** The change from `previous` to `value` (fraction), or null when the base is under {@link MIN_CHANGE_BASE}. */
export function changeOn(value: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || previous < MIN_CHANGE_BASE) return null;
  return value / previous - 1;
}

/** Words a unit's first word is made singular after: "organisations for half of …" → "organisation for …". */
const UNIT_BREAK = /\s(?:for|of|per|in|by|to)\s/;

/**
 * A count with its unit, singular for one: `formatAmount(1, 'reviews')` → `1 review`,
 * `formatAmount(1, 'active contributors')` → `1 active contributor`, `(2, 'hours')` → `2 hours`.
 */
export function formatAmount(value: number, unit: string): string {
  if (Math.round(value) !== 1) return `${formatCount(value)} ${unit}`;
  const cut = UNIT_BREAK.exec(unit);
  const head = cut ? unit.slice(0, cut.index) : unit;
  const tail = cut ? unit.slice(cut.index) : '';
  return `1 ${head.replace(/ies$/, 'y').replace(/s$/, '')}${tail}`;
}

/** How a change label is coloured. */
export type ChangeTone = 'positive' | 'negative' | 'muted';

/** The tone of a change (fraction): `muted` when null or when it reads `±0%`, else by its sign. */
export function changeTone(change: number | null): ChangeTone {
  if (change === null || Math.round(change * 100) === 0) return 'muted';
  return change > 0 ? 'positive' : 'negative';
}

/** A ratio: `2.43` → `×2.4`. */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  return `×${ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10}`;
}

/** True when `day` starts with a `YYYY-MM-DD` day (a timestamp's time part is ignored). */
function startsWithDay(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(day);
}

/** A UTC calendar day `2018-06-01` as `1 June 2018` (the text itself when it is not a day). */
export function formatDay(day: string): string {
  return startsWithDay(day) ? longDay(day.slice(0, 10)) : day;
}

/** The day before `day` (`2018-06-01` → `2018-05-31`): the last day of a half-open period. */
export function dayBefore(day: string): string {
  return startsWithDay(day) ? addDays(day.slice(0, 10), -1) : day;
}
