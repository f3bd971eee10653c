/**
 * Puts the shared filtering (filtered.sql: the `bounds`, `scoped` and `filtered` relations) in
 * front of a metric's own SQL, so no metric restates the as-of, repository and path filters; and
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
  'repository',
  'commit_id',
  'time',
  'person',
  'person_name',
  'organisation',
] as const;

/** `[start, end)` of the body of `scoped AS ( … )` in the prefix (between its parentheses). */
function scopedBody(prefix: string): [number, number] {
  const head = prefix.indexOf('\nscoped AS (');
  if (head < 0) throw new Error('filtered.sql defines no `scoped` relation');
  const start = prefix.indexOf('(', head) + 1;
  let depth = 1;
  for (let i = start; i < prefix.length; i++) {
    if (prefix[i] === '(') depth++;
    else if (prefix[i] === ')' && --depth === 0) return [start, i];
  }
  throw new Error('filtered.sql: `scoped AS (` is never closed');
}

const [SCOPED_START, SCOPED_END] = scopedBody(PREFIX);

/**
 * One statement selecting the rows of `scoped` (the contributions under the `$repositories` and
 * `$paths` filters, at every date) with the columns {@link SCOPED_COLUMNS}, in no particular
 * order. It takes `$as_of` and `$since` too (the shared prefix reads them), which do not change
 * its rows.
 */
export const SCOPED_SQL = `${PREFIX.slice(0, SCOPED_END + 1)}\nSELECT ${SCOPED_COLUMNS.join(', ')} FROM scoped`;

/**
 * The composed statement. A metric's SQL is either a plain `SELECT ...` or starts with its own
 * `WITH a AS (...), ...`; in the latter case its `WITH` continues the prefix's CTE list.
 */
export function composeMetricSql(metricSql: string): string {
  const body = stripComments(metricSql).trim();
  if (/^with\s/i.test(body)) return `${PREFIX},\n${body.replace(/^with\s+/i, '')}`;
  return `${PREFIX}\n${body}`;
}

/**
 * `sql`, a statement made by {@link composeMetricSql}, with `scoped` read from `table` (a table
 * with the columns {@link SCOPED_COLUMNS} holding the rows of {@link SCOPED_SQL} for the same
 * `$repositories` and `$paths`; `contributions` itself when both are empty) instead of narrowing
 * the contributions again. The rows are the same. Null when `sql` was not composed that way.
 */
export function rescopeMetricSql(sql: string, table: string): string | null {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`not a table name: ${table}`);
  const head = PREFIX.slice(0, SCOPED_START);
  const body = PREFIX.slice(SCOPED_START, SCOPED_END);
  if (!sql.startsWith(head) || !sql.startsWith(body, head.length)) return null;
  const columns = SCOPED_COLUMNS.map((column) => `t.${column}`).join(', ');
  return `${head}\n  SELECT ${columns} FROM ${table} AS t\n${sql.slice(head.length + body.length)}`;
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
