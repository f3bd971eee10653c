/**
 * The mailing-list metrics share one filtering (mail-scope.sql: `mail_scoped_changes`, the changes
 * under the repository, path and list filters), put in front of each one's own SQL here, after
 * the shared prefix that {@link defineMetric} adds, so no metric restates it.
 */
import mailScopeSql from './mail-scope.sql?raw';

/** `metricSql` (a `SELECT …` or `WITH a AS (…) …`) with the mail filtering's relations before it. */
export function withMailScope(metricSql: string): string {
  const scope = mailScopeSql.replace(/--[^\n]*/g, '').trim();
  const body = metricSql.replace(/--[^\n]*/g, '').trim();
  if (/^with\s/i.test(body)) return `${scope},\n${body.replace(/^with\s+/i, '')}`;
  return `${scope}\n${body}`;
}
