/**
 * What a repository's name may be. The name is the `repository` column and names the repository's
 * cache folder (`data/repos/<name>.git`), so it must be one plain path segment: no `/` or `\`, no
 * `..`, no control characters, and no leading `-` (which git and other tools read as an option).
 */

/** What an acceptable name is, for messages (`field "…name" must be …`). */
export const REPOSITORY_NAME_RULE =
  'a name without "/", "\\", "..", control characters or a leading "-"';

/** True when `name` is an acceptable repository name (see the module comment). */
export function isRepositoryName(name: string): boolean {
  return (
    name !== '' &&
    name !== '.' &&
    !/[/\\]/.test(name) &&
    !name.includes('..') &&
    !/\p{Cc}/u.test(name) &&
    !name.startsWith('-')
  );
}

/**
 * A name that fits the rule made from `text` (the last segment of a source's path or URL): control
 * characters, `/` and `\` become `-`, runs of dots one dot, and leading `-` and `.` are dropped.
 */
export function toRepositoryName(text: string): string {
  const cleaned = text
    .replace(/[\p{Cc}/\\]+/gu, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+/, '');
  return cleaned || 'repository';
}
