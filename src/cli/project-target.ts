/**
 * What every command's positional argument means. `barometer collect|report|serve|site [TARGET]`:
 *
 * - nothing: the git repository holding the current folder (project name: its folder's name);
 * - a path to a repository (work tree or bare) or an http(s) URL of one;
 * - a project config `.json` (see src/lib/config/project-config.ts; its relative paths are resolved
 *   against the config's folder);
 * - a `.duckdb` database made by an earlier `collect`.
 *
 * Each becomes a project config and a database path: `data/<name>.duckdb` under the current folder
 * unless `--db FILE` says otherwise. Without a target, a command takes the project the last
 * `collect` in this folder wrote (data/last-collect.json) and says so in its `note`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import {
  defaultRepositoryName,
  parseProjectConfig,
  type ProjectConfig,
  type RepositoryConfig,
} from '../lib/config/project-config.ts';
import { BarometerError } from '../lib/errors.ts';
import { ago, databasesUnder, readLastCollect, shownPath } from './last-collect.ts';
import { isRemoteSource } from '../lib/config/source-url.ts';

/** Where a target came from. */
export type TargetKind = 'current-folder' | 'repository' | 'url' | 'config' | 'database';

/** A resolved command target. */
export interface ProjectTarget {
  kind: TargetKind;
  /** The project, with every local path absolute and the identity flags merged in. */
  config: ProjectConfig;
  /** Absolute path of the DuckDB file. */
  databasePath: string;
  /** Absolute path of the config file (kind `config`), else undefined. */
  configFile?: string;
  /**
   * Why this target when none was given (`using data/xen.duckdb (xen), collected 3 minutes ago`),
   * for the command to print in one line; undefined when a target was given.
   */
  note?: string;
}

/** The flags every command that takes a target accepts, parsed by {@link parseTargetArguments}. */
export interface TargetArguments {
  /** The positional argument, if any. */
  target?: string;
  /** `--db FILE`. */
  db?: string;
  /** `--email-map FILE` (repeatable): gitdm EmailMap files added to the config's. */
  emailMaps: string[];
  /** `--aliases FILE` (repeatable): gitdm EmailAliases files added to the config's. */
  aliases: string[];
  /** `--mailmap FILE` (repeatable): .mailmap files added to the config's. */
  mailmaps: string[];
  /** `--no-default-map`: do not use Barometer's map of well-known company domains. */
  noDefaultMap: boolean;
  /** Every other argument, in order, for the command to parse. */
  rest: string[];
}

/** Options for {@link resolveProjectTarget}. */
export interface ResolveOptions {
  /** The folder the command runs in: relative arguments and the default `data/` are under it. */
  cwd: string;
  /** `--db FILE`, relative to `cwd`. */
  db?: string;
  /** Identity flags to merge into the config's affiliations (paths relative to `cwd`). */
  emailMaps?: string[];
  aliases?: string[];
  mailmaps?: string[];
  noDefaultMap?: boolean;
  /** "Now", for how long ago the last collect was. Default: the current time. */
  now?: Date;
  /**
   * Without a target, take the project of the last `collect` in `cwd` when there is one. Default
   * true.
   */
  lastCollect?: boolean;
}

const REPEATABLE: Record<string, 'emailMaps' | 'aliases' | 'mailmaps'> = {
  '--email-map': 'emailMaps',
  '--aliases': 'aliases',
  '--mailmap': 'mailmaps',
};

/**
 * Takes the target flags out of `argv` (`--db F`, `--db=F`, `--email-map F`, `--aliases F`,
 * `--mailmap F`, `--no-default-map`) and the first positional argument; the rest stays in `rest`.
 * Throws `bad-input` when a flag lacks its value or a second positional argument is given.
 */
export function parseTargetArguments(argv: string[], valueFlags: string[] = []): TargetArguments {
  const out: TargetArguments = {
    emailMaps: [],
    aliases: [],
    mailmaps: [],
    noDefaultMap: false,
    rest: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const value = argv[++i];
      if (value === undefined || value === '') {
        throw new BarometerError('bad-input', `${flag} needs a value`, { field: flag });
      }
      return value;
    };
    if (flag === '--db') out.db = takeValue();
    else if (flag in REPEATABLE) out[REPEATABLE[flag]!].push(takeValue());
    else if (flag === '--no-default-map') out.noDefaultMap = true;
    else if (arg.startsWith('-') && arg !== '-') {
      out.rest.push(arg);
      // A command's own flag that takes a value keeps it beside it.
      if (eq < 0 && valueFlags.includes(arg) && i + 1 < argv.length) out.rest.push(argv[++i]!);
    } else if (out.target === undefined) out.target = arg;
    else {
      throw new BarometerError(
        'bad-input',
        `one target at most (a repository, URL, config or database), got '${out.target}' and '${arg}'`,
        { value: arg },
      );
    }
  }
  return out;
}

/** True when `dir` is a bare repository or the top of a work tree (has `.git`). */
export function isGitRepository(dir: string): boolean {
  if (existsSync(join(dir, '.git'))) return true;
  return (
    existsSync(join(dir, 'HEAD')) &&
    existsSync(join(dir, 'objects')) &&
    existsSync(join(dir, 'refs'))
  );
}

/** The top of the work tree (or bare repository) holding `dir`, or null. */
function findRepositoryUp(dir: string): string | null {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (isGitRepository(at)) return at;
    if (dirname(at) === at) return null;
  }
}

/** A project name from a folder or repository name, made to fit the config's name rule. */
export function projectNameFrom(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return cleaned || 'project';
}

function emptyConfig(name: string, repositories: RepositoryConfig[]): ProjectConfig {
  return {
    name,
    repositories,
    subprojects: {},
    affiliations: {
      defaultMap: true,
      emailMaps: [],
      aliases: [],
      mailmaps: [],
      logins: [],
      gitdmConfigs: [],
      organisations: {},
    },
    github: { orgs: [], repos: [] },
    lists: [],
    colours: {},
  };
}

function absolute(base: string, path: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

function mergeFlags(config: ProjectConfig, options: ResolveOptions): ProjectConfig {
  const abs = (list: string[] | undefined) => (list ?? []).map((p) => absolute(options.cwd, p));
  const a = config.affiliations;
  return {
    ...config,
    affiliations: {
      ...a,
      defaultMap: options.noDefaultMap ? false : a.defaultMap,
      emailMaps: [...a.emailMaps, ...abs(options.emailMaps)],
      aliases: [...a.aliases, ...abs(options.aliases)],
      mailmaps: [...a.mailmaps, ...abs(options.mailmaps)],
    },
  };
}

function readConfig(file: string, shown: string): ProjectConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new BarometerError(
      'not-found',
      `${shown}: cannot read config file`,
      { file: shown },
      { cause },
    );
  }
  const config = parseProjectConfig(text, shown);
  const base = dirname(file);
  const a = config.affiliations;
  const abs = (list: string[]) => list.map((p) => absolute(base, p));
  return {
    ...config,
    repositories: config.repositories.map((r) => ({
      ...r,
      source: isRemoteSource(r.source) ? r.source : absolute(base, r.source),
    })),
    lists: config.lists.map((l) => ({
      ...l,
      source: isRemoteSource(l.source) ? l.source : absolute(base, l.source),
    })),
    affiliations: {
      ...a,
      emailMaps: abs(a.emailMaps),
      aliases: abs(a.aliases),
      mailmaps: abs(a.mailmaps),
      logins: abs(a.logins),
      gitdmConfigs: abs(a.gitdmConfigs),
    },
    ...(config.codeSize?.files
      ? { codeSize: { ...config.codeSize, files: absolute(base, config.codeSize.files) } }
      : {}),
  };
}

/**
 * Resolves a command's positional argument (see the module comment) into a project config and a
 * database path. Throws `not-found` for a path that does not exist, `source` for a folder that is
 * not a git repository, `bad-input` for an invalid config (naming file, field and expectation).
 */
export async function resolveProjectTarget(
  argument: string | undefined,
  options: ResolveOptions,
): Promise<ProjectTarget> {
  const cwd = resolve(options.cwd);
  const databaseFor = (name: string) =>
    options.db ? absolute(cwd, options.db) : join(cwd, 'data', `${name}.duckdb`);
  const finish = (
    kind: TargetKind,
    config: ProjectConfig,
    explicitDb?: string,
    configFile?: string,
  ): ProjectTarget => ({
    kind,
    config: mergeFlags(config, options),
    databasePath: explicitDb ?? databaseFor(config.name),
    ...(configFile ? { configFile } : {}),
  });

  if (argument === undefined || argument === '') {
    const last = options.lastCollect === false ? null : readLastCollect(cwd);
    if (
      last &&
      existsSync(last.database) &&
      (isRemoteSource(last.target) || existsSync(last.target))
    ) {
      const target = await resolveProjectTarget(last.target, {
        ...options,
        db: options.db ?? last.database,
        lastCollect: false,
      });
      const when = ago(new Date(last.collectedAt), options.now ?? new Date());
      return {
        ...target,
        note: `using ${shownPath(cwd, target.databasePath)} (${last.project}), collected ${when}`,
      };
    }
    const top = findRepositoryUp(cwd);
    const databases = databasesUnder(cwd);
    const own = top ? databaseFor(projectNameFrom(defaultRepositoryName(top))) : null;
    if (!options.db && databases.length > 0 && !(own && databases.includes(own))) {
      if (databases.length === 1 && !top) {
        const target = await resolveProjectTarget(databases[0], { ...options, lastCollect: false });
        return {
          ...target,
          note: `using ${shownPath(cwd, databases[0]!)}, the only database here`,
        };
      }
      const choices = [
        ...databases.map((db) => shownPath(cwd, db)),
        ...(top ? [`${shownPath(cwd, top) || '.'} (the repository here)`] : []),
      ];
      throw new BarometerError(
        'bad-input',
        `no target given and no record of the last collect here; name one of: ${choices.join(', ')}`,
        { value: choices },
      );
    }
    if (!top) {
      throw new BarometerError(
        'source',
        `${cwd} is not inside a git repository; give a repository path, URL, config or database`,
        { file: cwd },
      );
    }
    const name = projectNameFrom(defaultRepositoryName(top));
    return finish('current-folder', emptyConfig(name, [{ source: top, name }]));
  }

  if (isRemoteSource(argument)) {
    const repoName = defaultRepositoryName(argument.replace(/[?#].*$/, ''));
    const name = projectNameFrom(repoName);
    return finish('url', emptyConfig(name, [{ source: argument, name: repoName }]));
  }

  const path = absolute(cwd, argument);
  if (!existsSync(path)) {
    throw new BarometerError('not-found', `${argument}: no such file or folder`, {
      file: argument,
    });
  }
  const isDir = statSync(path).isDirectory();
  if (!isDir && /\.json$/i.test(path)) {
    return finish('config', readConfig(path, argument), undefined, path);
  }
  if (!isDir && /\.duckdb$/i.test(path)) {
    const name = projectNameFrom(basename(path).replace(/\.duckdb$/i, ''));
    return finish('database', emptyConfig(name, []), options.db ? absolute(cwd, options.db) : path);
  }
  if (!isDir) {
    throw new BarometerError(
      'bad-input',
      `${argument}: expected a git repository, a URL, a project config (.json) or a database (.duckdb)`,
      { file: argument },
    );
  }
  if (!isGitRepository(path)) {
    throw new BarometerError('source', `${argument}: not a git repository`, { file: argument });
  }
  const repoName = defaultRepositoryName(path);
  return finish(
    'repository',
    emptyConfig(projectNameFrom(repoName), [{ source: path, name: repoName }]),
  );
}

/**
 * Resolves the target of parsed target arguments with their `--db` and identity flags
 * (`--email-map`, `--aliases`, `--mailmap`, `--no-default-map`); see {@link resolveProjectTarget}
 * for what it throws. Relative paths are under `cwd`.
 */
export function resolveTargetArguments(
  args: TargetArguments,
  cwd: string,
  now?: Date,
): Promise<ProjectTarget> {
  return resolveProjectTarget(args.target, {
    cwd,
    ...(now ? { now } : {}),
    ...(args.db ? { db: args.db } : {}),
    emailMaps: args.emailMaps,
    aliases: args.aliases,
    mailmaps: args.mailmaps,
    noDefaultMap: args.noDefaultMap,
  });
}
