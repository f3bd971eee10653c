/**
 * The data behind `serve` and `site`: the project's database (mined first when it does not exist
 * yet, and its people and organisations resolved when that was never done), exported for the
 * browser as Arrow files plus a manifest.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openNodeDatabase } from '../lib/db/node.ts';
import { assertBarometerDatabase } from '../lib/db/schema.ts';
import type { DataManifest } from '../lib/db/wasm-manifest.ts';
import type { CommandContext } from './command.ts';
import { exportData } from './export-arrow.ts';
import type { ViewSpec } from './view-spec.ts';
import {
  parseTargetArguments,
  resolveTargetArguments,
  type ProjectTarget,
} from './project-target.ts';

/** The flags `serve` and `site` pass on to `collect` and `affiliations apply`. */
const TARGET_FLAGS = ['--db', '--email-map', '--aliases', '--mailmap'];

/** What was prepared. */
export interface DashboardData {
  target: ProjectTarget;
  manifest: DataManifest;
  /** Folder holding manifest.json and the Arrow files. */
  exportDir: string;
}

/**
 * Splits a command's arguments into the target's (positional, --db, map flags) and the rest,
 * taking out `own` flags that carry a value (`--port 8080`, `--out DIR`): the last value of each
 * in `values`, every value of each (for a repeatable flag such as `--view`) in `lists`.
 */
export function splitArguments(
  argv: string[],
  own: string[],
): {
  targetArgv: string[];
  values: Record<string, string>;
  lists: Record<string, string[]>;
  rest: string[];
} {
  const targetArgv: string[] = [];
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (own.includes(flag)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      values[flag] = value ?? '';
      (lists[flag] ??= []).push(value ?? '');
    } else if (TARGET_FLAGS.includes(flag)) {
      targetArgv.push(arg);
      if (eq < 0 && i + 1 < argv.length) targetArgv.push(argv[++i]!);
    } else if (flag === '--no-default-map' || !arg.startsWith('-')) {
      targetArgv.push(arg);
    } else {
      rest.push(arg);
    }
  }
  return { targetArgv, values, lists, rest };
}

async function contributionCount(path: string): Promise<number | null> {
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    await assertBarometerDatabase(db, path);
    const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM contributions`);
    return row?.n ?? 0;
  } finally {
    await db.close();
  }
}

/**
 * Makes sure the target's database exists and has contributions (running `collect` and
 * `affiliations apply` in-process when needed), then exports it to `exportDir` (default:
 * `data/exports/<project>` under the current folder), with the reports of the named `views`.
 */
export async function prepareDashboardData(
  context: CommandContext,
  targetArgv: string[],
  exportDir?: string,
  views: readonly ViewSpec[] = [],
): Promise<DashboardData> {
  const args = parseTargetArguments(targetArgv);
  let target = await resolveTargetArguments(args, context.cwd, context.clock());
  if (target.note) context.logger.info(target.note);
  if (!existsSync(target.databasePath)) {
    context.logger.info(
      `${target.databasePath} does not exist yet: collecting ${target.config.name} first`,
    );
    const { runCollect, summaryLine, affiliationLine } = await import('./commands/collect.ts');
    const run = await runCollect({ ...context, argv: targetArgv });
    context.logger.info(summaryLine(run));
    context.logger.info(affiliationLine(run.affiliations));
    target = run.target;
  }
  if ((await contributionCount(target.databasePath)) === 0) {
    context.logger.info('resolving people and organisations (affiliations apply)');
    const { command: affiliations } = await import('./commands/affiliations.ts');
    await affiliations.run({
      ...context,
      stdout: { write: (text: string) => context.logger.info(text.trimEnd()) },
      argv: ['apply', ...targetArgv],
    });
  }
  const dir = exportDir ?? join(context.cwd, 'data', 'exports', target.config.name);
  const db = await openNodeDatabase(target.databasePath, { readOnly: true });
  try {
    const manifest = await exportData(db, dir, {
      project: target.config.name,
      colours: target.config.colours,
      clock: context.clock,
      views,
    });
    return { target, manifest, exportDir: dir };
  } finally {
    await db.close();
  }
}
