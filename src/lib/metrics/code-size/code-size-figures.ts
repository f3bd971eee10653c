/**
 * The code-size figures: code lines per area over the counted points with each area's target as a
 * level line, and one area's lines added and removed per year by organisation.
 */
import type { NamedPointValue } from '../../figures/chart-spec.ts';
import type { DrawnFigure, ReportScope } from '../report-metric.ts';
import type { CommitsByYearFields } from '../commits-by-year/commits-by-year.ts';
import type { LinesByAreaRow } from '../lines-by-area/lines-by-area.ts';
import type { CodeSizeRow } from './code-size.ts';
import { codeLines, naturalCompare } from './code-size-sentences.ts';
import { periodSubtitle } from '../../figures/figure-frame.ts';

/** What the figures read of the report. */
interface CodeSizeReport extends ReportScope {
  codeSize: readonly CodeSizeRow[];
}

/** The areas with a target, in the order their rows come. */
function targetedAreas(rows: readonly CodeSizeRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.area !== null && r.target !== null ? [r.area] : [])))];
}

/**
 * Code lines (every language but Text) at each point, one line per area: the areas the report is
 * narrowed to, else those with a target, else each repository's whole. Tags when any point is a
 * tag, else the periods, in version order (`RELEASE-4.9.2` before `RELEASE-4.10.0`).
 */
export function codeSizeFigure(report: CodeSizeReport): DrawnFigure {
  const named = report.filters.areas;
  const targeted = targetedAreas(report.codeSize);
  const areas = new Set<string | null>(
    named.length > 0 ? named : targeted.length > 0 ? targeted : [null],
  );
  const kind = report.codeSize.some((r) => r.kind === 'tag') ? 'tag' : report.codeSize[0]?.kind;
  const mine = report.codeSize.filter((r) => r.kind === kind && areas.has(r.area));
  const repositories = new Set(mine.map((r) => r.repository));
  const lineName = (r: CodeSizeRow) =>
    r.area === null ? r.repository : repositories.size > 1 ? `${r.repository}: ${r.area}` : r.area;
  const groups = new Map<string, CodeSizeRow[]>();
  for (const row of mine) {
    const key = `${lineName(row)}\u0000${row.at}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const rows: NamedPointValue[] = [...groups.values()].map((list) => ({
    point: list[0]!.at,
    name: lineName(list[0]!),
    value: codeLines(list),
  }));
  const points = [...new Set(rows.map((r) => r.point))].sort(naturalCompare);
  const targets = [
    ...new Map(
      mine.flatMap((r) =>
        r.area !== null && r.target !== null ? [[lineName(r), r.target] as const] : [],
      ),
    ),
  ].map(([name, value]) => ({ name, value }));
  const only = areas.size === 1 ? [...areas][0] : undefined;
  return {
    title: only ? `Code lines of ${only}` : only === null ? 'Code lines' : 'Code lines by area',
    subtitle:
      points.length > 0
        ? `${report.project} · ${points[0]} to ${points[points.length - 1]}`
        : report.project,
    chart: {
      chart: 'point-lines',
      points,
      rows,
      targets,
      unit: 'code lines',
      top: Math.max(report.top, areas.size),
      ownColours: true,
      note: "Code lines by cloc's rules, every language but text; a dashed line is a target.",
    },
  };
}

/**
 * The area whose changed lines a figure shows: the first the report is narrowed to, else the first
 * with a code-size target, else the one with the most lines added and removed.
 */
function shownArea(report: CodeSizeReport & { linesByArea: readonly LinesByAreaRow[] }) {
  const named = report.filters.areas[0] ?? targetedAreas(report.codeSize)[0];
  if (named !== undefined) return named;
  const totals = new Map<string, number>();
  for (const r of report.linesByArea)
    totals.set(r.area, (totals.get(r.area) ?? 0) + r.added + r.removed);
  return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

/** One area's lines added (up) and removed (down) per year by organisation. */
export function linesByAreaFigure(
  report: CodeSizeReport & CommitsByYearFields & { linesByArea: readonly LinesByAreaRow[] },
): DrawnFigure {
  const area = shownArea(report);
  const areas = new Set(report.linesByArea.map((r) => r.area)).size;
  return {
    title: area === null ? 'Lines added and removed' : `Lines added and removed in ${area}`,
    subtitle: periodSubtitle(report.project, report.since, report.asOf),
    chart: {
      chart: 'year-updown',
      rows: report.linesByArea
        .filter((r) => r.area === area)
        .map((r) => ({ year: r.year, name: r.organisation, up: r.added, down: r.removed })),
      top: report.top,
      upUnit: 'lines added',
      downUnit: 'lines removed',
      partialYear: report.commitsByYear.find((r) => r.partial)?.year ?? null,
      note:
        areas > 1
          ? `One area of ${areas}; narrow the report to another area to see it.`
          : 'Lines of the changed files in the area, by the organisation of the commit.',
    },
  };
}
