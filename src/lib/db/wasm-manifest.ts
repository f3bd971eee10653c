/**
 * The manifest of a data export (`manifest.json` beside the Arrow files): what the dashboard reads
 * first, to know the project, the tables to load and how fresh the data is.
 */
import { BarometerError } from '../errors.ts';

/** One exported table. */
export interface ManifestTable {
  /** Table name in the database (`contributions`). */
  name: string;
  /** File name beside the manifest (`contributions.arrow`). */
  file: string;
  /** Rows written. */
  rows: number;
  /** File size in bytes. */
  bytes: number;
}

/** The view the dashboard opens with (its defaults), for which `report` was computed. */
export interface DefaultView {
  /** Exclusive end, `YYYY-MM-DD`: the earlier of the export's day and `dataUntil`. */
  asOf: string;
  /** `YYYY-01-01`, ten years before `asOf`'s year. */
  since: string;
  /** N of the top N. */
  top: number;
}

/**
 * A view named when the site was made (`barometer site --view summit=asOf:2018-06-01,since:2011`),
 * its weather report computed then, so a link to it (`?view=summit`, or its own parameters) opens
 * at once, without the browser's engine.
 */
export interface NamedView {
  /** Letters, digits, `-` and `_`. */
  name: string;
  /** Exclusive end, `YYYY-MM-DD`. */
  asOf: string;
  /** `YYYY-01-01`. */
  since: string;
  top: number;
  repositories: string[];
  /** Sub-project names (absent in exports made before sub-projects: none). */
  subprojects?: string[];
  paths: string[];
  /** Area names (absent in exports made before areas: none). */
  areas?: string[];
  kind: 'commits' | 'reviews';
  mode: 'counts' | 'shares';
  /** Its weather report beside the manifest (`views/summit.json`). */
  report: string;
}

/** The name rule of a named view. */
export const VIEW_NAME = /^[A-Za-z0-9_-]{1,40}$/;

/** `manifest.json`: format version 1. */
export interface DataManifest {
  format: 'barometer-data';
  version: 1;
  /** Project name (from the config, or the database file's name). */
  project: string;
  /** UTC instant the export was written, ISO 8601. */
  exportedAt: string;
  /**
   * The day after the last contribution (UTC, `YYYY-MM-DD`): the default as-of date, so the
   * figures end where the data ends. Null when there are no contributions.
   */
  dataUntil: string | null;
  /** The first contribution's day (UTC, `YYYY-MM-DD`), or null. */
  dataFrom: string | null;
  /** Repository names, sorted. */
  repositories: string[];
  /** Sub-project names, in the config's order (absent in exports made before sub-projects). */
  subprojects?: string[];
  /** Area names (docs/areas.md), sorted; empty in an export made before areas were. */
  areas: string[];
  /** Mailing-list names (those messages were read from), sorted; absent from older exports. */
  lists?: string[];
  /** Brand colours by organisation (from the project config). */
  colours: Record<string, string>;
  tables: ManifestTable[];
  /** The dashboard's default view; null when there are no contributions. */
  defaultView: DefaultView | null;
  /**
   * The weather report of `defaultView` as computed at export (by the same metric SQL), file name
   * beside the manifest (`report.json`): the dashboard draws it before its engine has started.
   * Null when there is none.
   */
  report: string | null;
  /**
   * Organisations in the order they get the palette's colours: the whole history's ranking, so
   * each keeps its colour in every view. Default (older exports): none.
   */
  colourOrder: string[];
  /** Views named when the export was made, each with its report. Default: none. */
  views: NamedView[];
  /**
   * The projects `barometer serve` offers beside this one (every database of its folder), each
   * with where it opens (`/`, `/p/<name>/`). Default (a static site): none.
   */
  projects: OfferedProject[];
}

/** A project the dashboard's header offers: its name and its same-site address. */
export interface OfferedProject {
  name: string;
  href: string;
}

function fail(field: string, value: unknown): never {
  throw new BarometerError(
    'bad-input',
    `manifest.json: field "${field}" is missing or malformed (got ${JSON.stringify(value)?.slice(0, 60)})`,
    { file: 'manifest.json', field, value },
  );
}

/** Validates a parsed `manifest.json`; throws `bad-input` naming the field. */
export function parseDataManifest(json: unknown): DataManifest {
  if (typeof json !== 'object' || json === null) fail('(top level)', json);
  const m = json as Record<string, unknown>;
  if (m.format !== 'barometer-data') fail('format', m.format);
  if (m.version !== 1) fail('version', m.version);
  if (typeof m.project !== 'string') fail('project', m.project);
  if (typeof m.exportedAt !== 'string') fail('exportedAt', m.exportedAt);
  for (const key of ['dataUntil', 'dataFrom'] as const) {
    if (m[key] !== null && !(typeof m[key] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(m[key])))
      fail(key, m[key]);
  }
  if (!Array.isArray(m.repositories) || m.repositories.some((r) => typeof r !== 'string'))
    fail('repositories', m.repositories);
  if (
    m.subprojects !== undefined &&
    (!Array.isArray(m.subprojects) || m.subprojects.some((r) => typeof r !== 'string'))
  )
    fail('subprojects', m.subprojects);
  if (
    m.areas !== undefined &&
    (!Array.isArray(m.areas) || m.areas.some((a) => typeof a !== 'string'))
  )
    fail('areas', m.areas);
  if (
    m.lists !== undefined &&
    (!Array.isArray(m.lists) || m.lists.some((l) => typeof l !== 'string'))
  )
    fail('lists', m.lists);
  if (typeof m.colours !== 'object' || m.colours === null || Array.isArray(m.colours))
    fail('colours', m.colours);
  if (!Array.isArray(m.tables)) fail('tables', m.tables);
  m.tables.forEach((t, i) => {
    const table = t as Record<string, unknown>;
    if (typeof table?.name !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(table.name))
      fail(`tables[${i}].name`, table?.name);
    if (typeof table.file !== 'string' || !/^[a-z_][a-z0-9_]*\.arrow$/.test(table.file))
      fail(`tables[${i}].file`, table.file);
    if (typeof table.rows !== 'number') fail(`tables[${i}].rows`, table.rows);
  });
  const view = m.defaultView as Record<string, unknown> | null | undefined;
  if (view !== undefined && view !== null) {
    if (
      typeof view !== 'object' ||
      typeof view.asOf !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(view.asOf) ||
      typeof view.since !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(view.since) ||
      typeof view.top !== 'number'
    )
      fail('defaultView', view);
  }
  if (m.report !== undefined && m.report !== null && m.report !== 'report.json')
    fail('report', m.report);
  const strings = (value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (m.colourOrder !== undefined && !strings(m.colourOrder)) fail('colourOrder', m.colourOrder);
  if (m.views !== undefined && !Array.isArray(m.views)) fail('views', m.views);
  const views = ((m.views ?? []) as unknown[]).map((v, i) => {
    const named = v as Record<string, unknown>;
    const day = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (
      typeof named?.name !== 'string' ||
      !VIEW_NAME.test(named.name) ||
      !day(named.asOf) ||
      !day(named.since) ||
      typeof named.top !== 'number' ||
      !strings(named.repositories) ||
      (named.subprojects !== undefined && !strings(named.subprojects)) ||
      (named.areas !== undefined && !strings(named.areas)) ||
      !strings(named.paths) ||
      (named.kind !== 'commits' && named.kind !== 'reviews') ||
      (named.mode !== 'counts' && named.mode !== 'shares') ||
      named.report !== `views/${named.name}.json`
    )
      fail(`views[${i}]`, v);
    return named as unknown as NamedView;
  });
  // Only names and same-site paths (`/`, `/p/<name>/`): a link leaves this site for no other.
  const projects = (Array.isArray(m.projects) ? (m.projects as unknown[]) : []).filter(
    (p): p is OfferedProject =>
      typeof (p as OfferedProject)?.name === 'string' &&
      typeof (p as OfferedProject).href === 'string' &&
      /^\/(p\/[^/?#\\]+\/)?$/.test((p as OfferedProject).href),
  );
  return {
    ...(m as unknown as DataManifest),
    projects,
    areas: (m.areas ?? []) as string[],
    defaultView: (view ?? null) as DataManifest['defaultView'],
    report: (m.report ?? null) as string | null,
    colourOrder: (m.colourOrder ?? []) as string[],
    views,
  };
}
