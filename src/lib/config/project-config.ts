/**
 * The project config file (`data/projects/NAME.json`): the one place it enters, validated here.
 * Paths inside it are resolved against the config file's folder by the caller.
 */
import { BarometerError } from '../errors.ts';
import {
  parseAreasConfig,
  parseCodeSizeConfig,
  type AreasConfig,
  type CodeSizeConfig,
} from './code-size-config.ts';
import { isRepositoryName, REPOSITORY_NAME_RULE, toRepositoryName } from './repository-name.ts';
import { isHttpUrl } from './source-url.ts';

/** One repository of a project. */
export interface RepositoryConfig {
  /** A local path (work tree or bare repository) or an https URL. */
  source: string;
  /** Display name, used as the `repository` column. Default: the last path segment without `.git`. */
  name: string;
  /** Branch whose history counts. Default (undefined): the remote's default branch / HEAD. */
  branch?: string;
}

/** Affiliation inputs (paths as written in the file, relative to it). */
export interface AffiliationsConfig {
  /** Use Barometer's map of well-known company domains. Default: true. */
  defaultMap: boolean;
  /** gitdm EmailMap files. */
  emailMaps: string[];
  /** gitdm EmailAliases files (`alias@address canonical@address`). */
  aliases: string[];
  /** git .mailmap files, in addition to each repository's own. */
  mailmaps: string[];
  /** GitHub login maps (`login canonical@address`). */
  logins: string[];
  /** gitdm config files naming EmailMap, EmailAliases and GroupMap files. */
  gitdmConfigs: string[];
  /** Inline map: `address-or-domain` → organisation, or a list of `{organisation, until?}` spans. */
  organisations: Record<string, string | Array<{ organisation: string; until?: string }>>;
}

/** GitHub sources of pull requests and reviews. */
export interface GitHubConfig {
  orgs: string[];
  /** `owner/name` repositories. */
  repos: string[];
  /** API base URL for GitHub Enterprise. Default: GITHUB_API_URL, else https://api.github.com. */
  apiUrl?: string;
  /**
   * Seconds a request may go without a byte (a whole answer may take ten times as long) before it
   * fails and is retried. Default: 30.
   */
  timeoutSeconds?: number;
  /** Minutes Barometer waits at most for a rate limit; a later reset stops the run. Default: 90. */
  longestWaitMinutes?: number;
  /** Megabytes one response may hold. Default: 64. */
  maxResponseMegabytes?: number;
}

/**
 * Named groups of repositories: sub-project name → repository names or globs on them (`*`, `?`),
 * e.g. `{"Hypervisor": ["xen.git"], "Unikraft": ["unikraft", "unikraft-app-*"]}`. Validated here;
 * no figure reads it yet.
 */
export type SubprojectsConfig = Record<string, string[]>;

/** The GitHub bounds a config may set, with the largest value each accepts. */
const GITHUB_BOUNDS = {
  timeoutSeconds: 3600,
  longestWaitMinutes: 7 * 24 * 60,
  maxResponseMegabytes: 4096,
} as const;

/** One mailing list archive of a project. */
export interface ListConfig {
  /**
   * A public-inbox epoch (a git repository, local or an http(s) URL), a v2 inbox folder holding
   * `git/0.git`, `git/1.git`, …, or an mbox file. Several entries may share one name (one per
   * epoch served over http).
   */
  source: string;
  /** The list's name, used as the `list` column. Default: the source's last path segment. */
  name: string;
}

/** A validated project config. */
export interface ProjectConfig {
  /** Project name; the default database is `data/<name>.duckdb`. */
  name: string;
  repositories: RepositoryConfig[];
  /** Sub-projects. Default: none (`{}`). */
  subprojects: SubprojectsConfig;
  affiliations: AffiliationsConfig;
  github: GitHubConfig;
  /** Mailing list archives, collected after the repositories. Default: none. */
  lists: ListConfig[];
  /** Brand colours by organisation name (CSS colours), kept across every figure. */
  colours: Record<string, string>;
  /** The project's areas; undefined: each top-level folder is one (docs/areas.md). */
  areas?: AreasConfig;
  /** Where and what to count source lines (docs/code-size.md); undefined: not counted. */
  codeSize?: CodeSizeConfig;
}

type Json = unknown;

/** Throws the `bad-input` error of a config field: file, field, what was expected, the value. */
export function fail(file: string, field: string, expected: string, value: Json): never {
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  throw new BarometerError(
    'bad-input',
    `${file}: field "${field}" must be ${expected}, got ${shown && shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}`,
    { file, field, value },
  );
}

/** True for a JSON object (not null, not a list). */
export const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stringList(file: string, field: string, value: Json): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(file, field, 'a list of strings', value);
  return value.map((item, i) =>
    typeof item === 'string' && item.length > 0
      ? item
      : fail(file, `${field}[${i}]`, 'a non-empty string', item),
  );
}

/** Throws for a key of `object` that is not in `allowed`, naming it as `prefix` + key. */
export function checkKeys(
  file: string,
  prefix: string,
  object: Record<string, Json>,
  allowed: string[],
) {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      fail(file, `${prefix}${key}`, `one of ${allowed.join(', ')} (unknown field)`, object[key]);
  }
}

/** The display name a source gets when the config gives none: `.../xen.git` → `xen`. */
export function defaultRepositoryName(source: string): string {
  const trimmed = source.replace(/[/\\]+$/, '');
  const last = trimmed.split(/[/\\:]/).pop() ?? trimmed;
  return toRepositoryName(last.replace(/\.git$/, ''));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseSubprojects(file: string, value: Json): SubprojectsConfig {
  if (value === undefined) return {};
  const expected = 'an object of sub-project name → list of repository names or globs';
  if (!isObject(value)) fail(file, 'subprojects', expected, value);
  const out: SubprojectsConfig = {};
  for (const [name, patterns] of Object.entries(value)) {
    if (!name.trim() || name !== name.trim() || /\p{Cc}/u.test(name)) {
      fail(
        file,
        'subprojects',
        'names that are not empty, without spaces at either end or control characters',
        name,
      );
    }
    const at = `subprojects.${name}`;
    if (!Array.isArray(patterns) || patterns.length === 0) {
      fail(file, at, 'a non-empty list of repository names or globs', patterns);
    }
    const seen = new Set<string>();
    out[name] = patterns.map((pattern, i) => {
      if (typeof pattern !== 'string' || !pattern.trim() || pattern !== pattern.trim()) {
        fail(file, `${at}[${i}]`, 'a repository name or a glob like "unikraft-app-*"', pattern);
      }
      if (seen.has(pattern)) fail(file, `${at}[${i}]`, 'a name or glob not listed before', pattern);
      seen.add(pattern);
      return pattern;
    });
  }
  return out;
}

/** Deepest nesting of objects and lists a config may have (a real one needs four). */
const MAX_DEPTH = 64;

/** True when the JSON `text` nests objects and lists deeper than `limit` (strings skipped). */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A string: skip to its closing quote, past escaped characters.
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92) i++;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) {
      depth--;
    }
  }
  return false;
}

/** An inline map key: an e-mail address or a domain, without white space or angle brackets. */
const ADDRESS_OR_DOMAIN = /^[^\s<>]*[.@][^\s<>]*$/;

/** The `lists` section: `[{"source": PATH-OR-URL, "name": NAME}]` (a bare string is a source). */
function parseLists(file: string, value: Json): ListConfig[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(file, 'lists', 'a list of {"source", "name"}', value);
  return value.map((raw, i): ListConfig => {
    const at = `lists[${i}]`;
    const entry = typeof raw === 'string' ? { source: raw } : raw;
    if (!isObject(entry)) fail(file, at, 'a path, a URL, or {"source", "name"}', raw);
    checkKeys(file, `${at}.`, entry, ['source', 'name']);
    if (typeof entry.source !== 'string' || !entry.source.trim())
      fail(file, `${at}.source`, 'a path or an http(s) URL', entry.source);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.source) && !/^https?:\/\//i.test(entry.source))
      fail(file, `${at}.source`, 'a path or an http(s) URL', entry.source);
    if (
      entry.name !== undefined &&
      (typeof entry.name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._@+-]*$/.test(entry.name))
    ) {
      fail(file, `${at}.name`, 'a name of letters, digits, ".", "_", "@", "+" or "-"', entry.name);
    }
    const name = (entry.name as string | undefined) ?? defaultRepositoryName(entry.source);
    return { source: entry.source, name };
  });
}

/**
 * Parses and validates a project config. Throws `bad-input` naming the file, the field and what
 * was expected, e.g. `xen.json: field "repositories[0].branch" must be a non-empty string, got 3`.
 */
export function parseProjectConfig(text: string, file: string): ProjectConfig {
  let json: Json;
  // Checking a value thousands of levels deep would overflow the stack: refuse it first.
  if (nestsDeeperThan(text, MAX_DEPTH)) {
    throw new BarometerError('bad-input', `${file}: nested more than ${MAX_DEPTH} levels deep`, {
      file,
    });
  }
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new BarometerError(
      'bad-input',
      // JSON.parse quotes the text it stopped at, line breaks included: kept on one line.
      `${file}: not valid JSON (${(cause as Error).message.replace(/\s+/g, ' ')})`,
      { file },
      { cause },
    );
  }
  if (!isObject(json)) fail(file, '(top level)', 'an object', json);
  checkKeys(file, '', json, [
    '$schema',
    'name',
    'description',
    'areas',
    'codeSize',
    'repositories',
    'subprojects',
    'affiliations',
    'github',
    'lists',
    'colours',
  ]);
  const name = json.name;
  if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    fail(file, 'name', 'a name of letters, digits, ".", "_" or "-"', name);
  }
  if (!Array.isArray(json.repositories))
    fail(file, 'repositories', 'a list of repositories', json.repositories);
  const seen = new Set<string>();
  const repositories = json.repositories.map((raw, i): RepositoryConfig => {
    const at = `repositories[${i}]`;
    const entry = typeof raw === 'string' ? { source: raw } : raw;
    if (!isObject(entry)) fail(file, at, 'a path, a URL, or {"source", "branch", "name"}', raw);
    checkKeys(file, `${at}.`, entry, ['source', 'branch', 'name']);
    if (typeof entry.source !== 'string' || !entry.source)
      fail(file, `${at}.source`, 'a path or URL', entry.source);
    if (entry.branch !== undefined && (typeof entry.branch !== 'string' || !entry.branch)) {
      fail(file, `${at}.branch`, 'a non-empty string', entry.branch);
    }
    if (entry.name !== undefined && (typeof entry.name !== 'string' || !entry.name)) {
      fail(file, `${at}.name`, 'a non-empty string', entry.name);
    }
    const repoName = (entry.name as string | undefined) ?? defaultRepositoryName(entry.source);
    if (!isRepositoryName(repoName)) fail(file, `${at}.name`, REPOSITORY_NAME_RULE, repoName);
    // Names equal but for case would share a cache folder on a case-insensitive file system.
    if (seen.has(repoName.toLowerCase()))
      fail(file, `${at}.name`, 'a name no other repository has (ignoring case)', repoName);
    seen.add(repoName.toLowerCase());
    return {
      source: entry.source,
      name: repoName,
      ...(entry.branch ? { branch: entry.branch as string } : {}),
    };
  });
  const lists = parseLists(file, json.lists);
  if (repositories.length === 0 && json.github === undefined && lists.length === 0) {
    fail(
      file,
      'repositories',
      'at least one repository (or a "github" or "lists" section)',
      json.repositories,
    );
  }

  const subprojects = parseSubprojects(file, json.subprojects);

  const aff = json.affiliations ?? {};
  if (!isObject(aff)) fail(file, 'affiliations', 'an object', aff);
  checkKeys(file, 'affiliations.', aff, [
    'defaultMap',
    'emailMaps',
    'aliases',
    'mailmaps',
    'logins',
    'gitdmConfigs',
    'organisations',
  ]);
  if (aff.defaultMap !== undefined && typeof aff.defaultMap !== 'boolean') {
    fail(file, 'affiliations.defaultMap', 'true or false', aff.defaultMap);
  }
  const orgs = aff.organisations ?? {};
  if (!isObject(orgs))
    fail(file, 'affiliations.organisations', 'an object of address-or-domain → organisation', orgs);
  const organisations: AffiliationsConfig['organisations'] = {};
  for (const [key, value] of Object.entries(orgs)) {
    const at = `affiliations.organisations.${key}`;
    // `__proto__` and other words would be lost or read as something else: only addresses and domains.
    if (!ADDRESS_OR_DOMAIN.test(key)) fail(file, at, 'an e-mail address or a domain', value);
    if (typeof value === 'string' && value.trim()) {
      organisations[key] = value.trim();
    } else if (Array.isArray(value)) {
      organisations[key] = value.map((span, i) => {
        if (!isObject(span) || typeof span.organisation !== 'string' || !span.organisation.trim()) {
          fail(file, `${at}[${i}]`, '{"organisation": NAME, "until": "YYYY-MM-DD"}', span);
        }
        if (
          span.until !== undefined &&
          (typeof span.until !== 'string' ||
            !DAY.test(span.until) ||
            Number.isNaN(Date.parse(span.until)))
        ) {
          fail(file, `${at}[${i}].until`, 'a date YYYY-MM-DD', span.until);
        }
        return {
          organisation: span.organisation.trim(),
          ...(span.until ? { until: span.until as string } : {}),
        };
      });
    } else {
      fail(file, at, 'an organisation name or a list of dated spans', value);
    }
  }

  const gh = json.github ?? {};
  if (!isObject(gh)) fail(file, 'github', 'an object', gh);
  checkKeys(file, 'github.', gh, ['orgs', 'repos', 'apiUrl', ...Object.keys(GITHUB_BOUNDS)]);
  const bounds: Partial<Record<keyof typeof GITHUB_BOUNDS, number>> = {};
  for (const [key, largest] of Object.entries(GITHUB_BOUNDS) as [
    keyof typeof GITHUB_BOUNDS,
    number,
  ][]) {
    const value = gh[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0) || value > largest) {
      fail(file, `github.${key}`, `a number above 0 and at most ${largest}`, value);
    }
    bounds[key] = value;
  }
  const repos = stringList(file, 'github.repos', gh.repos);
  repos.forEach(
    (r, i) => /^[\w.-]+\/[\w.-]+$/.test(r) || fail(file, `github.repos[${i}]`, '"owner/name"', r),
  );
  if (gh.apiUrl !== undefined && (typeof gh.apiUrl !== 'string' || !isHttpUrl(gh.apiUrl))) {
    fail(file, 'github.apiUrl', 'an http(s) URL', gh.apiUrl);
  }

  const colours = json.colours ?? {};
  if (!isObject(colours)) fail(file, 'colours', 'an object of organisation → CSS colour', colours);
  for (const [org, colour] of Object.entries(colours)) {
    if (org === '__proto__') fail(file, `colours.${org}`, 'an organisation name', colour);
    if (typeof colour !== 'string' || !/^#[0-9a-fA-F]{3,8}$/.test(colour))
      fail(file, `colours.${org}`, 'a colour like "#1f77b4"', colour);
  }

  return {
    name,
    repositories,
    subprojects,
    affiliations: {
      defaultMap: (aff.defaultMap as boolean | undefined) ?? true,
      emailMaps: stringList(file, 'affiliations.emailMaps', aff.emailMaps),
      aliases: stringList(file, 'affiliations.aliases', aff.aliases),
      mailmaps: stringList(file, 'affiliations.mailmaps', aff.mailmaps),
      logins: stringList(file, 'affiliations.logins', aff.logins),
      gitdmConfigs: stringList(file, 'affiliations.gitdmConfigs', aff.gitdmConfigs),
      organisations,
    },
    github: {
      orgs: stringList(file, 'github.orgs', gh.orgs),
      repos,
      ...(gh.apiUrl ? { apiUrl: gh.apiUrl as string } : {}),
      ...bounds,
    },
    lists,
    colours: colours as Record<string, string>,
    ...areasAndCodeSize(file, json),
  };
}

/** The optional `areas` and `codeSize` sections, present in the result only when in the file. */
function areasAndCodeSize(
  file: string,
  json: Record<string, Json>,
): Pick<ProjectConfig, 'areas' | 'codeSize'> {
  const areas = parseAreasConfig(file, json.areas);
  const codeSize = parseCodeSizeConfig(file, json.codeSize, areas);
  return { ...(areas ? { areas } : {}), ...(codeSize ? { codeSize } : {}) };
}
