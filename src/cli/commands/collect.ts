/**
 * `barometer collect [PATH-OR-URL | CONFIG | DATABASE]`: mines the git history of a repository or
 * of every repository of a project into DuckDB, incrementally.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { ListConfig, RepositoryConfig } from '../../lib/config/project-config.ts';
import { openNodeDatabase, type NodeDatabase } from '../../lib/db/node.ts';
import { ensureSchema } from '../../lib/db/schema.ts';
import { BarometerError } from '../../lib/errors.ts';
import {
  collectRepository,
  type CollectResult,
  type EngineChoice,
} from '../../../collectors/git/collect-repository.ts';
import {
  collectGitHub,
  type GitHubCollectSummary,
} from '../../../collectors/github/collect-github.ts';
import { applyAffiliations, type ApplySummary } from '../../lib/identity/apply-affiliations.ts';
import { collectLists, type ListCollectResult } from '../../../collectors/mail/collect-lists.ts';
import { mailLines } from '../mail-lines.ts';
import type { Command, CommandContext } from '../command.ts';
import { loadAffiliationMaps } from '../load-maps.ts';
import { createProgressBar, formatDuration } from '../progress-bar.ts';
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
}

/** Parses collect's own flags (`--engine`, `--no-files`); throws `bad-input` for anything else. */
export function parseCollectFlags(rest: string[]): CollectFlags {
  const flags: CollectFlags = { engine: 'auto', withFiles: true };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith('--engine=') ? ['--engine', arg.slice(9)] : [arg];
    if (flag === '--engine') {
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
  /** Pull requests and reviews from the config's `github` section (not mined without a token). */
  github: GitHubCollectSummary;
  /** The config's mailing lists, collected after its repositories. */
  lists: ListCollectResult[];
  /** The re-resolution of people and organisations that ends every run. */
  affiliations: ApplySummary;
  seconds: number;
}

/** Runs collect with parsed arguments; the command below adds printing and the exit code. */
export async function runCollect(context: CommandContext): Promise<CollectRunResult> {
  const args = parseTargetArguments(context.argv, ['--engine']);
  const flags = parseCollectFlags(args.rest);
  const target = await resolveTargetArguments(args, context.cwd);
  if (target.kind === 'database' && !args.db && !fs.existsSync(target.databasePath)) {
    throw new BarometerError('not-found', `${target.databasePath}: no such database`, {
      file: target.databasePath,
    });
  }
  // Read the maps before mining, so a bad map line fails in a second, not after an hour of mining.
  const maps = await loadAffiliationMaps(target, { cwd: context.cwd }, fs);
  const started = context.clock();
  const db = await openNodeDatabase(target.databasePath);
  let affiliations: ApplySummary;
  let github: GitHubCollectSummary;
  let lists: ListCollectResult[] = [];
  const bar = createProgressBar(context.stderr, { clock: context.clock });
  const results: CollectResult[] = [];
  try {
    await ensureSchema(db);
    const repositories = await repositoriesOf(target, db);
    const mailLists = await listsOf(target, db);
    const { orgs, repos } = target.config.github;
    if (repositories.length === 0 && orgs.length + repos.length === 0 && mailLists.length === 0) {
      context.logger.warn(`${target.config.name} names no git repositories; nothing to collect`);
    }
    for (const repository of repositories) {
      const result = await collectRepository({
        db,
        repository,
        engine: flags.engine,
        withFiles: flags.withFiles,
        fs,
        logger: context.logger,
        clock: context.clock,
        cacheDir: join(context.cwd, 'data', 'repos'),
        countTotal: bar.live,
        onProgress: (p) =>
          bar.update({
            label: p.repository,
            phase: p.phase === 'fetching' ? 'fetching' : 'reading history',
            done: p.commitsDone,
            total: p.commitsTotal,
          }),
      }).catch((error: unknown) => {
        bar.finish();
        throw error;
      });
      results.push(result);
      bar.finish(
        `${result.repository} (${result.branch}): ${result.commitsAdded.toLocaleString('en-US')} commits added` +
          `${result.historyRewritten ? ' after a history rewrite' : ''}` +
          ` in ${result.seconds.toFixed(1)} s` +
          `${result.engine === 'none' ? ', nothing new' : ` (${result.engine})`}`,
      );
    }
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
  } finally {
    await db.close();
  }
  const seconds = (context.clock().getTime() - started.getTime()) / 1000;
  return { target, results, github, lists, affiliations, seconds };
}

/** The summary line: repositories, commits added, time and the engine path taken. */
export function summaryLine(run: CollectRunResult): string {
  const added = run.results.reduce((sum, r) => sum + r.commitsAdded, 0);
  const engines = [...new Set(run.results.map((r) => r.engine).filter((e) => e !== 'none'))];
  const n = run.results.length;
  return (
    `collected ${n} ${n === 1 ? 'repository' : 'repositories'}: ` +
    `${added.toLocaleString('en-US')} commits added in ${formatDuration(run.seconds)} ` +
    `(engine: ${engines.length > 0 ? engines.join(', ') : 'none needed'}) into ${run.target.databasePath}`
  );
}

/** The second summary line: who was resolved, and how much is left for a person to map. */
export function affiliationLine(summary: ApplySummary): string {
  const reviews = summary.trailerReviews + summary.githubReviews + (summary.mailReviews ?? 0);
  const total = summary.commits + reviews;
  const share = total === 0 ? 0 : Math.round((100 * summary.unknown) / total);
  const people = `${summary.people.toLocaleString('en-US')} ${summary.people === 1 ? 'person' : 'people'}`;
  return (
    `affiliations ${summary.unchanged ? 'unchanged' : 'applied'}: ` +
    `${summary.commits.toLocaleString('en-US')} commits and ` +
    `${reviews.toLocaleString('en-US')} reviews by ${people}; ` +
    `${share}% from unmapped addresses` +
    (summary.unknown > 0 ? ' (list them: barometer affiliations unknown)' : '')
  );
}

/** `barometer collect`. */
export const command: Command = {
  summary: 'mine git history into DuckDB',
  usage: USAGE,
  async run(context) {
    const run = await runCollect(context);
    context.stdout.write(`${summaryLine(run)}\n${affiliationLine(run.affiliations)}\n`);
    return 0;
  },
};
