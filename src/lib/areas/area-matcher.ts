/**
 * Which areas cover a path. Patterns follow the `F:` lines of the kernel's get_maintainer.pl:
 *
 * - a trailing `/` covers everything under that folder (`xen/arch/arm/`);
 * - a pattern without wildcard covers the file it names, or everything under it when it names a
 *   folder (`xen/arch/arm` = `xen/arch/arm/`);
 * - `*` matches any characters but `/`, `?` one character but `/`: `xen/arch/*.c` covers
 *   `xen/arch/a.c`, not `xen/arch/arm/a.c`; `*` alone covers the files at the top, `*` + `/` every
 *   file in a folder.
 *
 * One departure, on purpose: a pattern without trailing `/` must match the whole path, where
 * get_maintainer.pl's unanchored regex also lets `F: a/foo` cover `a/foobar.c`.
 * An area covers a path when one of its patterns does and none of its exclusions (`X:`) does.
 */
import { matchWildcard } from './match-wildcard.ts';
import type { AreaDefinition } from './parse-maintainers.ts';

/** The area of a file at the top of the repository when the areas are the top-level folders. */
export const TOP_LEVEL_AREA = '(top level)';

/** A compiled pattern: true when it covers `path` (a path in the repository, `/`-separated). */
export type PathTest = (path: string) => boolean;

/** Compiles one pattern (see the module comment). */
export function compilePattern(pattern: string): PathTest {
  if (pattern.search(/[*?]/) < 0) {
    if (pattern.endsWith('/')) return (path) => path.startsWith(pattern);
    const folder = `${pattern}/`;
    return (path) => path === pattern || path.startsWith(folder);
  }
  // Neither `*` nor `?` matches `/`: the pattern's segments match the path's one by one, the
  // whole path, or (with a trailing `/`) its leading folders.
  const under = pattern.endsWith('/');
  const segments = (under ? pattern.slice(0, -1) : pattern).split('/');
  const literal = pattern.slice(0, pattern.search(/[*?]/));
  return (path) => {
    if (!path.startsWith(literal)) return false;
    const parts = path.split('/');
    if (under ? parts.length <= segments.length : parts.length !== segments.length) return false;
    return segments.every((segment, i) => matchWildcard(segment, parts[i]!));
  };
}

/** Matches paths against a set of areas. */
export interface AreaMatcher {
  /** The names of the areas covering `path`, in the order the areas were given. */
  areasOf(path: string): string[];
}

/** A matcher for `areas` (see the module comment for the pattern rules). */
export function compileAreas(areas: readonly AreaDefinition[]): AreaMatcher {
  const compiled = areas.map((area) => ({
    name: area.name,
    patterns: area.patterns.map(compilePattern),
    excludes: area.excludes.map(compilePattern),
  }));
  return {
    areasOf(path) {
      const names: string[] = [];
      for (const area of compiled) {
        if (area.patterns.some((test) => test(path)) && !area.excludes.some((test) => test(path)))
          names.push(area.name);
      }
      return names;
    },
  };
}

/** The area of `path` when no areas are configured: its top-level folder, or {@link TOP_LEVEL_AREA}. */
export function topLevelArea(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? TOP_LEVEL_AREA : path.slice(0, slash);
}
