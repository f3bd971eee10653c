/**
 * Reads the affiliation maps a project target names (its config plus `--email-map`, `--aliases`,
 * `--mailmap`, `--no-default-map`, which project-target.ts merges into the config) and the flags
 * only identity commands add (`--gitdm-config`, `--logins`, `--group-map FILE:ORG`). Shared by
 * `collect`, `affiliations` and `report`.
 */
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { loadAffiliationMapFiles, type AffiliationMaps } from '../lib/identity/affiliation-maps.ts';
import { BarometerError } from '../lib/errors.ts';
import type { ProjectTarget } from './project-target.ts';

/** Identity flags beyond the ones every target takes. Paths are relative to `cwd`. */
export interface AffiliationFlags {
  /** `--gitdm-config FILE` (repeatable): gitdm config files naming EmailMap/EmailAliases/GroupMap files. */
  gitdmConfigs: string[];
  /** `--logins FILE` (repeatable): GitHub `login canonical@address` maps. */
  logins: string[];
  /** `--group-map FILE:Organisation` (repeatable): a gitdm GroupMap and its organisation. */
  groupMaps: { path: string; organisation: string }[];
  /** The folder relative paths and shown paths are taken against. Default: the process's. */
  cwd?: string;
}

/** The flags of {@link AffiliationFlags} that take a value, for `parseTargetArguments`. */
export const AFFILIATION_VALUE_FLAGS = ['--gitdm-config', '--logins', '--group-map'];

/** What {@link loadAffiliationMaps} needs of a file system: `node:fs/promises`, or `node:fs`. */
export type MapFileSystem =
  | { readFile(path: string, encoding: 'utf8'): Promise<string> }
  | { promises: { readFile(path: string, encoding: 'utf8'): Promise<string> } };

/** Throws `bad-input` for a `--group-map` value that is not `FILE:Organisation`. */
export function parseGroupMapFlag(value: string): { path: string; organisation: string } {
  const colon = value.lastIndexOf(':');
  const organisation = colon < 0 ? '' : value.slice(colon + 1).trim();
  if (colon <= 0 || !organisation) {
    throw new BarometerError(
      'bad-input',
      `--group-map needs FILE:Organisation, got ${JSON.stringify(value)}`,
      { field: '--group-map', value },
    );
  }
  return { path: value.slice(0, colon), organisation };
}

/**
 * Takes `--gitdm-config F`, `--logins F` and `--group-map F:ORG` (also as `--flag=value`) out of
 * `args`; returns them and the arguments left. Throws `bad-input` when a value is missing.
 */
export function parseAffiliationFlags(
  args: string[],
  cwd: string,
): { flags: AffiliationFlags; rest: string[] } {
  const flags: AffiliationFlags = { gitdmConfigs: [], logins: [], groupMaps: [], cwd };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!AFFILIATION_VALUE_FLAGS.includes(flag)) {
      rest.push(arg);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') {
      throw new BarometerError('bad-input', `${flag} needs a value`, { field: flag });
    }
    if (flag === '--gitdm-config') flags.gitdmConfigs.push(value);
    else if (flag === '--logins') flags.logins.push(value);
    else flags.groupMaps.push(parseGroupMapFlag(value));
  }
  return { flags, rest };
}

/**
 * Reads and parses every map the target's config and `flags` name, plus the default map unless
 * the config or `--no-default-map` turned it off. Throws `not-found` for a file that cannot be
 * read, `bad-input` naming file, line and problem for a bad line or a conflict.
 */
export async function loadAffiliationMaps(
  target: ProjectTarget,
  flags: Partial<AffiliationFlags>,
  fs: MapFileSystem,
): Promise<AffiliationMaps> {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const fromCwd = (path: string) => (isAbsolute(path) ? path : resolve(cwd, path));
  const display = (path: string) => {
    const shown = relative(cwd, path);
    return shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
  };
  const readFile = (path: string) =>
    'promises' in fs ? fs.promises.readFile(path, 'utf8') : fs.readFile(path, 'utf8');
  const a = target.config.affiliations;
  return loadAffiliationMapFiles(
    {
      defaultMap: a.defaultMap,
      emailMaps: a.emailMaps,
      aliases: a.aliases,
      mailmaps: a.mailmaps,
      logins: [...a.logins, ...(flags.logins ?? []).map(fromCwd)],
      gitdmConfigs: [...a.gitdmConfigs, ...(flags.gitdmConfigs ?? []).map(fromCwd)],
      groupMaps: (flags.groupMaps ?? []).map((g) => ({ ...g, path: fromCwd(g.path) })),
      ...(target.configFile
        ? { inline: { organisations: a.organisations, file: target.configFile } }
        : {}),
    },
    {
      async read(path) {
        try {
          return await readFile(path);
        } catch (cause) {
          const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
          throw new BarometerError(
            'not-found',
            `${display(path)}: cannot read map file (${reason})`,
            { file: display(path) },
            { cause },
          );
        }
      },
      resolve: (fromFile, name) => (isAbsolute(name) ? name : resolve(dirname(fromFile), name)),
      display,
    },
  );
}
