/** Dates in affiliation maps: `YYYY-MM-DD`, a UTC day. */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The UTC midnight starting day `text` (`YYYY-MM-DD`), or null when `text` is not a real calendar
 * day (`2015-02-30`, `2015-1-1`, `yesterday`).
 */
export function parseMapDate(text: string): Date | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return date;
}
