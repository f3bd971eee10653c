/**
 * Dates of mail: the RFC 5322 `Date:` header (with its obsolete forms: two-digit years, named
 * zones, comments) and the asctime-style date of an mbox `From ` line. Parsed here rather than by
 * `Date.parse`, which guesses at anything and reads a date without a zone in the machine's own
 * time zone; a date this module cannot read is "unreadable" and the archive's time stands in.
 */

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** Named zones of RFC 5322 (obs-zone), in minutes east of UTC. Military letters count as -0000. */
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};

/** Two- and three-digit years as RFC 5322 reads them (obs-year). */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  if (text.length === 3) return 1900 + year;
  return year;
}

/** Minutes east of UTC of a zone token, null when it is not one; undefined (no zone) is UTC. */
function zoneMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === '') return 0;
  const numeric = /^([+-])(\d\d):?(\d\d)$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[3]) > 59) return null;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  if (/^[a-ik-z]$/i.test(zone)) return 0;
  return null;
}

/** Milliseconds since the epoch of a UTC wall time shifted by `zone`, or null when out of range. */
function instant(
  year: number,
  month: number,
  day: number,
  clock: string,
  zone: number,
): number | null {
  const time = /^(\d{1,2}):(\d\d)(?::(\d\d))?$/.exec(clock);
  if (!time) return null;
  const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 60 || day < 1 || year < 1900 || year > 9999) return null;
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 February over into March: such a day does not exist.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms - zone * 60_000;
}

/**
 * Milliseconds since the epoch of a `Date:` header value, or null when it cannot be read:
 * `[Day,] DD Mon YYYY HH:MM[:SS] [zone]` with comments and extra white space ignored, a missing
 * zone read as UTC, and also the asctime form `Day Mon DD HH:MM:SS YYYY`.
 */
export function parseMailDate(value: string | undefined | null): number | null {
  if (!value) return null;
  const text = value
    .replace(/\([^()]*\)/g, ' ')
    .replace(/,/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => !/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i.test(word));
  // DD Mon YYYY HH:MM[:SS] [zone]
  if (text.length >= 4 && /^\d{1,2}$/.test(text[0]!)) {
    const month = MONTHS[text[1]!.slice(0, 3).toLowerCase()];
    if (month === undefined || !/^\d{2,4}$/.test(text[2]!)) return null;
    const zone = zoneMinutes(text[4]);
    if (zone === null || text.length > 5) return null;
    return instant(fullYear(text[2]!), month, Number(text[0]), text[3]!, zone);
  }
  // asctime: Mon DD HH:MM:SS YYYY [zone]
  if (text.length >= 4 && /^[a-z]{3}/i.test(text[0]!)) {
    const month = MONTHS[text[0]!.slice(0, 3).toLowerCase()];
    if (month === undefined || !/^\d{1,2}$/.test(text[1]!) || !/^\d{4}$/.test(text[3]!))
      return null;
    const zone = zoneMinutes(text[4]);
    if (zone === null || text.length > 5) return null;
    return instant(Number(text[3]), month, Number(text[1]), text[2]!, zone);
  }
  return null;
}
