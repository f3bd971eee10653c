/**
 * The `areas` and `codeSize` sections of a project config, validated where they enter (called by
 * parseProjectConfig; errors name the file and the field like every config error).
 */
import type { AreaDefinition } from '../areas/parse-maintainers.ts';
import { checkKeys, fail, isObject } from './project-config.ts';

/**
 * Where a project's areas come from: listed in the config, or read from a MAINTAINERS-format file
 * at each repository's mined head. A config without `areas` makes each top-level folder an area.
 */
export type AreasConfig =
  | { kind: 'paths'; areas: AreaDefinition[] }
  | {
      kind: 'maintainers';
      /** The file's path inside each repository, e.g. `MAINTAINERS`. */
      file: string;
    };

/** How often a point of code size is taken on the branch: the last commit of each period. */
export type CodeSizePeriod = 'quarter' | 'year';

/** The `codeSize` section: where source lines are counted, which files, and the targets. */
export interface CodeSizeConfig {
  /** Tag patterns (`RELEASE-*`; `*` any characters, `?` one): every matching tag is a point. */
  tags: string[];
  /** The last commit of each period on the branch's first-parent chain is a point; null: none. */
  every: CodeSizePeriod | null;
  /**
   * A file listing the paths to count (one per line, relative to each repository's root), as
   * written in the config (relative to its folder); null counts every file.
   */
  files: string | null;
  /** Code-line targets by area name, drawn beside the area's line (e.g. `{"Arm": 45000}`). */
  targets: Record<string, number>;
}

type Json = unknown;

/** A pattern as a config may write one: repository-relative, no white space, no `..` segment. */
function checkPattern(file: string, field: string, value: Json): string {
  if (
    typeof value !== 'string' ||
    !value ||
    /\s/.test(value) ||
    value.startsWith('/') ||
    value.split('/').includes('..')
  ) {
    fail(file, field, 'a path pattern relative to the repository (like "xen/arch/arm/")', value);
  }
  return value;
}

/**
 * Validates `areas`: `{"from": "MAINTAINERS"}`, or `{NAME: [PATTERN, ...]}` where a pattern
 * starting with `!` excludes what it matches. Undefined when the config has none.
 */
export function parseAreasConfig(file: string, value: Json): AreasConfig | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value))
    fail(file, 'areas', '{"from": "MAINTAINERS"} or {NAME: [PATTERN, ...]}', value);
  if (typeof value.from === 'string') {
    checkKeys(file, 'areas.', value, ['from']);
    return { kind: 'maintainers', file: checkPattern(file, 'areas.from', value.from) };
  }
  const areas: AreaDefinition[] = [];
  for (const [name, list] of Object.entries(value)) {
    const at = `areas.${name}`;
    if (!name.trim() || name === '__proto__') fail(file, at, 'an area name', name);
    if (!Array.isArray(list) || list.length === 0)
      fail(file, at, 'a non-empty list of path patterns', list);
    const area: AreaDefinition = { name, patterns: [], excludes: [] };
    list.forEach((item, i) => {
      const excluded = typeof item === 'string' && item.startsWith('!');
      const pattern = checkPattern(file, `${at}[${i}]`, excluded ? item.slice(1) : item);
      (excluded ? area.excludes : area.patterns).push(pattern);
    });
    if (area.patterns.length === 0)
      fail(file, at, 'at least one pattern that is not an exclusion', list);
    areas.push(area);
  }
  if (areas.length === 0) fail(file, 'areas', 'at least one area', value);
  return { kind: 'paths', areas };
}

/** Validates `codeSize` (see {@link CodeSizeConfig}); undefined when the config has none. */
export function parseCodeSizeConfig(
  file: string,
  value: Json,
  areas: AreasConfig | undefined,
): CodeSizeConfig | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(file, 'codeSize', 'an object', value);
  checkKeys(file, 'codeSize.', value, ['at', 'files', 'targets']);
  const at = value.at;
  if (!isObject(at))
    fail(file, 'codeSize.at', '{"tags": PATTERN} and/or {"every": "quarter" or "year"}', at);
  checkKeys(file, 'codeSize.at.', at, ['tags', 'every']);
  const tagList = typeof at.tags === 'string' ? [at.tags] : (at.tags ?? []);
  if (!Array.isArray(tagList)) fail(file, 'codeSize.at.tags', 'a tag pattern or a list', at.tags);
  const tags = tagList.map((tag, i) =>
    typeof tag === 'string' && tag && !/[\s\0]/.test(tag)
      ? tag
      : fail(file, `codeSize.at.tags[${i}]`, 'a tag pattern like "RELEASE-*"', tag),
  );
  if (at.every !== undefined && at.every !== 'quarter' && at.every !== 'year')
    fail(file, 'codeSize.at.every', '"quarter" or "year"', at.every);
  const every = (at.every as CodeSizePeriod | undefined) ?? null;
  if (tags.length === 0 && every === null)
    fail(file, 'codeSize.at', 'a tag pattern ("tags") or a period ("every")', at);
  if (value.files !== undefined && (typeof value.files !== 'string' || !value.files))
    fail(file, 'codeSize.files', 'the path of a file listing the files to count', value.files);
  const rawTargets = value.targets ?? {};
  if (!isObject(rawTargets))
    fail(file, 'codeSize.targets', 'an object of area → code lines', rawTargets);
  const targets: Record<string, number> = {};
  for (const [name, target] of Object.entries(rawTargets)) {
    const field = `codeSize.targets.${name}`;
    if (typeof target !== 'number' || !Number.isFinite(target) || target <= 0)
      fail(file, field, 'a positive number of code lines', target);
    if (areas?.kind === 'paths' && !areas.areas.some((area) => area.name === name))
      fail(file, field, 'an area named in "areas"', name);
    if (name === '__proto__') fail(file, field, 'an area name', name);
    targets[name] = target;
  }
  return { tags, every, files: (value.files as string | undefined) ?? null, targets };
}
