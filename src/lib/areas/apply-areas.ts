/**
 * Rebuilds `path_areas` (which areas cover each path the database has seen) and `commit_areas`
 * (which areas each commit is in) from the project's areas, so metrics narrow to an area with a
 * join and areas can change without mining again. Runs at the end of `collect`, after the
 * affiliations.
 */
import type { AreasConfig } from '../config/code-size-config.ts';
import type { Database } from '../db/database.ts';
import { silentLogger, type Logger } from '../effects.ts';
import { inTransaction } from '../identity/apply-affiliations.ts';
import { insertColumns } from '../identity/insert-columns.ts';
import { compileAreas, topLevelArea, type AreaMatcher } from './area-matcher.ts';
import { parseMaintainers } from './parse-maintainers.ts';

/**
 * The areas to apply: a config's `areas`, undefined for the top-level folders (a config without
 * `areas`), or `stored` for the ones the last apply used (a target without a config, such as a
 * database given to `collect`; the top-level folders when none was stored).
 */
export type AreasInput = AreasConfig | undefined | 'stored';

/** What {@link applyAreas} did. */
export interface AreasSummary {
  /** Where the areas came from. */
  source: 'config' | 'maintainers' | 'top-level folders';
  /** Distinct areas covering at least one path. */
  areas: number;
  /** Distinct (repository, path) pairs seen. */
  paths: number;
  /** Of those, the ones no area covers. */
  uncovered: number;
  /** True when nothing changed since the last apply, which was kept. */
  unchanged: boolean;
}

const CONFIG_KEY = 'areas:config';
const FINGERPRINT_KEY = 'areas:fingerprint';

/**
 * Every path of commit_files (new and old names) and of the code-size file lists; and every path
 * the lists' patches touch, in each repository (a patch names no repository, so a list review
 * follows whichever repository's areas cover its change's files).
 */
const PATHS_SQL = `
  SELECT repository, path FROM commit_files
  UNION SELECT repository, old_path FROM commit_files WHERE old_path IS NOT NULL
  UNION SELECT repository, path FROM code_size_files
  UNION SELECT r.name, f.path FROM (SELECT DISTINCT path FROM message_files) AS f, repositories AS r`;

/**
 * Each commit's areas (those covering a file it changed, as its new or its old path) and the lines
 * it added and deleted in each (files by their new path), from its files in the first repository
 * by name holding it, as `contributions` counts it.
 */
const COMMIT_AREAS_SQL = `
  INSERT INTO commit_areas
  WITH files AS (
    SELECT f.*
    FROM commit_files AS f
    JOIN (SELECT commit_id, min(repository) AS repository FROM commit_files GROUP BY commit_id) AS r
      ON r.commit_id = f.commit_id AND r.repository = f.repository
  ),
  placed AS (
    SELECT f.commit_id, a.area, coalesce(f.lines_added, 0) AS added,
           coalesce(f.lines_deleted, 0) AS deleted
    FROM files AS f JOIN path_areas AS a ON a.repository = f.repository AND a.path = f.path
    UNION ALL
    SELECT f.commit_id, a.area, 0, 0
    FROM files AS f JOIN path_areas AS a ON a.repository = f.repository AND a.path = f.old_path
  )
  SELECT commit_id, area, CAST(sum(added) AS INTEGER), CAST(sum(deleted) AS INTEGER)
  FROM placed
  GROUP BY commit_id, area`;

async function metaValue(db: Database, key: string): Promise<string | null> {
  const rows = await db.query<{ value: string }>(
    'SELECT value FROM barometer_meta WHERE key = $key',
    { key },
  );
  return rows[0]?.value ?? null;
}

/** The matcher of each repository for `areas` (maintainers: its stored file, parsed). */
async function matchers(
  db: Database,
  areas: AreasConfig | undefined,
  logger: Logger,
): Promise<(repository: string) => AreaMatcher | null> {
  if (areas === undefined) return () => ({ areasOf: (path) => [topLevelArea(path)] });
  if (areas.kind === 'paths') {
    const matcher = compileAreas(areas.areas);
    return () => matcher;
  }
  const rows = await db.query<{ repository: string; path: string; content: string }>(
    'SELECT repository, path, content FROM repository_maintainers ORDER BY repository',
  );
  const byRepository = new Map<string, AreaMatcher>();
  for (const row of rows) {
    if (row.path !== areas.file) continue;
    const sections = parseMaintainers(row.content);
    if (sections.length === 0) {
      logger.warn(
        `${row.repository}: no ${areas.file} with F: patterns at its head; its files are in no area`,
      );
      continue;
    }
    byRepository.set(row.repository, compileAreas(sections));
  }
  return (repository) => byRepository.get(repository) ?? null;
}

/**
 * Rebuilds `path_areas` and `commit_areas` for `input` (see {@link AreasInput}) in one
 * transaction, unless neither the areas, the stored MAINTAINERS files, the set of paths nor the
 * changed files changed since the last apply.
 */
export async function applyAreas(
  db: Database,
  input: AreasInput,
  options: { logger?: Logger } = {},
): Promise<AreasSummary> {
  const logger = options.logger ?? silentLogger;
  let areas: AreasConfig | undefined;
  if (input === 'stored') {
    const stored = await metaValue(db, CONFIG_KEY);
    areas = stored && stored !== 'null' ? (JSON.parse(stored) as AreasConfig) : undefined;
  } else areas = input;
  const source =
    areas === undefined ? 'top-level folders' : areas.kind === 'paths' ? 'config' : 'maintainers';
  const configJson = JSON.stringify(areas ?? null);

  const [state] = await db.query<{ paths: number; fingerprint: string }>(
    `SELECT (SELECT count(*) FROM (${PATHS_SQL})) AS paths,
            (SELECT count(*) || ':' || coalesce(sum(hash(repository, path)), 0) FROM (${PATHS_SQL}))
            || '/' || (SELECT coalesce(sum(hash(repository, path, content)), 0) FROM repository_maintainers)
            || '/' || (SELECT count(*) || ':' || coalesce(sum(hash(commit_id, path, old_path, lines_added, lines_deleted)), 0) FROM commit_files)
            || '/' || md5($config) || '/' || md5($sql) AS fingerprint`,
    // The SQL too: a new way of deriving the tables derives them again.
    { config: configJson, sql: `${PATHS_SQL}${COMMIT_AREAS_SQL}` },
  );
  const fingerprint = state?.fingerprint ?? '';
  if ((await metaValue(db, FINGERPRINT_KEY)) === fingerprint) {
    const [counts] = await db.query<{ areas: number; covered: number }>(
      `SELECT count(DISTINCT area) AS areas, count(DISTINCT (repository, path)) AS covered
       FROM path_areas`,
    );
    const paths = state?.paths ?? 0;
    return {
      source,
      areas: counts?.areas ?? 0,
      paths,
      uncovered: paths - (counts?.covered ?? 0),
      unchanged: true,
    };
  }

  const matcherOf = await matchers(db, areas, logger);
  const paths = await db.query<{ repository: string; path: string }>(
    `${PATHS_SQL} ORDER BY repository, path`,
  );
  const columns = { repository: [] as string[], path: [] as string[], area: [] as string[] };
  const names = new Set<string>();
  let uncovered = 0;
  for (const { repository, path } of paths) {
    const found = matcherOf(repository)?.areasOf(path) ?? [];
    if (found.length === 0) uncovered++;
    for (const area of found) {
      columns.repository.push(repository);
      columns.path.push(path);
      columns.area.push(area);
      names.add(area);
    }
  }
  await inTransaction(db, async () => {
    await db.exec('DELETE FROM path_areas');
    await db.exec('DELETE FROM commit_areas');
    await insertColumns(db, 'path_areas', columns);
    await db.exec(COMMIT_AREAS_SQL);
    await db.query(
      `INSERT INTO barometer_meta VALUES ($configKey, $config), ($fingerprintKey, $fingerprint)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      { configKey: CONFIG_KEY, config: configJson, fingerprintKey: FINGERPRINT_KEY, fingerprint },
    );
  });
  return { source, areas: names.size, paths: paths.length, uncovered, unchanged: false };
}
