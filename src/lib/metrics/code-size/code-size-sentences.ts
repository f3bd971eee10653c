/**
 * The weather report's sentences about code size: each area with a target at the latest point
 * ("Xen on Arm is 41,200 lines of C and assembly at RELEASE-4.11.0 (target 45,000)"), or, without
 * targets, each repository as a whole; and who changed a target area's lines in the last full year.
 */
import type { CodeSizeRow } from './code-size.ts';
import type { LinesByAreaRow } from '../lines-by-area/lines-by-area.ts';
import { formatCount, formatPercent, joinNames } from '../../report/format-figures.ts';

/** What the sentences read of the report. */
export interface CodeSizeFigures {
  asOf: string;
  codeSize?: readonly CodeSizeRow[];
  linesByArea?: readonly LinesByAreaRow[];
}

/** Languages as a speaker names them: headers count as C, both shells as shell. */
const SPOKEN: Record<string, string> = {
  'C/C++ Header': 'C',
  Assembly: 'assembly',
  'Bourne Shell': 'shell',
  'Bourne Again Shell': 'shell',
};

/**
 * Code lines by spoken language name, largest first: the languages holding at least 1% of the
 * code lines (Text is not code), so a Makefile does not turn "C and assembly" into a list.
 */
function languages(rows: readonly CodeSizeRow[]): Array<{ name: string; code: number }> {
  const byName = new Map<string, number>();
  for (const row of rows) {
    if (row.language === 'Text') continue;
    const name = SPOKEN[row.language] ?? row.language;
    byName.set(name, (byName.get(name) ?? 0) + row.code);
  }
  const total = [...byName.values()].reduce((sum, code) => sum + code, 0);
  return [...byName]
    .map(([name, code]) => ({ name, code }))
    .filter((l) => l.code > 0 && l.code >= total / 100)
    .sort((a, b) => b.code - a.code || (a.name < b.name ? -1 : 1));
}

/** Version order: `RELEASE-4.9.2` < `RELEASE-4.10.0`, `2017` < `2018`. */
export function naturalCompare(a: string, b: string): number {
  const parts = (s: string) => s.split(/(\d+)/);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i]!, y[i]!];
    const numeric = i % 2 === 1;
    const d = numeric ? Number(p) - Number(q) : p < q ? -1 : p > q ? 1 : 0;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** `C and assembly`; `C, assembly, Python and 3 other languages` past three. */
function languageList(names: readonly string[]): string {
  if (names.length <= 3) return joinNames([...names]);
  const rest = names.length - 3;
  return `${names.slice(0, 3).join(', ')} and ${rest} other language${rest === 1 ? '' : 's'}`;
}

/**
 * The rows of one area (null: the whole) at each point of one kind — tags when there are any, else
 * the periods — in version order (`RELEASE-4.9.2` before `RELEASE-4.10.0`), so the last is the
 * latest release and the one before it its predecessor, whatever their dates.
 */
function byPoint(rows: readonly CodeSizeRow[], repository: string, area: string | null) {
  const mine = rows.filter((row) => row.repository === repository && row.area === area);
  const kind = mine.some((row) => row.kind === 'tag') ? 'tag' : mine[0]?.kind;
  const points = new Map<string, CodeSizeRow[]>();
  for (const row of mine) {
    if (row.kind !== kind) continue;
    const list = points.get(row.at);
    if (list) list.push(row);
    else points.set(row.at, [row]);
  }
  return [...points.entries()].sort(([a], [b]) => naturalCompare(a, b)).map(([, list]) => list);
}

/** Code lines of `rows` in the spoken languages `names` (every language but Text without it). */
export function codeLines(rows: readonly CodeSizeRow[], names?: ReadonlySet<string>): number {
  let sum = 0;
  for (const row of rows) {
    const name = SPOKEN[row.language] ?? row.language;
    if (row.language !== 'Text' && (!names || names.has(name))) sum += row.code;
  }
  return sum;
}

/** "Arm is 41,200 lines of C and assembly at RELEASE-4.11.0 (target 45,000), up from 39,800 at RELEASE-4.10.0." */
function targetSentence(rows: readonly CodeSizeRow[], name: (s: string) => string): string | null {
  const points = byPoint(rows, rows[0]!.repository, rows[0]!.area);
  const last = points.at(-1);
  if (!last) return null;
  const head = last[0]!;
  const spoken = languages(last);
  if (spoken.length === 0) return null;
  // The languages named are the ones counted, at both points.
  const named = new Set(spoken.map((l) => l.name));
  const code = codeLines(last, named);
  let text =
    `${name(head.area!)} is ${formatCount(code)} lines of ${languageList(spoken.map((l) => l.name))}` +
    ` at ${name(head.at)} (target ${formatCount(head.target!)})`;
  const before = points.at(-2);
  if (before) {
    const earlier = codeLines(before, named);
    const word = code > earlier ? 'up from' : code < earlier ? 'down from' : 'as';
    text += `, ${word} ${formatCount(earlier)} at ${name(before[0]!.at)}`;
  }
  return `${text}.`;
}

/** "xen.git is 612,345 lines of code at RELEASE-4.19.0, 78% of them C." */
function wholeSentence(
  rows: readonly CodeSizeRow[],
  repository: string,
  name: (s: string) => string,
): string | null {
  const last = byPoint(rows, repository, null).at(-1);
  if (!last) return null;
  const top = languages(last)[0];
  const code = codeLines(last);
  if (!top || code === 0) return null;
  return (
    `${name(repository)} is ${formatCount(code)} lines of code at ${name(last[0]!.at)}` +
    `, ${formatPercent(top.code / code)} of them ${top.name}.`
  );
}

/** "In 2017, 6,013 lines were added to Arm and 2,408 removed; Arm wrote 75% of the added lines." */
function changeSentence(
  rows: readonly LinesByAreaRow[],
  area: string,
  year: number,
  name: (s: string) => string,
): string | null {
  const inYear = rows.filter((row) => row.area === area && row.year === year);
  const added = inYear.reduce((sum, row) => sum + row.added, 0);
  const removed = inYear.reduce((sum, row) => sum + row.removed, 0);
  if (added + removed === 0) return null;
  let text =
    `In ${year}, ${formatCount(added)} lines were added to ${name(area)} and ` +
    `${removed === 0 ? 'none' : formatCount(removed)} removed`;
  const lead = inYear
    .filter((row) => row.organisation !== 'Unknown' && row.organisation !== 'Other')
    .sort((a, b) => b.added - a.added || (a.organisation < b.organisation ? -1 : 1))[0];
  if (lead && lead.added > 0 && added > 0)
    text += `; ${name(lead.organisation)} wrote ${formatPercent(lead.added / added)} of the added lines`;
  return `${text}.`;
}

/** Each area with a code-line target, at the latest point counted, by repository and area. */
function targetedAreas(rows: readonly CodeSizeRow[]): CodeSizeRow[][] {
  const targeted = new Map<string, CodeSizeRow[]>();
  for (const row of rows) {
    if (row.area === null || row.target === null) continue;
    const key = `${row.repository}\0${row.area}`;
    const list = targeted.get(key);
    if (list) list.push(row);
    else targeted.set(key, [row]);
  }
  return [...targeted.values()];
}

/**
 * The code-size sentences: one per area with a target (at the latest point counted), else one per
 * repository. `name` formats names from the data (plain text by default).
 */
export function codeSizeSentences(
  report: CodeSizeFigures,
  name: (s: string) => string = (s) => s,
): string[] {
  const rows = report.codeSize ?? [];
  const targeted = targetedAreas(rows);
  const sentences: string[] = [];
  if (targeted.length > 0) {
    for (const list of targeted) {
      const sentence = targetSentence(list, name);
      if (sentence) sentences.push(sentence);
    }
  } else {
    for (const repository of new Set(rows.map((row) => row.repository))) {
      const sentence = wholeSentence(rows, repository, name);
      if (sentence) sentences.push(sentence);
    }
  }
  return sentences;
}

/**
 * For each area with a code-line target, who changed its lines in the last full year before
 * as-of.
 */
export function linesByAreaSentences(
  report: CodeSizeFigures,
  name: (s: string) => string = (s) => s,
): string[] {
  const year = Number(report.asOf.slice(0, 4)) - 1;
  const sentences: string[] = [];
  for (const area of new Set(targetedAreas(report.codeSize ?? []).map((list) => list[0]!.area!))) {
    const sentence = changeSentence(report.linesByArea ?? [], area, year, name);
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}
