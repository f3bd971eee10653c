/**
 * An author or committer line (`Name <email> 1234567890 +0530`) read the one way both engines
 * read it, so they store the same rows whatever a commit object holds:
 *
 * - Where git reads the line (`git log --format='%an%x00%ae%x00%ad' --date=raw` prints a date),
 *   the result is git's: the name is everything before the first `<` (white space before the `<`
 *   dropped), the address everything between that `<` and the first `>` after it, the time the
 *   digits after the line's last `>`. `<img src=x> <x@example.org> 1 +0000` is read, as git reads
 *   it, as the name "" and the address `img src=x`. A line holding a NUL byte is read, as git
 *   reads it, up to the NUL.
 * - Where git reads no date, Barometer reads what it can: a negative timestamp is a time before
 *   1970; a missing or unreadable time zone is UTC; a line without `<address>` is a name with the
 *   address ""; a NUL byte (when the line up to it is not readable) is read as U+FFFD.
 * - A line with no readable time (none, not a number, or outside the years 1–9999) cannot be
 *   read: the commit is left out and named at the end of the run.
 */
import type { MinedPerson } from './commit-source.ts';

/** Timestamps outside the years 1–9999 (seconds since the epoch) are not read as times. */
const EARLIEST_SECONDS = -62_135_596_800;
const LATEST_SECONDS = 253_402_300_799;

/** git's `isspace`: space, tab, newline, carriage return. */
const SPACE = /[ \t\n\r]/;

/** The instant of `digits` seconds (optionally negative), or null outside the years 1–9999. */
export function readSeconds(digits: string): Date | null {
  const seconds = Number(digits);
  if (!Number.isSafeInteger(seconds) || seconds < EARLIEST_SECONDS || seconds > LATEST_SECONDS) {
    return null;
  }
  return new Date(seconds * 1000);
}

/**
 * Minutes east of UTC of a zone `±HHMM` as git stores it (`sign`, then any digits, read as the
 * number HHMM): `+0530` → 330, `+05` → 5 (git prints it as `+0005`). A zone beyond ±99:99 (which
 * git prints as it is) is read as UTC, and so is `-0000`.
 */
export function readZone(sign: string, digits: string): number {
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > 9999) return 0;
  const minutes = Math.floor(value / 100) * 60 + (value % 100);
  return sign === '-' && minutes !== 0 ? -minutes : minutes;
}

const DATE_AFTER_ADDRESS = /^[ \t\n\r]*(\d+)[ \t\n\r]*([+-])(\d+)/;
const ANY_DATE_AFTER_ADDRESS = /^[ \t\n\r]*(-?\d+)(?:[ \t\n\r]*([+-])(\d+))?/;
const DATE_AT_END = /(?:^|[ \t\n\r])(-?\d+)(?:[ \t\n\r]+([+-])(\d+))?[ \t\n\r]*$/;

function trimEndSpace(text: string): string {
  let end = text.length;
  while (end > 0 && SPACE.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** The person of `name`, `email` and a date match (seconds, then zone sign and digits, if any). */
function person(name: string, email: string, date: RegExpExecArray | null): MinedPerson | null {
  const time = date ? readSeconds(date[1]!) : null;
  if (!date || !time) return null;
  return { name, email, time, utcOffsetMinutes: date[2] ? readZone(date[2], date[3]!) : 0 };
}

/**
 * A line with an `<address>` (git's split_ident_line: the first `<`, the first `>` after it), its
 * date matched by `pattern` after the line's last `>`; undefined when the line has no address.
 */
function readAddressed(line: string, pattern: RegExp): MinedPerson | null | undefined {
  const lt = line.indexOf('<');
  const gt = lt < 0 ? -1 : line.indexOf('>', lt + 1);
  if (gt < 0) return undefined;
  const date = pattern.exec(line.slice(line.lastIndexOf('>') + 1));
  return person(trimEndSpace(line.slice(0, lt)), line.slice(lt + 1, gt), date);
}

/** What can be read of a line git reads no date from; null when no time can be read. */
function readLeniently(line: string): MinedPerson | null {
  const addressed = readAddressed(line, ANY_DATE_AFTER_ADDRESS);
  if (addressed !== undefined) return addressed;
  const date = DATE_AT_END.exec(line);
  return person(date ? line.slice(0, date.index).trim() : '', '', date);
}

/**
 * Reads an author or committer line (the text after `author `), as the module comment says; null
 * when it has no readable time.
 */
export function readPersonLine(line: string): MinedPerson | null {
  const nul = line.indexOf('\0');
  // As git reads it (a date and a zone after the address, the line up to a NUL), when it can.
  const asGit = readAddressed(nul < 0 ? line : line.slice(0, nul), DATE_AFTER_ADDRESS);
  if (asGit) return asGit;
  return readLeniently(nul < 0 ? line : line.replaceAll('\0', '\uFFFD'));
}

/**
 * Reads git's raw date as `git log --date=raw` prints it (`<seconds> ±HHMM`); null for anything
 * else, for the epoch itself (git prints `0 +0000` for a date it cannot read) and for a time
 * outside the years 1–9999. The git CLI engine then reads the commit object itself.
 */
export function readRawDate(text: string): { time: Date; utcOffsetMinutes: number } | null {
  const match = /^(\d+) ([+-])(\d{4,})$/.exec(text);
  if (!match || match[1] === '0') return null;
  const time = readSeconds(match[1]!);
  return time && { time, utcOffsetMinutes: readZone(match[2]!, match[3]!) };
}
