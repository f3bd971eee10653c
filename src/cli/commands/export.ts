/**
 * `barometer export [CONFIG-OR-DB] --parquet DIR`: the database's tables as Parquet for warehouses
 * (see src/cli/export-parquet.ts and docs/warehouses.md).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openNodeDatabase } from '../../lib/db/node.ts';
import { assertBarometerDatabase } from '../../lib/db/schema.ts';
import { BarometerError } from '../../lib/errors.ts';
import { formatCount, plural } from '../../lib/report/format-figures.ts';
import type { Command } from '../command.ts';
import { exportParquet } from '../export-parquet.ts';
import { asOutputFailure, makeOutputFolder } from '../output-folder.ts';
import { parseTargetArguments, resolveTargetArguments } from '../project-target.ts';

const USAGE = `Usage: barometer export [CONFIG-OR-DB] --parquet DIR [options]

Writes every table of the database (raw and derived) into DIR as Parquet, partitioned by
repository (DIR/commits/repository=<name>/data_0.parquet) where a table has a repository column,
for DuckDB, ClickHouse, Trino or Spark to query, alone or with the exports of other machines.
DIR must be new, empty, or an earlier export (which is replaced).

Options:
  --parquet DIR          the folder to write
  --db FILE              the database to read (default: data/<name>.duckdb)
  --verbose              debug output and stack traces
`;

/** `barometer export`. */
export const command: Command = {
  summary: 'the database as Parquet files, partitioned by repository',
  usage: USAGE,
  async run(context) {
    const args = parseTargetArguments(context.argv, ['--parquet']);
    let out: string | undefined;
    for (let i = 0; i < args.rest.length; i++) {
      const arg = args.rest[i]!;
      if (arg === '--parquet' || arg.startsWith('--parquet=')) {
        if (out !== undefined) {
          throw new BarometerError('bad-input', '--parquet given twice', { field: '--parquet' });
        }
        out = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args.rest[++i];
        if (!out)
          throw new BarometerError('bad-input', '--parquet needs a value', { field: '--parquet' });
      } else {
        throw new BarometerError(
          'bad-input',
          `unknown option '${arg}' (see barometer export --help)`,
          {
            value: arg,
          },
        );
      }
    }
    if (out === undefined) {
      throw new BarometerError('bad-input', 'say where to write: --parquet DIR', {
        field: '--parquet',
      });
    }
    const target = await resolveTargetArguments(args, context.cwd, context.clock());
    if (target.note) context.logger.info(target.note);
    const path = target.databasePath;
    if (!existsSync(path)) {
      throw new BarometerError(
        'not-found',
        `${path}: no database yet; run \`barometer collect\` first`,
        {
          file: path,
        },
      );
    }
    const dir = resolve(context.cwd, out);
    const db = await openNodeDatabase(path, { readOnly: true });
    try {
      await assertBarometerDatabase(db, path);
      makeOutputFolder(resolve(dir, '..'), '--parquet', out);
      const manifest = await exportParquet(db, dir, {
        project: target.config.name,
        clock: context.clock,
        shown: out,
      }).catch((error: unknown) => {
        throw asOutputFailure('--parquet', out, resolve(dir, '..'), error);
      });
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      const bytes = manifest.tables.reduce((sum, t) => sum + t.bytes, 0);
      context.stdout.write(
        `exported ${plural(manifest.tables.length, 'table')} (${formatCount(rows)} rows, ` +
          `${formatCount(Math.ceil(bytes / 1024))} KiB of Parquet) to ${dir}\n`,
      );
    } finally {
      await db.close();
    }
    return 0;
  },
};
