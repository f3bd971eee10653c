/**
 * `barometer collect [PATH-OR-URL | CONFIG | DATABASE]`: mines the git history of a repository or
 * of every repository of a project into DuckDB, incrementally.
 */
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { ListConfig, RepositoryConfig } from '../../lib/config/project-config.ts';
import { isRepositoryName, REPOSITORY_NAME_RULE } from '../../lib/config/repository-name.ts';
import { openNodeDatabase, type NodeDatabase } from '../../lib/db/node.ts';
import { ensureSchema } from '../../lib/db/schema.ts';
import { BarometerError } from '../../lib/errors.ts';
import type { CollectResult, EngineChoice } from '../../../collectors/git/collect-repository.ts';
import { serialDatabase } from '../../../collectors/git/serial-database.ts';
import {
  collectGitHub,
  type GitHubCollectSummary,
} from '../../../collectors/github/collect-github.ts';
import { applyAffiliations, type ApplySummary } from '../../lib/identity/apply-affiliations.ts';
import { formatCount, plural } from '../../lib/report/format-figures.ts';
import { collectLists, type ListCollectResult } from '../../../collectors/mail/collect-lists.ts';
import { mailLines } from '../mail-lines.ts';
import type { Command, CommandContext } from '../command.ts';
import { loadAffiliationMaps } from '../load-maps.ts';
import { writeLastCollect } from '../last-collect.ts';
import { makeOutputFolder } from '../output-folder.ts';
import { createProgressBar, formatDuration } from '../progress-bar.ts';
import { applyTargetAreas, areasLine, loadCodeSizeFiles } from '../code-size-step.ts';
import {
  collectRepositories,
  failureError,
  type RepositoryFailure,
} from '../collect-repositories.ts';
import type { CodeSizeResult } from '../../../collectors/code-size/collect-code-size.ts';
import type { AreasSummary } from '../../lib/areas/apply-areas.ts';
import { applySubprojects } from '../../lib/subprojects/apply-subprojects.ts';
import {
  parseTargetArguments,
  resolveTargetArguments,
  type ProjectTarget,
} from '../project-target.ts';

const USAGE = `Usage: barometer collect [PATH-OR-URL | CONFIG | DATABASE] [options]

Mines git history into DuckDB (data/<name>.duckdb unless --db says otherwise). With no argument,
mines the git repository holding the current folder. Later runs add only new commits.

  PATH-OR-URL          a work tree, a bare repository, or an http(s) URL (cloned into data/repos/)
  CONFIG               a project config (.json) naming the project's repositories (and lists)
  DATABASE             a .duckdb made by collect: mines its repositories again

Options:
  --db FILE            the database to write (default: data/<name>.duckdb)
  --engine ENGINE      auto (default: git when installed, else isomorphic-git), git-cli, isomorphic-git
  --no-files           metadata and trailers only: no changed files or line counts (faster)
  --jobs N             processes mining at once: repositories side by side, and a large history
                       cut into parts (default: the machine's cores, ${availableParallelism()} here)
  --email-map FILE     a gitdm EmailMap (repeatable)
  --aliases FILE       a gitdm EmailAliases file (repeatable)
  --mailmap FILE       a .mailmap file (repeatable)
  --no-default-map     do not use the built-in map of company domains
  --verbose            debug output and stack traces
`;

const ENGINES: EngineChoice[] = ['auto', 'git-cli', 'isomorphic-git'];

/** The command's own options, after the target flags. */
export interface CollectFlags {
  engine: EngineChoice;
  withFiles: boolean;
  /** Processes mining at once (`--jobs`). Default: the machine's cores. */
  jobs: number;
}

/**
 * Parses collect's own flags (`--engine`, `--no-files`, `--jobs`); throws `bad-input` for anything
 * else.
 */
export function parseCollectFlags(rest: string[]): CollectFlags {
  const flags: CollectFlags = { engine: 'auto', withFiles: true, jobs: availableParallelism() };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const [flag, inline] = /^--(engine|jobs)=/.test(arg)
      ? [arg.slice(0, eq), arg.slice(eq + 1)]
      : [arg];
    if (flag === '--jobs') {
      const value = inline ?? rest[++i];
      if (value === undefined || !/^[1-9]\d{0,3}$/.test(value)) {
        throw new BarometerError(
          'bad-input',
          `--jobs must be a whole number from 1 to 9999, got ${value === undefined ? 'nothing' : `'${value}'`}`,
          { field: '--jobs', value },
        );
      }
      flags.jobs = Number(value);
    } else if (flag === '--engine') {
      const value = inline ?? rest[++i];
      if (!ENGINES.includes(value as EngineChoice)) {
        throw new BarometerError(
          'bad-input',
          `--engine must be one of ${ENGINES.join(', ')}, got ${value === undefined ? 'nothing' : `'${value}'`}`,
          { field: '--engine', value },
        );
      }
      flags.engine = value as EngineChoice;
    } else if (flag === '--no-files') {
      flags.withFiles = false;
    } else {
      throw new BarometerError(
        'bad-input',
        `unknown option '${arg}' (see barometer collect --help)`,
        {
          value: arg,
        },
      );
    }
  }
  return flags;
}

/** The repositories to mine: the config's, or for a database target the ones it already holds. */
async function repositoriesOf(
  target: ProjectTarget,
  db: NodeDatabase,
): Promise<RepositoryConfig[]> {
  if (target.kind !== 'database') return target.config.repositories;
  const rows = await db.query<{ name: string; source: string; branch: string }>(
    'SELECT name, source, branch FROM repositories ORDER BY name',
  );
  for (const row of rows) {
    // A database can come from anywhere: its names name cache folders too.
    if (!isRepositoryName(row.name)) {
      throw new BarometerError(
        'database',
        `${target.databasePath}: repositories.name ${JSON.stringify(row.name)} must be ${REPOSITORY_NAME_RULE}`,
        { file: target.databasePath, field: 'repositories.name', value: row.name },
      );
    }
  }
  return rows.map((row) => ({ name: row.name, source: row.source, branch: row.branch }));
}

/** The lists to read: the config's, or for a database target the ones it already holds. */
async function listsOf(target: ProjectTarget, db: NodeDatabase): Promise<ListConfig[]> {
  if (target.kind !== 'database') return target.config.lists;
  return db.query<ListConfig>(
    `SELECT list AS name, source FROM mail_sources GROUP BY list, source ORDER BY min(last_collected_at), list`,
  );
}

/** What a collect run did, for the summary line and for callers that chain more work. */
export interface CollectRunResult {
  target: ProjectTarget;
  results: CollectResult[];
  /**
   * Repositories that could not be collected: with several repositories, a failing one does not
   * stop the others (the command then names it and exits non-zero).
   */
  failed: RepositoryFailure[];
  /** Pull requests and reviews from the config's `github` section (not mined without a token). */
  github: GitHubCollectSummary;
  /** The config's mailing lists, collected after its repositories. */
  lists: ListCollectResult[];
  /** The re-resolution of people and organisations that ends every run. */
  affiliations: ApplySummary;
  /** Code size of each repository, when the config has `codeSize` (docs/code-size.md). */
  codeSize: CodeSizeResult[];
  /** The path → area table rebuilt after the affiliations (docs/areas.md). */
  areas: AreasSummary;
  seconds: number;
}

/** What to collect again for this target: its config, repository, URL or database. */
function targetSource(target: ProjectTarget): string {
  if (target.configFile) return target.configFile;
  if (target.kind === 'database') return target.databasePath;
  return target.config.repositories[0]?.source ?? target.databasePath;
}

/** Runs collect with parsed arguments; the command below adds printing and the exit code. */
export async function runCollect(context: CommandContext): Promise<CollectRunResult> {
  const args = parseTargetArguments(context.argv, ['--engine', '--jobs']);
  const flags = parseCollectFlags(args.rest);
  const target = await resolveTargetArguments(args, context.cwd, context.clock());
  if (target.note) context.logger.info(target.note);
  if (target.kind === 'database' && !args.db && !fs.existsSync(target.databasePath)) {
    throw new BarometerError('not-found', `${target.databasePath}: no such database`, {
      file: target.databasePath,
    });
  }
  // Read the maps before mining, so a bad map line fails in a second, not after an hour of mining.
  const maps = await loadAffiliationMaps(target, { cwd: context.cwd }, fs);
  const codeSizeFiles = loadCodeSizeFiles(target, fs);
  let codeSize: CodeSizeResult[];
  let areas: AreasSummary;
  const started = context.clock();
  // Made here, one level at a time: Node's recursive mkdir never returns for some paths (/proc/x).
  makeOutputFolder(dirname(target.databasePath), '--db', target.databasePath, 'database');
  // Repositories mined side by side share the connection: one statement or transaction at a time.
  const db = serialDatabase(await openNodeDatabase(target.databasePath));
  let affiliations: ApplySummary;
  let github: GitHubCollectSummary;
  let lists: ListCollectResult[] = [];
  const bar = createProgressBar(context.stderr, { clock: context.clock });
  let results: CollectResult[];
  let failed: RepositoryFailure[];
  try {
    const { upgradedFrom } = await ensureSchema(db);
    if (upgradedFrom !== null) {
      context.logger.info(
        `${target.databasePath} was collected by an older Barometer (schema ${upgradedFrom}); ` +
          'mining its repositories again, as the definitions of "as of" and of review tags changed',
      );
    }
    const repositories = await repositoriesOf(target, db);
    const mailLists = await listsOf(target, db);
    const { orgs, repos } = target.config.github;
    if (repositories.length === 0 && orgs.length + repos.length === 0 && mailLists.length === 0) {
      context.logger.warn(`${target.config.name} names no git repositories; nothing to collect`);
    }
    ({ results, failed, codeSize } = await collectRepositories({
      db,
      target,
      repositories,
      flags,
      codeSizeFiles,
      context,
      bar,
    }));
    if (mailLists.length > 0) {
      lists = await collectLists({
        db,
        lists: mailLists,
        engine: flags.engine,
        fs,
        logger: context.logger,
        clock: context.clock,
        cacheDir: join(context.cwd, 'data', 'repos'),
        onProgress: (p) =>
          bar.update({
            label: p.list,
            phase: p.phase === 'fetching' ? 'fetching' : 'reading messages',
            done: p.done,
            total: p.total,
            unit: 'messages',
          }),
      }).finally(() => bar.finish());
      for (const line of mailLines(lists)) context.stderr.write(`${line}\n`);
    }
    github = await collectGitHub({
      db,
      config: target.config.github,
      token: context.env.GITHUB_TOKEN,
      env: context.env,
      logger: context.logger,
      clock: context.clock,
    });
    affiliations = await applyAffiliations(db, maps, {
      now: context.clock(),
      logger: context.logger,
      // A run that added nothing, with the same maps, leaves `contributions` as it was.
      skipWhenUnchanged: true,
    });
    areas = await applyTargetAreas(db, target, context.logger);
    const grouped = await applySubprojects(
      db,
      target.kind === 'config' ? target.config.subprojects : 'stored',
    );
    for (const { subproject, pattern } of grouped.unmatched) {
      context.logger.warn(`sub-project ${subproject}: "${pattern}" matches no repository or list`);
    }
  } finally {
    await db.close();
  }
  const finished = context.clock();
  writeLastCollect(context.cwd, {
    target: targetSource(target),
    database: target.databasePath,
    project: target.config.name,
    collectedAt: finished.toISOString(),
  });
  const seconds = (finished.getTime() - started.getTime()) / 1000;
  return { target, results, failed, github, lists, affiliations, codeSize, areas, seconds };
}

/**
 * The summary line: repositories, commits added, time and the engine path taken, and the
 * repositories that could not be collected.
 */
export function summaryLine(run: CollectRunResult): string {
  const added = run.results.reduce((sum, r) => sum + r.commitsAdded, 0);
  const engines = [...new Set(run.results.map((r) => r.engine).filter((e) => e !== 'none'))];
  const n = run.results.length;
  const all = n + run.failed.length;
  return (
    `collected ${n}${all > n ? ` of ${all}` : ''} ${all === 1 ? 'repository' : 'repositories'}: ` +
    `${plural(added, 'commit')} added in ${formatDuration(run.seconds)} ` +
    `(engine: ${engines.length > 0 ? engines.join(', ') : 'none needed'}) into ${run.target.databasePath}` +
    (run.failed.length > 0 ? `; failed: ${run.failed.map((f) => f.repository).join(', ')}` : '')
  );
}

/** The second summary line: who was resolved, and how much is left for a person to map. */
export function affiliationLine(summary: ApplySummary): string {
  const reviews = summary.trailerReviews + summary.githubReviews + (summary.mailReviews ?? 0);
  const share = (part: number, whole: number) =>
    `${whole === 0 ? '0' : ((100 * part) / whole).toFixed(1)}%`;
  const people = `${formatCount(summary.people)} ${summary.people === 1 ? 'person' : 'people'}`;
  const unknownCommits = summary.unknownCommits ?? 0;
  const unknownReviews = summary.unknownReviews ?? 0;
  return (
    `affiliations ${summary.unchanged ? 'unchanged' : 'applied'}: ` +
    `${plural(summary.commits, 'commit')} and ${plural(reviews, 'review')} by ${people}; ` +
    `from unmapped addresses: ${formatCount(unknownCommits)} commits (${share(unknownCommits, summary.commits)}), ` +
    `${formatCount(unknownReviews)} reviews (${share(unknownReviews, reviews)})` +
    (summary.unknown > 0 ? ' (list them: barometer affiliations unknown)' : '')
  );
}

/** The line naming commits without a readable date, which count in totals but in no period. */
export function undatedLine(commits: number): string {
  return (
    `${plural(commits, 'commit')} ${commits === 1 ? 'has' : 'have'} an author date git cannot read: ` +
    'counted in totals, but in no year, date range or first contribution'
  );
}

/** Unreadable commits named in {@link unreadableLine} before the rest are only counted. */
const UNREADABLE_NAMED = 20;

/**
 * The line that counts and names the commits no engine could read (no readable author or
 * committer time), which were left out; null when there were none.
 */
export function unreadableLine(results: readonly CollectResult[]): string | null {
  // By id, so both engines (which read in different orders) print the same line.
  const all = results.flatMap((r) =>
    r.unreadable
      .map((u) => ({ ...u, repository: r.repository }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  );
  if (all.length === 0) return null;
  const named = all
    .slice(0, UNREADABLE_NAMED)
    .map((u) => `${u.repository} ${u.id.slice(0, 12)} (${u.reason})`);
  const more = all.length > UNREADABLE_NAMED ? `, and ${all.length - UNREADABLE_NAMED} more` : '';
  return (
    `${plural(all.length, 'commit')} could not be ` +
    `read and ${all.length === 1 ? 'was' : 'were'} not stored: ${named.join(', ')}${more}`
  );
}

/** `barometer collect`. */
export const command: Command = {
  summary: 'mine git history into DuckDB',
  usage: USAGE,
  async run(context) {
    const run = await runCollect(context);
    context.stdout.write(`${summaryLine(run)}\n${affiliationLine(run.affiliations)}\n`);
    if (run.target.config.areas) context.stdout.write(`${areasLine(run.areas)}\n`);
    const undated = run.affiliations.undatedCommits ?? 0;
    if (undated > 0) context.stdout.write(`${undatedLine(undated)}\n`);
    const unreadable = unreadableLine(run.results);
    if (unreadable) context.logger.warn(unreadable);
    if (run.failed.length > 0) throw failureError(run.failed);
    return 0;
  },
};
