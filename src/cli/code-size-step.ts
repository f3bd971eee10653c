/**
 * What `collect` does after mining a repository when the project config asks: store the
 * MAINTAINERS file its areas come from, and count code size at the configured points
 * (docs/code-size.md); and, after every repository, rebuild the path → area table.
 */
import type * as NodeFs from 'node:fs';
import {
  collectCodeSize,
  type CodeSizeResult,
} from '../../collectors/code-size/collect-code-size.ts';
import type { CollectResult, EngineChoice } from '../../collectors/git/collect-repository.ts';
import { storeMaintainersFile } from '../../collectors/git/maintainers-file.ts';
import { openObjectStore } from '../../collectors/git/object-store.ts';
import { applyAreas, type AreasSummary } from '../lib/areas/apply-areas.ts';
import { applyCodeSizeTotals } from '../lib/code-size/apply-code-size-totals.ts';
import { parseFileList } from '../lib/code-size/parse-file-list.ts';
import type { NodeDatabase } from '../lib/db/node.ts';
import type { Clock, Logger } from '../lib/effects.ts';
import { BarometerError } from '../lib/errors.ts';
import { plural } from '../lib/report/format-figures.ts';
import type { ProgressBar } from './progress-bar.ts';
import type { ProjectTarget } from './project-target.ts';

/**
 * The paths of the config's `codeSize.files` (resolved against the config's folder), or null when
 * it names none. Read before mining, so a bad list fails in a second. Throws `not-found` when the
 * file cannot be read, `bad-input` for a bad line.
 */
export function loadCodeSizeFiles(
  target: ProjectTarget,
  fs: Pick<typeof NodeFs, 'readFileSync'>,
): string[] | null {
  const file = target.config.codeSize?.files;
  if (!file) return null;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (cause) {
    throw new BarometerError(
      'not-found',
      `${file}: cannot read the file list named by codeSize.files`,
      { file, field: 'codeSize.files' },
      { cause },
    );
  }
  return parseFileList(text, file);
}

/** What the steps after a repository need. */
export interface RepositoryStepOptions {
  db: NodeDatabase;
  target: ProjectTarget;
  result: CollectResult;
  /** The parsed `codeSize.files`, or null. */
  files: string[] | null;
  engine: EngineChoice;
  fs: typeof NodeFs;
  logger: Logger;
  clock: Clock;
  bar: ProgressBar;
}

/**
 * Stores the repository's MAINTAINERS file (when the areas come from one) and counts its code
 * size (when the config has `codeSize`); returns the count's result, or null when not asked.
 */
export async function afterRepository(
  options: RepositoryStepOptions,
): Promise<CodeSizeResult | null> {
  const { db, target, result, bar } = options;
  const areas = target.config.areas;
  if (areas?.kind === 'maintainers') {
    const store = openObjectStore(options.fs, result.gitdir);
    try {
      await storeMaintainersFile(db, store, result.repository, result.head, areas.file);
    } finally {
      store.close();
    }
  }
  const config = target.config.codeSize;
  if (!config) return null;
  const label = `${result.repository} code size`;
  const counted = await collectCodeSize({
    db,
    repository: result.repository,
    gitdir: result.gitdir,
    config,
    files: options.files,
    engine: options.engine,
    fs: options.fs,
    logger: options.logger,
    clock: options.clock,
    onProgress: ({ phase, done, total }) =>
      bar.update({ label, done, total, unit: phase === 'listing' ? 'points listed' : 'files' }),
  }).catch((error: unknown) => {
    bar.finish();
    throw error;
  });
  bar.finish(codeSizeLine(counted));
  return counted;
}

/** `xen.git: code size at 142 points (3 new), 1,204 files counted in 2.1 s (git-cli)`. */
export function codeSizeLine(result: CodeSizeResult): string {
  return (
    `${result.repository}: code size at ${plural(result.points, 'point')}` +
    (result.engine === 'none'
      ? ', nothing new'
      : ` (${result.pointsAdded} new), ${plural(result.blobsCounted, 'file')} counted in ` +
        `${result.seconds.toFixed(1)} s (${result.engine})`)
  );
}

/**
 * Rebuilds the path → area table for the target (its config's areas, or, for a database given
 * without a config, the areas the last run used), then the code-size totals by area, which are
 * summed from it. Each is kept when nothing it is built from changed.
 */
export async function applyTargetAreas(
  db: NodeDatabase,
  target: ProjectTarget,
  logger: Logger,
): Promise<AreasSummary> {
  const input = target.kind === 'database' ? 'stored' : target.config.areas;
  const summary = await applyAreas(db, input, { logger });
  await applyCodeSizeTotals(db);
  return summary;
}

/** `areas (maintainers): 12 areas over 3,412 paths; 40 paths in none`. */
export function areasLine(summary: AreasSummary): string {
  return (
    `areas (${summary.source}) ${summary.unchanged ? 'unchanged' : 'applied'}: ` +
    `${plural(summary.areas, 'area')} over ${plural(summary.paths, 'path')}` +
    (summary.uncovered > 0 ? `; ${plural(summary.uncovered, 'path')} in none` : '')
  );
}
