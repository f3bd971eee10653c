/**
 * `barometer site [CONFIG-OR-DB] --out DIR`: the dashboard as a static site (HTML, JavaScript,
 * WebAssembly, the data as Arrow files) that any static host can serve as it is.
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BarometerError } from '../../lib/errors.ts';
import type { Command } from '../command.ts';
import { asOutputFailure, makeOutputFolder } from '../output-folder.ts';
import { ensureDashboardBuild } from '../dashboard-build.ts';
import { prepareDashboardData, splitArguments } from '../dashboard-data.ts';
import { parseViews, viewLines } from '../view-spec.ts';

const USAGE = `Usage: barometer site [PATH-OR-URL | CONFIG | DATABASE] --out DIR [options]

Writes the dashboard for a project as a static site into DIR: index.html, assets/ (JavaScript,
styles, fonts, the duckdb-wasm engine) and data/ (the project's figures as Arrow files). Upload DIR
to any static host; it needs no server of its own. A project whose database does not exist yet is
collected first. DIR must be empty or a site written before (it is replaced).

Options:
  --out DIR            the folder to write (required)
  --view NAME=asOf:YYYY-MM-DD[,since:YYYY,top:N,path:P,repo:R,kind:reviews,mode:shares]
                       a view whose figures are computed now, so DIR/?view=NAME (or a link with
                       the same settings) opens at once (repeatable)
  --db FILE            the database (default: data/<name>.duckdb)
  --email-map FILE, --aliases FILE, --mailmap FILE, --no-default-map   as for collect
`;

/** True when `dir` is missing, empty, or holds only what `site` writes. */
function isReplaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (!statSync(dir).isDirectory()) return false;
  const entries = readdirSync(dir);
  return (
    entries.length === 0 ||
    (entries.includes('index.html') &&
      entries.every((name) => ['index.html', 'assets', 'data', 'favicon.ico'].includes(name)))
  );
}

/** `barometer site`. */
export const command: Command = {
  summary: 'the dashboard as a static site',
  usage: USAGE,
  async run(context) {
    const { targetArgv, values, lists, rest } = splitArguments(context.argv, ['--out', '--view']);
    if (rest.length > 0) {
      throw new BarometerError(
        'bad-input',
        `unknown option '${rest[0]}' (see barometer site --help)`,
        {
          value: rest[0],
        },
      );
    }
    const outArg = values['--out'];
    if (!outArg) {
      throw new BarometerError(
        'bad-input',
        'site needs --out DIR (the folder to write the site to)',
        {
          field: '--out',
        },
      );
    }
    const views = parseViews(lists['--view']);
    const out = resolve(context.cwd, outArg);
    if (!isReplaceable(out)) {
      throw new BarometerError(
        'bad-input',
        `${outArg} is not empty and not a Barometer site; choose an empty folder for --out`,
        { field: '--out', file: outArg },
      );
    }
    const dist = await ensureDashboardBuild(context.logger);
    makeOutputFolder(out, '--out', outArg);
    let data: Awaited<ReturnType<typeof prepareDashboardData>>;
    try {
      rmSync(join(out, 'assets'), { recursive: true, force: true });
      data = await prepareDashboardData(context, targetArgv, join(out, 'data'), views);
      cpSync(dist, out, { recursive: true });
    } catch (error) {
      throw asOutputFailure('--out', outArg, out, error);
    }
    const rows = data.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
    context.stdout.write(
      `wrote the ${data.manifest.project} dashboard to ${outArg}: ${data.manifest.tables.length} tables, ` +
        `${rows.toLocaleString('en-US')} rows; serve the folder from any static host\n`,
    );
    for (const line of viewLines(data.manifest.views, outArg.replace(/\/*$/, '/')))
      context.stdout.write(`${line}\n`);
    return 0;
  },
};
