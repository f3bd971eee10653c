/**
 * The project config file (`data/projects/NAME.json`): the one place it enters, validated here.
 * Paths inside it are resolved against the config file's folder by the caller.
 */
import { BarometerError } from '../errors.ts';
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
}

/** A validated project config. */
export interface ProjectConfig {
  /** Project name; the default database is `data/<name>.duckdb`. */
  name: string;
  repositories: RepositoryConfig[];
  affiliations: AffiliationsConfig;
  github: GitHubConfig;
  /** Brand colours by organisation name (CSS colours), kept across every figure. */
  colours: Record<string, string>;
}

type Json = unknown;

function fail(file: string, field: string, expected: string, value: Json): never {
  const shown = value === undefined ? 'nothing' : JSON.stringify(value);
  throw new BarometerError(
    'bad-input',
    `${file}: field "${field}" must be ${expected}, got ${shown && shown.length > 60 ? `${shown.slice(0, 57)}...` : shown}`,
    { file, field, value },
  );
}

const isObject = (v: Json): v is Record<string, Json> =>
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

function checkKeys(file: string, prefix: string, object: Record<string, Json>, allowed: string[]) {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      fail(file, `${prefix}${key}`, `one of ${allowed.join(', ')} (unknown field)`, object[key]);
  }
}

/** The display name a source gets when the config gives none: `.../xen.git` → `xen`. */
export function defaultRepositoryName(source: string): string {
  const trimmed = source.replace(/[/\\]+$/, '');
  const last = trimmed.split(/[/\\:]/).pop() ?? trimmed;
  return last.replace(/\.git$/, '') || 'repository';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Parses and validates a project config. Throws `bad-input` naming the file, the field and what
 * was expected, e.g. `xen.json: field "repositories[0].branch" must be a non-empty string, got 3`.
 */
export function parseProjectConfig(text: string, file: string): ProjectConfig {
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new BarometerError(
      'bad-input',
      `${file}: not valid JSON (${(cause as Error).message})`,
      { file },
      { cause },
    );
  }
  if (!isObject(json)) fail(file, '(top level)', 'an object', json);
  checkKeys(file, '', json, [
    '$schema',
    'name',
    'description',
    'repositories',
    'affiliations',
    'github',
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
    if (seen.has(repoName)) fail(file, `${at}.name`, 'a name no other repository has', repoName);
    seen.add(repoName);
    return {
      source: entry.source,
      name: repoName,
      ...(entry.branch ? { branch: entry.branch as string } : {}),
    };
  });
  if (repositories.length === 0 && json.github === undefined) {
    fail(
      file,
      'repositories',
      'at least one repository (or a "github" section)',
      json.repositories,
    );
  }

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
  checkKeys(file, 'github.', gh, ['orgs', 'repos', 'apiUrl']);
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
    if (typeof colour !== 'string' || !/^#[0-9a-fA-F]{3,8}$/.test(colour))
      fail(file, `colours.${org}`, 'a colour like "#1f77b4"', colour);
  }

  return {
    name,
    repositories,
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
    },
    colours: colours as Record<string, string>,
  };
}
