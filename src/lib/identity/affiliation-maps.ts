/**
 * Every affiliation map a run uses, parsed: the value `applyAffiliations`, `affiliations who` and
 * the dashboard take. {@link loadAffiliationMapFiles} reads them through a function it is given.
 */
import type { AffiliationsConfig } from '../config/project-config.ts';
import { DEFAULT_MAP_FILE, defaultMapLines, defaultOrganisationLines } from './default-map.ts';
import { inlineOrganisations } from './inline-organisations.ts';
import { throwMapProblems, type MapProblem } from './map-problem.ts';
import type { OrganisationLine } from './organisation-line.ts';
import { createAliases, parseEmailAliases, type AliasEntry } from './parse-email-aliases.ts';
import { parseEmailMap } from './parse-email-map.ts';
import { parseGitdmConfig } from './parse-gitdm-config.ts';
import { parseGroupMap } from './parse-group-map.ts';
import { parseLogins, type LoginEntry } from './parse-logins.ts';
import { parseMailmap, type MailmapEntry } from './parse-mailmap.ts';
import { createOrganisationIndex } from './organisation-index.ts';

/** The format of a map file. */
export type MapKind =
  | 'mailmap'
  | 'repository-mailmap'
  | 'aliases'
  | 'email-map'
  | 'group-map'
  | 'gitdm-config'
  | 'logins'
  | 'config'
  | 'default-map';

/** One map a run read: recorded in `affiliation_maps` so reports can say what was applied. */
export interface MapFileRecord {
  /** The file as shown to the user (relative to the working folder when inside it). */
  file: string;
  kind: MapKind;
  /** Lines in the file (entries, for the project config's inline map). */
  lines: number;
  /** Entries read from it. */
  entries: number;
}

/** Parsed affiliation maps, in the order they were read. */
export interface AffiliationMaps {
  /** `.mailmap` lines (later lines override earlier ones for the same key, as in git). */
  mailmap: MailmapEntry[];
  /** gitdm EmailAliases lines. */
  aliases: AliasEntry[];
  /** The project's organisation lines (EmailMap, GroupMap, config): conflicts among them are errors. */
  organisations: OrganisationLine[];
  /** The default map's lines (empty when turned off); the project's lines for a key hide these. */
  defaultOrganisations: OrganisationLine[];
  /** GitHub login lines. */
  logins: LoginEntry[];
  /** Every file read, for the record. */
  files: MapFileRecord[];
}

/** Maps with nothing in them (and no default map). */
export function emptyAffiliationMaps(): AffiliationMaps {
  return {
    mailmap: [],
    aliases: [],
    organisations: [],
    defaultOrganisations: [],
    logins: [],
    files: [],
  };
}

/** Which map files to read: paths as the reader understands them. */
export interface AffiliationMapSpec {
  /** Use the shipped default map. Default: true. */
  defaultMap?: boolean;
  emailMaps?: string[];
  aliases?: string[];
  mailmaps?: string[];
  logins?: string[];
  gitdmConfigs?: string[];
  /** GroupMap files with the organisation their entries belong to. */
  groupMaps?: { path: string; organisation: string }[];
  /** The project config's inline map and the config file it came from. */
  inline?: { organisations: AffiliationsConfig['organisations']; file: string };
}

/** How {@link loadAffiliationMapFiles} reaches files. */
export interface MapReader {
  /** The text of a file; throws (e.g. `not-found`) naming the file when it cannot. */
  read(path: string): Promise<string>;
  /** A path named inside `fromFile` (a gitdm config), resolved against that file's folder. */
  resolve(fromFile: string, name: string): string;
  /** How a path is shown in messages and records. Default: as is. */
  display?(path: string): string;
}

/**
 * Reads and parses every map of `spec`. Throws `bad-input` naming file, line and problem for the
 * first bad line (every problem in `data.problems`), including conflicts between lines.
 */
export async function loadAffiliationMapFiles(
  spec: AffiliationMapSpec,
  reader: MapReader,
): Promise<AffiliationMaps> {
  const maps = emptyAffiliationMaps();
  const problems: MapProblem[] = [];
  const show = (path: string) => reader.display?.(path) ?? path;
  const record = (file: string, kind: MapKind, lines: number, entries: number) =>
    maps.files.push({ file, kind, lines, entries });

  const emailMap = async (path: string) => {
    const file = show(path);
    const parsed = parseEmailMap(await reader.read(path), file);
    maps.organisations.push(...parsed.entries);
    problems.push(...parsed.problems);
    record(file, 'email-map', parsed.lines, parsed.entries.length);
  };
  const aliases = async (path: string) => {
    const file = show(path);
    const parsed = parseEmailAliases(await reader.read(path), file);
    maps.aliases.push(...parsed.entries);
    problems.push(...parsed.problems);
    record(file, 'aliases', parsed.lines, parsed.entries.length);
  };
  const groupMap = async (path: string, organisation: string) => {
    const file = show(path);
    const parsed = parseGroupMap(await reader.read(path), file, organisation);
    maps.organisations.push(...parsed.entries);
    problems.push(...parsed.problems);
    record(file, 'group-map', parsed.lines, parsed.entries.length);
  };

  for (const path of spec.gitdmConfigs ?? []) {
    const file = show(path);
    const parsed = parseGitdmConfig(await reader.read(path), file);
    problems.push(...parsed.problems);
    record(file, 'gitdm-config', parsed.lines, parsed.entries.length);
    for (const entry of parsed.entries) {
      const target = reader.resolve(path, entry.path);
      if (entry.kind === 'email-map') await emailMap(target);
      else if (entry.kind === 'aliases') await aliases(target);
      else await groupMap(target, entry.organisation ?? '');
    }
  }
  for (const path of spec.emailMaps ?? []) await emailMap(path);
  for (const { path, organisation } of spec.groupMaps ?? []) await groupMap(path, organisation);
  for (const path of spec.aliases ?? []) await aliases(path);
  for (const path of spec.mailmaps ?? []) {
    const file = show(path);
    const parsed = parseMailmap(await reader.read(path), file);
    maps.mailmap.push(...parsed.entries);
    problems.push(...parsed.problems);
    record(file, 'mailmap', parsed.lines, parsed.entries.length);
  }
  for (const path of spec.logins ?? []) {
    const file = show(path);
    const parsed = parseLogins(await reader.read(path), file);
    maps.logins.push(...parsed.entries);
    problems.push(...parsed.problems);
    record(file, 'logins', parsed.lines, parsed.entries.length);
  }
  if (spec.inline && Object.keys(spec.inline.organisations).length > 0) {
    const file = show(spec.inline.file);
    const parsed = inlineOrganisations(spec.inline.organisations, file);
    maps.organisations.push(...parsed.entries);
    problems.push(...parsed.problems);
    const count = Object.keys(spec.inline.organisations).length;
    record(file, 'config', count, parsed.entries.length);
  }
  if (spec.defaultMap ?? true) {
    maps.defaultOrganisations = defaultOrganisationLines();
    record(DEFAULT_MAP_FILE, 'default-map', defaultMapLines(), maps.defaultOrganisations.length);
  }
  problems.push(...checkAffiliationMaps(maps));
  throwMapProblems(problems);
  return maps;
}

/** Problems found only across lines: conflicting organisation lines, conflicting or looping aliases. */
export function checkAffiliationMaps(maps: AffiliationMaps): MapProblem[] {
  const problems = [
    ...createOrganisationIndex([maps.organisations, maps.defaultOrganisations]).problems,
    ...createAliases(maps.aliases).problems,
  ];
  const logins = new Map<string, LoginEntry>();
  for (const entry of maps.logins) {
    const earlier = logins.get(entry.login);
    if (earlier && earlier.email !== entry.email) {
      problems.push({
        source: entry.source,
        problem: `conflict: login ${entry.login} is ${entry.email} here and ${earlier.email} at ${earlier.source.file}:${earlier.source.line}`,
      });
    } else if (!earlier) logins.set(entry.login, entry);
  }
  return problems;
}
