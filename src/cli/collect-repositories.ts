/**
 * The repositories of one `collect` run, `--jobs` of them at a time, into one database: each is
 * mined (in this process, or in parts by a pool of worker processes when its history is large),
 * prints its line when done, and is followed by its own steps (MAINTAINERS, code size), one
 * repository at a time. With several repositories, one that fails does not stop the others.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectRepository, type CollectResult } from '../../collectors/git/collect-repository.ts';
import { MiningPool } from '../../collectors/git/mining-pool.ts';
import type { SerialDatabase } from '../../collectors/git/serial-database.ts';
import type { CodeSizeResult } from '../../collectors/code-size/collect-code-size.ts';
import type { RepositoryConfig } from '../lib/config/project-config.ts';
import { BarometerError } from '../lib/errors.ts';
import { plural } from '../lib/report/format-figures.ts';
import { afterRepository } from './code-size-step.ts';
import type { CollectFlags } from './commands/collect.ts';
import type { CommandContext } from './command.ts';
import { repositoryProgress } from './collect-progress.ts';
import type { ProgressBar } from './progress-bar.ts';
import type { ProjectTarget } from './project-target.ts';

/** A repository that could not be collected, and why. */
export interface RepositoryFailure {
  repository: string;
  error: unknown;
}

/** What {@link collectRepositories} did, each list in the config's order. */
export interface RepositoriesRun {
  results: CollectResult[];
  failed: RepositoryFailure[];
  codeSize: CodeSizeResult[];
}

/** Options for {@link collectRepositories}. */
export interface RepositoriesOptions {
  db: SerialDatabase;
  target: ProjectTarget;
  repositories: readonly RepositoryConfig[];
  flags: CollectFlags;
  /** The parsed `codeSize.files`, or null. */
  codeSizeFiles: string[] | null;
  context: CommandContext;
  bar: ProgressBar;
}

/** Node arguments that let mining workers load Barometer's TypeScript, as this process did. */
const WORKER_NODE_ARGUMENTS = [
  '--import',
  fileURLToPath(new URL('./register.js', import.meta.url)),
];

/** `xen.git (master): 50,464 commits added in 41.3 s (git-cli)`. */
function repositoryLine(result: CollectResult): string {
  return (
    `${result.repository} (${result.branch}): ${plural(result.commitsAdded, 'commit')} added` +
    `${result.historyRewritten ? ' after a history rewrite' : ''}` +
    ` in ${result.seconds.toFixed(1)} s` +
    `${result.engine === 'none' ? ', nothing new' : ` (${result.engine})`}`
  );
}

/**
 * Collects `repositories`, at most `flags.jobs` at a time, taken in order. A single repository's
 * error is thrown; with several, failures are returned and the others land.
 */
export async function collectRepositories(options: RepositoriesOptions): Promise<RepositoriesRun> {
  const { db, target, repositories, flags, context } = options;
  const bar = repositoryProgress(options.bar);
  const outcomes: Array<CollectResult | RepositoryFailure> = [];
  const codeSizes: Array<CodeSizeResult | undefined> = [];
  // Workers start only when a history is large enough to share out (mine-new-commits.ts).
  const pool =
    flags.jobs > 1
      ? new MiningPool({ jobs: flags.jobs, nodeArguments: WORKER_NODE_ARGUMENTS })
      : undefined;
  let afterSteps: Promise<unknown> = Promise.resolve();

  const collectOne = async (repository: RepositoryConfig, index: number) => {
    let result: CollectResult;
    try {
      result = await collectRepository({
        db,
        repository,
        engine: flags.engine,
        withFiles: flags.withFiles,
        fs,
        logger: context.logger,
        clock: context.clock,
        cacheDir: join(context.cwd, 'data', 'repos'),
        countTotal: bar.live,
        ...(pool ? { pool } : {}),
        onProgress: (p) => bar.update(p),
      });
    } catch (error) {
      bar.finish(repository.name);
      if (repositories.length === 1) throw error;
      outcomes[index] = { repository: repository.name, error };
      return;
    }
    outcomes[index] = result;
    bar.finish(result.repository, repositoryLine(result));
    const step = afterSteps.then(() =>
      afterRepository({
        db,
        target,
        result,
        files: options.codeSizeFiles,
        engine: flags.engine,
        fs,
        logger: context.logger,
        clock: context.clock,
        bar: options.bar,
      }),
    );
    afterSteps = step.catch(() => {});
    codeSizes[index] = (await step) ?? undefined;
  };

  try {
    let next = 0;
    const lanes = Array.from({ length: Math.min(flags.jobs, repositories.length) }, async () => {
      while (next < repositories.length) {
        const index = next++;
        await collectOne(repositories[index]!, index);
      }
    });
    // Every lane ends before an error is thrown: no repository is left writing.
    const settled = await Promise.allSettled(lanes);
    const rejected = settled.find((s) => s.status === 'rejected');
    if (rejected) throw rejected.reason;
  } finally {
    await pool?.close();
  }
  return {
    results: outcomes.filter((o): o is CollectResult => !('error' in o)),
    failed: outcomes.filter((o): o is RepositoryFailure => 'error' in o),
    codeSize: codeSizes.filter((c): c is CodeSizeResult => c !== undefined),
  };
}

/**
 * The error that ends a run in which repositories failed: the first failure's own kind (so its exit
 * code), naming each failed repository and why. An unexpected failure is thrown as it is.
 */
export function failureError(failed: readonly RepositoryFailure[]): Error {
  const unexpected = failed.find((f) => !(f.error instanceof BarometerError));
  if (unexpected) return unexpected.error as Error;
  const errors = failed.map((f) => f.error as BarometerError);
  const reasons = failed.map((f, i) => `${f.repository} (${errors[i]!.message})`);
  const n = failed.length;
  return new BarometerError(
    errors[0]!.code,
    `${n} ${n === 1 ? 'repository' : 'repositories'} could not be collected: ${reasons.join('; ')}`,
    { repositories: failed.map((f) => f.repository) },
    { cause: errors[0] },
  );
}
