/** The words around every figure: the period under its heading and the source line at its foot. */
import { addDays, longDay } from '../report/calendar-day.ts';

/** "xen · 1 January 2011 – 31 May 2018" for a half-open period [from, to). */
export function periodSubtitle(project: string, from: string, to: string): string {
  return `${project} · ${longDay(from)} – ${longDay(addDays(to, -1))}`;
}

/** "Source: xen.git, as of 1 June 2018". */
export function sourceLine(source: string, asOf: string): string {
  return `Source: ${source}, as of ${longDay(asOf)}`;
}
