/**
 * `barometer affiliations apply|unknown|who`: resolve people and organisations from the raw tables
 * and the affiliation maps, list what no map covers, and explain one person.
 */
import * as fsp from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { openNodeDatabase, type NodeDatabase } from '../../lib/db/node.ts';
import { assertBarometerDatabase } from '../../lib/db/schema.ts';
import { BarometerError } from '../../lib/errors.ts';
import type { AffiliationMaps } from '../../lib/identity/affiliation-maps.ts';
import { applyAffiliations, type ApplySummary } from '../../lib/identity/apply-affiliations.ts';
import { previewAffiliations } from '../../lib/identity/preview-affiliations.ts';
import { readRepositoryMailmaps } from '../../lib/identity/read-repository-mailmaps.ts';
import { createResolver } from '../../lib/identity/create-resolver.ts';
import { describePerson, formatPersonDescription } from '../../lib/identity/describe-person.ts';
import {
  formatUnknownCsv,
  formatUnknownGitdm,
  formatUnknownText,
} from '../../lib/identity/format-unknown.ts';
import { listUnknown } from '../../lib/identity/list-unknown.ts';
import { parseMapDate } from '../../lib/identity/map-date.ts';
import type { Command, CommandContext } from '../command.ts';
import {
  AFFILIATION_VALUE_FLAGS,
  loadAffiliationMaps,
  parseAffiliationFlags,
} from '../load-maps.ts';
import {
  parseTargetArguments,
  resolveTargetArguments,
  type ProjectTarget,
} from '../project-target.ts';

const USAGE = `Usage: barometer affiliations <apply|unknown|who> [options]

  apply [CONFIG-OR-DB]              resolve every commit and review to a person and organisation
                                    (rebuilds the contributions table; no mining)
  unknown [CONFIG-OR-DB]            the addresses and domains no map covers, biggest first
      --since YYYY-MM-DD            count contributions from that day on
      --limit N                     show at most N entries (default 20)
      --format text|gitdm|csv       gitdm: EmailMap lines with ? to fill in (default text)
  who ADDRESS [CONFIG-OR-DB]        a person's addresses, names, GitHub logins and organisation
                                    over time, with the map line that decided each

CONFIG-OR-DB is a project config (.json), a .duckdb, or a repository (default: the current one).
unknown and who show the maps as they are now without changing the database.

Map options (all repeatable):
  --email-map FILE          gitdm EmailMap: [user@]domain  Organisation  [< YYYY-MM-DD]
  --aliases FILE            gitdm EmailAliases: alias@address canonical@address
  --mailmap FILE            git .mailmap
  --group-map FILE:ORG      gitdm GroupMap: one address or domain a line, all of ORG
  --gitdm-config FILE       gitdm config naming EmailMap, EmailAliases and GroupMap files
  --logins FILE             GitHub logins: login canonical@address
  --no-default-map          do not use the built-in map of company domains
  --db FILE                 the database (default: data/<name>.duckdb)
`;

const FORMATS = ['text', 'gitdm', 'csv'] as const;

/** Options of `unknown`. */
interface UnknownFlags {
  since?: string;
  limit: number;
  format: (typeof FORMATS)[number];
}

function parseUnknownFlags(rest: string[]): UnknownFlags {
  const flags: UnknownFlags = { limit: 20, format: 'text' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined || v === '') {
        throw new BarometerError('bad-input', `${flag} needs a value`, { field: flag });
      }
      return v;
    };
    if (flag === '--since') {
      const since = value();
      if (!parseMapDate(since)) {
        throw new BarometerError('bad-input', `--since must be a date YYYY-MM-DD, got '${since}'`, {
          field: '--since',
          value: since,
        });
      }
      flags.since = since;
    } else if (flag === '--limit') {
      const limit = value();
      if (!/^\d+$/.test(limit) || Number(limit) < 1) {
        throw new BarometerError(
          'bad-input',
          `--limit must be a whole number from 1, got '${limit}'`,
          {
            field: '--limit',
            value: limit,
          },
        );
      }
      flags.limit = Number(limit);
    } else if (flag === '--format') {
      const format = value();
      if (!(FORMATS as readonly string[]).includes(format)) {
        throw new BarometerError(
          'bad-input',
          `--format must be one of ${FORMATS.join(', ')}, got '${format}'`,
          { field: '--format', value: format },
        );
      }
      flags.format = format as UnknownFlags['format'];
    } else {
      throw unknownOption(arg);
    }
  }
  return flags;
}

const unknownOption = (arg: string) =>
  new BarometerError('bad-input', `unknown option '${arg}' (see barometer affiliations --help)`, {
    value: arg,
  });

/** The target, its maps and its database, opened. */
interface Session {
  target: ProjectTarget;
  maps: AffiliationMaps;
  db: NodeDatabase;
  shown: string;
  rest: string[];
}

async function open(context: CommandContext, argv: string[]): Promise<Session> {
  const args = parseTargetArguments(argv, [
    ...AFFILIATION_VALUE_FLAGS,
    '--since',
    '--limit',
    '--format',
  ]);
  const { flags, rest } = parseAffiliationFlags(args.rest, context.cwd);
  const target = await resolveTargetArguments(args, context.cwd, context.clock());
  if (target.note) context.logger.info(target.note);
  const path = target.databasePath;
  const rel = relative(context.cwd, path);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  if (!existsSync(path)) {
    throw new BarometerError(
      'not-found',
      `${shown}: no such database; run \`barometer collect${args.target ? ` ${args.target}` : ''}\` first`,
      { file: shown },
    );
  }
  const maps = await loadAffiliationMaps(target, flags, fsp);
  const db = await openNodeDatabase(path);
  try {
    await assertBarometerDatabase(db, shown);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { target, maps, db, shown, rest };
}

const percent = (part: number, whole: number) =>
  `${whole ? ((part / whole) * 100).toFixed(1) : '0.0'}%`;

/** One line saying what an apply produced. */
export function formatApplySummary(summary: ApplySummary, database: string): string {
  const mail = summary.mailReviews ?? 0;
  const reviews = summary.trailerReviews + summary.githubReviews + mail;
  const contributions = summary.commits + reviews;
  const maps = summary.maps.length;
  return (
    `applied ${maps} map${maps === 1 ? '' : 's'} to ${database}: ${summary.commits} commits, ` +
    `${reviews} reviews (${summary.trailerReviews} from trailers, ` +
    `${summary.githubReviews} from GitHub${mail > 0 ? `, ${mail} from mailing lists` : ''}), ` +
    `${summary.people} people; Unknown: ${summary.unknown} ` +
    `(${percent(summary.unknown, contributions)} of contributions)\n`
  );
}

async function runApply(context: CommandContext, argv: string[]): Promise<number> {
  const session = await open(context, argv);
  try {
    if (session.rest.length) throw unknownOption(session.rest[0]!);
    const summary = await applyAffiliations(session.db, session.maps, {
      now: context.clock(),
      logger: context.logger,
    });
    context.stdout.write(formatApplySummary(summary, session.shown));
    return 0;
  } finally {
    await session.db.close();
  }
}

async function runUnknown(context: CommandContext, argv: string[]): Promise<number> {
  const session = await open(context, argv);
  try {
    const flags = parseUnknownFlags(session.rest);
    const listing = await previewAffiliations(
      session.db,
      session.maps,
      { now: context.clock(), logger: context.logger },
      () =>
        listUnknown(session.db, {
          ...(flags.since ? { since: flags.since } : {}),
          limit: flags.limit,
        }),
    );
    const format =
      flags.format === 'gitdm'
        ? formatUnknownGitdm
        : flags.format === 'csv'
          ? formatUnknownCsv
          : formatUnknownText;
    context.stdout.write(format(listing));
    return 0;
  } finally {
    await session.db.close();
  }
}

async function runWho(context: CommandContext, argv: string[]): Promise<number> {
  const address = argv[0];
  if (!address || address.startsWith('-')) {
    throw new BarometerError(
      'bad-input',
      'affiliations who needs an ADDRESS (e.g. jane@example.org)',
      {
        field: 'ADDRESS',
      },
    );
  }
  if (!address.includes('@')) {
    throw new BarometerError('bad-input', `not an e-mail address: '${address}'`, {
      value: address,
    });
  }
  const session = await open(context, argv.slice(1));
  try {
    if (session.rest.length) throw unknownOption(session.rest[0]!);
    const text = await previewAffiliations(
      session.db,
      session.maps,
      { now: context.clock() },
      async () => {
        const { entries } = await readRepositoryMailmaps(session.db);
        const { resolver } = createResolver(session.maps, entries);
        return formatPersonDescription(
          await describePerson(session.db, session.maps, resolver, address),
        );
      },
    );
    context.stdout.write(text);
    return 0;
  } finally {
    await session.db.close();
  }
}

/** The `affiliations` command. */
export const command: Command = {
  summary: 'resolve people and organisations; find unmapped addresses; explain a person',
  usage: USAGE,
  async run(context) {
    const [sub, ...argv] = context.argv;
    if (sub === 'apply') return runApply(context, argv);
    if (sub === 'unknown') return runUnknown(context, argv);
    if (sub === 'who') return runWho(context, argv);
    throw new BarometerError(
      'bad-input',
      sub === undefined
        ? 'affiliations needs a sub-command: apply, unknown or who'
        : `unknown sub-command '${sub}' (expected apply, unknown or who)`,
      { value: sub },
    );
  },
};
