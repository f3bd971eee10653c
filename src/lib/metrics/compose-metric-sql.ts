/**
 * Puts the shared filtering (filtered.sql: the `bounds`, `scoped` and `filtered` relations) in
 * front of a metric's own SQL, so no metric restates the as-of, repository, path and area filters; and
 * lets an engine that keeps `scoped` as a table (the dashboard) read it from there instead.
 */
import filteredSql from './filtered.sql?raw';

/** The shared prefix as composed in front of every metric. */
const PREFIX = filteredSql.trimEnd();

/** The `scoped` relation's columns, in order: what a table standing in for it holds. */
export const SCOPED_COLUMNS = [
  'kind',
  'source',
  'contribution_id',
  'commit_id',
  'repository',
  'time',
  'landed',
  'person',
  'person_name',
  'organisation',
] as const;

/** `[start, end)` of the body of `name AS ( … )` in the prefix (between its parentheses). */
function relationBody(prefix: string, name: string): [number, number] {
  const head = prefix.indexOf(`\n${name} AS (`);
  if (head < 0) throw new Error(`filtered.sql defines no \`${name}\` relation`);
  const start = prefix.indexOf('(', head) + 1;
  let depth = 1;
  for (let i = start; i < prefix.length; i++) {
    const c = prefix[i];
    // Comments and strings may hold unbalanced parentheses ("[year_ago, as_of)").
    if (c === '-' && prefix[i + 1] === '-') i = prefix.indexOf('\n', i);
    else if (c === "'") i = prefix.indexOf("'", i + 1);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return [start, i];
    if (i < 0) break;
  }
  throw new Error(`filtered.sql: \`${name} AS (\` is never closed`);
}

const BOUNDS = relationBody(PREFIX, 'bounds');
const SCOPED = relationBody(PREFIX, 'scoped');

/**
 * One statement selecting the one row of `bounds` (the parameters as typed values and the dates
 * derived from them) for `$as_of`, `$since`, `$repositories`, `$paths` and `$areas`.
 */
export const BOUNDS_SQL = `${PREFIX.slice(0, BOUNDS[1] + 1)}\nSELECT * FROM bounds`;

/**
 * One statement selecting the rows of `scoped` (the contributions under the `$repositories`,
 * `$paths` and `$areas` filters, at every date) with the columns {@link SCOPED_COLUMNS}, in no particular
 * order. It takes `$as_of` and `$since` too (the shared prefix reads them), which do not change
 * its rows.
 */
export const SCOPED_SQL = `${PREFIX.slice(0, SCOPED[1] + 1)}\nSELECT ${SCOPED_COLUMNS.join(', ')} FROM scoped`;

/**
 * The composed statement. A metric's SQL is either a plain `SELECT ...` or starts with its own
 * `WITH a AS (...), ...`; in the latter case its `WITH` continues the prefix's CTE list.
 */
export function composeMetricSql(metricSql: string): string {
  const body = stripComments(metricSql).trim();
  if (/^with\s/i.test(body)) return `${PREFIX},\n${body.replace(/^with\s+/i, '')}`;
  return `${PREFIX}\n${body}`;
}

/** Tables standing in for relations of the shared prefix (see {@link rescopeMetricSql}). */
export interface KeptRelations {
  /**
   * A table with the columns {@link SCOPED_COLUMNS} holding the rows of {@link SCOPED_SQL} for the
   * same `$repositories`, `$paths` and `$areas` (`contributions` itself when all are empty).
   */
  scoped: string;
  /** A table holding the row of {@link BOUNDS_SQL} for the same five parameters; optional. */
  bounds?: string;
}

/**
 * `sql`, a statement made by {@link composeMetricSql}, reading `scoped` (and `bounds`, when
 * given) from kept tables instead of computing them again; the rows are the same. Null when
 * `sql` was not composed that way.
 */
export function rescopeMetricSql(sql: string, kept: KeptRelations | string): string | null {
  const { scoped, bounds } = typeof kept === 'string' ? { scoped: kept, bounds: undefined } : kept;
  for (const table of [scoped, bounds]) {
    if (table !== undefined && !/^[a-z_][a-z0-9_]*$/.test(table))
      throw new Error(`not a table name: ${table}`);
  }
  if (!sql.startsWith(PREFIX.slice(0, SCOPED[1]))) return null;
  const columns = SCOPED_COLUMNS.map((column) => `t.${column}`).join(', ');
  return (
    (bounds === undefined
      ? PREFIX.slice(0, SCOPED[0])
      : `${PREFIX.slice(0, BOUNDS[0])}\n  SELECT * FROM ${bounds}\n${PREFIX.slice(BOUNDS[1], SCOPED[0])}`) +
    `\n  SELECT ${columns} FROM ${scoped} AS t\n${sql.slice(SCOPED[1])}`
  );
}

/** SQL without `--` line comments (metric SQL keeps no `--` inside string literals). */
function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '');
}

/** The distinct `$name` parameters `sql` uses, comments ignored. */
export function parametersOf(sql: string): string[] {
  const names = new Set<string>();
  for (const match of stripComments(sql).matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
    names.add(match[1]!);
  }
  return [...names];
}
