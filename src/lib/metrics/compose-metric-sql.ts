/**
 * Puts the shared filtering (filtered.sql: the `bounds` and `filtered` relations) in front of a
 * metric's own SQL, so no metric restates the as-of, repository and path filters.
 */
import filteredSql from './filtered.sql?raw';

/**
 * The composed statement. A metric's SQL is either a plain `SELECT ...` or starts with its own
 * `WITH a AS (...), ...`; in the latter case its `WITH` continues the prefix's CTE list.
 */
export function composeMetricSql(metricSql: string): string {
  const body = stripComments(metricSql).trim();
  const prefix = filteredSql.trimEnd();
  if (/^with\s/i.test(body)) return `${prefix},\n${body.replace(/^with\s+/i, '')}`;
  return `${prefix}\n${body}`;
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
