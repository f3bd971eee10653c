/** The one definition of the URL shapes Barometer accepts: repository sources and API bases. */

/** `http://…` or `https://…` (any case) naming a host. */
export function isHttpUrl(text: string): boolean {
  return /^https?:\/\/[^/\s]/i.test(text);
}

/** A URL of any scheme (`https://`, `ssh://`, `git://`, `file://`). */
export function hasUrlScheme(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

/** A remote repository: a URL of any scheme, or scp-like `user@host:path`. */
export function isRemoteSource(source: string): boolean {
  return hasUrlScheme(source) || /^[\w.-]+@[\w.-]+:/.test(source);
}
