/**
 * What the stored sub-projects hold (the `subprojects` table, see apply-subprojects.ts), and the
 * repositories and lists that `--subproject NAME` narrows a report to.
 */
import type { Database } from '../db/database.ts';
import { BarometerError } from '../errors.ts';
import type { MetricParams } from '../metrics/metric.ts';

/** One sub-project and what its patterns match. */
export interface SubprojectMembers {
  name: string;
  /** Repository names it holds, sorted. */
  repositories: string[];
  /** List names it holds, sorted. */
  lists: string[];
}

/** The stored sub-projects, in the config's order. */
export async function readSubprojects(db: Database): Promise<SubprojectMembers[]> {
  const rows = await db.query<{ subproject: string; kind: string | null; name: string | null }>(
    `SELECT subproject, kind, name FROM subprojects
     GROUP BY subproject, position, kind, name
     ORDER BY position, kind, name`,
  );
  const byName = new Map<string, SubprojectMembers>();
  for (const row of rows) {
    let members = byName.get(row.subproject);
    if (!members) {
      members = { name: row.subproject, repositories: [], lists: [] };
      byName.set(row.subproject, members);
    }
    if (row.kind === 'repository' && row.name !== null) members.repositories.push(row.name);
    if (row.kind === 'list' && row.name !== null) members.lists.push(row.name);
  }
  return [...byName.values()];
}

/** The repositories and lists of the named sub-projects together. */
export interface SubprojectScope {
  repositories: string[];
  lists: string[];
}

/**
 * The repositories and lists of `names` together (each once, sorted). Throws `not-found` for a name
 * the database does not define, listing those it does, and for a sub-project that holds no
 * repository (its commit figures would otherwise cover everything).
 */
export async function resolveSubprojects(
  db: Database,
  names: readonly string[],
): Promise<SubprojectScope> {
  if (names.length === 0) return { repositories: [], lists: [] };
  const known = await readSubprojects(db);
  const repositories = new Set<string>();
  const lists = new Set<string>();
  for (const name of names) {
    const found = known.find((s) => s.name === name);
    if (!found) {
      const list = known.map((s) => `'${s.name}'`).join(', ');
      throw new BarometerError(
        'not-found',
        known.length > 0
          ? `unknown sub-project '${name}' (known: ${list})`
          : `unknown sub-project '${name}': the database defines none (collect a config with "subprojects")`,
        { field: 'subproject', value: name },
      );
    }
    if (found.repositories.length === 0) {
      throw new BarometerError(
        'not-found',
        `sub-project '${name}' holds no repository of the database (its patterns match none collected)`,
        { field: 'subproject', value: name },
      );
    }
    for (const r of found.repositories) repositories.add(r);
    for (const l of found.lists) lists.add(l);
  }
  return { repositories: [...repositories].sort(), lists: [...lists].sort() };
}

/**
 * `params` narrowed also to the repositories and lists of the sub-projects `names` (added to those
 * already named, each once); `params` itself when `names` is empty. Throws as
 * {@link resolveSubprojects}.
 */
export async function withSubprojects(
  db: Database,
  params: MetricParams,
  names: readonly string[],
): Promise<MetricParams> {
  if (names.length === 0) return params;
  const scope = await resolveSubprojects(db, names);
  const union = (given: readonly string[] | undefined, more: string[]) => [
    ...new Set([...(given ?? []), ...more]),
  ];
  return {
    ...params,
    repositories: union(params.repositories, scope.repositories),
    lists: union(params.lists, scope.lists),
  };
}
