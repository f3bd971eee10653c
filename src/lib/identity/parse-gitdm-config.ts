/**
 * A gitdm config file, as far as affiliations go: the map files it names.
 *
 * ```
 * EmailAliases aliases
 * EmailMap     domain-map
 * GroupMap     lists/acme  Acme Corp
 * ```
 *
 * File names are as written (the caller resolves them against the config's folder). `FileTypeMap`
 * lines are read and ignored; any other directive is a problem.
 */
import {
  contentLines,
  lineCount,
  type MapProblem,
  type MapSource,
  type Parsed,
} from './map-problem.ts';

/** One map file a gitdm config names. */
export interface GitdmConfigEntry {
  kind: 'email-map' | 'aliases' | 'group-map';
  /** The file name as written in the config. */
  path: string;
  /** For `group-map`: the organisation every entry of the file belongs to. */
  organisation?: string;
  source: MapSource;
}

const IGNORED = new Set(['filetypemap']);

/** Parses a gitdm config text. */
export function parseGitdmConfig(text: string, file: string): Parsed<GitdmConfigEntry> {
  const entries: GitdmConfigEntry[] = [];
  const problems: MapProblem[] = [];
  for (const { number, text: line } of contentLines(text)) {
    const source = { file, line: number };
    const [directive = '', path, ...rest] = line.split(/\s+/);
    const name = directive.toLowerCase();
    if (IGNORED.has(name)) continue;
    const kind =
      name === 'emailmap'
        ? 'email-map'
        : name === 'emailaliases'
          ? 'aliases'
          : name === 'groupmap'
            ? 'group-map'
            : null;
    if (!kind) {
      problems.push({
        source,
        problem: `unknown directive ${JSON.stringify(directive)} (expected EmailMap, EmailAliases or GroupMap)`,
      });
      continue;
    }
    if (!path) {
      problems.push({ source, problem: `${directive} needs a file name` });
      continue;
    }
    if (kind === 'group-map') {
      if (rest.length === 0) {
        problems.push({ source, problem: `GroupMap needs an organisation name after the file` });
        continue;
      }
      entries.push({ kind, path, organisation: rest.join(' '), source });
    } else if (rest.length > 0) {
      problems.push({
        source,
        problem: `${directive} takes one file name, got ${JSON.stringify(line)}`,
      });
    } else {
      entries.push({ kind, path, source });
    }
  }
  return { entries, problems, lines: lineCount(text) };
}
