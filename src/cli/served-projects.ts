/**
 * The other projects `barometer serve` offers beside the one it serves: every database under the
 * folder's `data/`, each served under `/p/<name>/` and exported on its first request, and listed
 * in each export's manifest (`projects`), which the dashboard's header reads.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { openNodeDatabase } from '../lib/db/node.ts';
import { assertBarometerDatabase } from '../lib/db/schema.ts';
import type { Clock } from '../lib/effects.ts';
import type { StaticRoot } from './static-server.ts';
import { exportData } from './export-arrow.ts';
import { databasesUnder } from './last-collect.ts';
import { projectNameFrom } from './project-target.ts';

/** One project the dashboard's header offers. */
export interface ServedProject {
  /** Its name (the database file's, without `.duckdb`). */
  name: string;
  /** Where it opens: `/` for the project served, `/p/<name>/` for the others. */
  href: string;
  /** Its database (absolute path). */
  database: string;
}

/** The project served first and every other database under `cwd/data/`, by name. */
export function servedProjects(cwd: string, main: ServedProject): ServedProject[] {
  const others = databasesUnder(cwd)
    .filter((database) => resolve(database) !== resolve(main.database))
    .map((database) => {
      const name = projectNameFrom(basename(database).replace(/\.duckdb$/i, ''));
      return { name, href: `/p/${encodeURIComponent(name)}/`, database };
    })
    .filter((project) => project.name !== main.name);
  return [main, ...others];
}

/**
 * Adds the header's list (name and address of each project) to an export's `manifest.json`,
 * written beside and renamed, so a reader never sees half of it.
 */
export function writeProjectsFile(dir: string, projects: readonly ServedProject[]): void {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  manifest.projects = projects.map(({ name, href }) => ({ name, href }));
  writeFileSync(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/**
 * The server's roots and first-request hook for the other projects: `/p/<name>/data/` is the
 * project's export under `exportsDir` (made, read-only from its database, on its first request),
 * `/p/<name>/` the dashboard build.
 */
export function otherProjectRoots(
  projects: readonly ServedProject[],
  exportsDir: string,
  dist: string,
  clock: Clock,
): { roots: StaticRoot[]; prepare: (urlPath: string) => Promise<void> } {
  const others = projects.filter((project) => project.href !== '/');
  const exported = new Map<string, Promise<void>>();
  const roots = others.flatMap((project) => [
    { prefix: `${project.href}data/`, dir: join(exportsDir, project.name) },
    { prefix: project.href, dir: dist },
  ]);
  const prepare = async (urlPath: string) => {
    const project = others.find((p) => urlPath.startsWith(`${p.href}data/`));
    if (!project) return;
    let exporting = exported.get(project.name);
    if (!exporting) {
      exporting = (async () => {
        const dir = join(exportsDir, project.name);
        const db = await openNodeDatabase(project.database, { readOnly: true });
        try {
          await assertBarometerDatabase(db, project.database);
          await exportData(db, dir, { project: project.name, clock });
        } finally {
          await db.close();
        }
        writeProjectsFile(dir, projects);
      })();
      // A failed export is tried again on the next request.
      exporting.catch(() => exported.delete(project.name));
      exported.set(project.name, exporting);
    }
    await exporting;
    if (!existsSync(join(exportsDir, project.name))) throw new Error(`${project.name}: no export`);
  };
  return { roots, prepare };
}
