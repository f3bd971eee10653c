/**
 * The mailing-list metrics share one filtering (mail-scope.sql: `mail_scoped_changes`, the changes
 * under the repository, path and list filters), put in front of each one's own SQL here, after
 * the shared prefix that the metric's query composes, so no metric restates it.
 */
import mailScopeSql from './mail-scope.sql?raw';

/** `metricSql` (a `SELECT …` or `WITH a AS (…) …`) with the mail filtering's relations before it. */
export function withMailScope(metricSql: string): string {
  const scope = mailScopeSql.replace(/--[^\n]*/g, '').trim();
  const body = metricSql.replace(/--[^\n]*/g, '').trim();
  if (/^with\s/i.test(body)) return `${scope},\n${body.replace(/^with\s+/i, '')}`;
  return `${scope}\n${body}`;
}

/**
 * The tables the mailing-list metrics read, which the dashboard export ships for them. Only
 * `messages` must hold rows for the dashboard to run them: a list whose changes were never merged
 * or tagged still has its figures.
 */
export const MAIL_TABLES = [
  { name: 'messages' },
  { name: 'message_lists', mayBeEmpty: true },
  { name: 'message_files', mayBeEmpty: true },
  { name: 'mail_threads', mayBeEmpty: true },
  { name: 'mail_changes', mayBeEmpty: true },
  { name: 'mail_change_commits', mayBeEmpty: true },
  { name: 'mail_change_repositories', mayBeEmpty: true },
  { name: 'mail_review_tags', mayBeEmpty: true },
] as const;
