/** UTC calendar days as `YYYY-MM-DD` strings: checking and spelling them out. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** True when `text` is a real calendar day `YYYY-MM-DD` (2018-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The parts of a calendar day: year, month 1–12, day 1–31. */
export function dayParts(day: string): { year: number; month: number; day: number } {
  return {
    year: Number(day.slice(0, 4)),
    month: Number(day.slice(5, 7)),
    day: Number(day.slice(8, 10)),
  };
}

/** The day `days` days after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The English name of month 1–12: `monthName(11)` → `November`. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** `2016-11-08` → `November 2016`. */
export function monthAndYear(day: string): string {
  const { year, month } = dayParts(day);
  return `${monthName(month)} ${year}`;
}

/** `2018-06-14` → `14 June 2018`; with `withYear` false → `14 June`. */
export function longDay(day: string, withYear = true): string {
  const parts = dayParts(day);
  return `${parts.day} ${monthName(parts.month)}${withYear ? ` ${parts.year}` : ''}`;
}
