/**
 * Rebuilds the `subprojects` table from a project config's sub-projects (docs/definitions.md,
 * "Sub-projects"): each name or glob matched against the repositories and lists the database
 * holds, so `report DB`, `--subproject` and the dashboard know the groups without the config.
 * Runs at the end of `collect`, after the affiliations.
 */
import type { SubprojectsConfig } from '../config/project-config.ts';
import type { Database } from '../db/database.ts';
import { inTransaction } from '../identity/apply-affiliations.ts';
import { insertColumns } from '../identity/insert-columns.ts';
import { matchWildcard } from '../areas/match-wildcard.ts';

/**
 * The sub-projects to apply: a config's (`{}` removes them), or `stored` for those the last apply
 * used (a target without a config, such as a database given to `collect`).
 */
export type SubprojectsInput = SubprojectsConfig | 'stored';

/** What {@link applySubprojects} did. */
export interface SubprojectsSummary {
  /** Sub-projects defined. */
  subprojects: number;
  /** Patterns that match no repository or list of the database, in definition order. */
  unmatched: Array<{ subproject: string; pattern: string }>;
}

/** Every repository name the database knows (as the report's repository check does) and list. */
const NAMES_SQL = `
  SELECT 'repository' AS kind, name FROM repositories
  UNION SELECT 'repository', full_name FROM github_repositories
  UNION SELECT 'repository', repository FROM contributions
  UNION SELECT 'list', list FROM mail_sources
  UNION SELECT 'list', list FROM message_lists
  ORDER BY kind DESC, name`;

/** The definitions stored by the last apply, in their order. */
async function storedDefinitions(db: Database): Promise<SubprojectsConfig> {
  const rows = await db.query<{ subproject: string; pattern: string }>(
    `SELECT subproject, pattern FROM subprojects
     GROUP BY subproject, position, pattern, pattern_position
     ORDER BY position, pattern_position`,
  );
  const out: SubprojectsConfig = {};
  for (const row of rows) (out[row.subproject] ??= []).push(row.pattern);
  return out;
}

/**
 * Rebuilds `subprojects` in one transaction: one row per sub-project, pattern and matching
 * repository or list, and one row with no match for a pattern that matches nothing (so the
 * definition survives until a later collect finds what it names).
 */
export async function applySubprojects(
  db: Database,
  input: SubprojectsInput,
): Promise<SubprojectsSummary> {
  const definitions = input === 'stored' ? await storedDefinitions(db) : input;
  const names = await db.query<{ kind: 'repository' | 'list'; name: string }>(NAMES_SQL);
  const columns = {
    subproject: [] as string[],
    position: [] as string[],
    pattern: [] as string[],
    pattern_position: [] as string[],
    kind: [] as (string | null)[],
    name: [] as (string | null)[],
  };
  const unmatched: SubprojectsSummary['unmatched'] = [];
  const push = (
    subproject: string,
    position: number,
    pattern: string,
    patternPosition: number,
    match: { kind: string; name: string } | null,
  ) => {
    columns.subproject.push(subproject);
    columns.position.push(String(position));
    columns.pattern.push(pattern);
    columns.pattern_position.push(String(patternPosition));
    columns.kind.push(match?.kind ?? null);
    columns.name.push(match?.name ?? null);
  };
  Object.entries(definitions).forEach(([subproject, patterns], position) => {
    patterns.forEach((pattern, patternPosition) => {
      const matches = names.filter((n) => matchWildcard(pattern, n.name));
      if (matches.length === 0) {
        unmatched.push({ subproject, pattern });
        push(subproject, position, pattern, patternPosition, null);
      }
      for (const match of matches) push(subproject, position, pattern, patternPosition, match);
    });
  });
  await inTransaction(db, async () => {
    await db.exec('DELETE FROM subprojects');
    await insertColumns(db, 'subprojects', columns, {
      position: 'INTEGER',
      pattern_position: 'INTEGER',
    });
  });
  return { subprojects: Object.keys(definitions).length, unmatched };
}
