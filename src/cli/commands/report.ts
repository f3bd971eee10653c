/**
 * `barometer report [CONFIG-OR-DB]`: the weather report. Prints the sentences and main tables; with
 * `--out DIR` writes weather.md, weather.json, one CSV per figure and the figures (SVG, PNG) there.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openNodeDatabase } from '../../lib/db/node.ts';
import { assertBarometerDatabase } from '../../lib/db/schema.ts';
import { BarometerError } from '../../lib/errors.ts';
import { colourOrder } from '../../lib/figures/colour-order.ts';
import {
  buildWeatherReport,
  type WeatherReportParams,
} from '../../lib/report/build-weather-report.ts';
import { isCalendarDay } from '../../lib/report/calendar-day.ts';
import { renderCsv } from '../../lib/report/render-csv.ts';
import { renderJson } from '../../lib/report/render-json.ts';
import { renderMarkdown } from '../../lib/report/render-markdown.ts';
import { renderText } from '../../lib/report/render-text.ts';
import type { WeatherReport } from '../../lib/report/weather-report.ts';
import type { Command, CommandContext } from '../command.ts';
import { asOutputFailure, makeOutputFolder } from '../output-folder.ts';
import { parseTargetArguments, resolveProjectTarget } from '../project-target.ts';
import {
  FIGURE_OPTIONS,
  FIGURE_USAGE,
  writeReportFigures,
  type FigureFlags,
} from '../figures/report-options.ts';
import type { FigureName } from '../../lib/report/figure-name.ts';
import type { ProjectConfig } from '../../lib/config/project-config.ts';

const USAGE = `Usage: barometer report [CONFIG-OR-DB] [options]

The weather report: the figures a community manager shows at a summit, as sentences and tables.
CONFIG-OR-DB is a project config (.json), a database made by collect (.duckdb), a repository or
nothing (the repository holding the current folder); its database must have been collected.

Options:
  --as-of YYYY-MM-DD     exclusive end of every period: nothing on or after it counts (default: today, UTC)
  --since YYYY-MM-DD     start of the rankings and per-year series (default: 1 January ten years before)
  --top N                N of "the top N organisations" (default: 6)
  --growth-since YEAR    base year of the growth rates (default: three full years before the last full year)
  --repository NAME      only commits held in this repository (repeatable)
  --subproject NAME      only the repositories (and lists) of this sub-project of the config (repeatable)
  --path PREFIX          only commits changing a file at or under PREFIX (repeatable); GitHub reviews drop out
  --area NAME            only commits changing a file the area covers (repeatable; see docs/areas.md)
  --out DIR              also write weather.md, weather.json, one CSV per figure and every figure
                         (SVG and PNG) into DIR
${FIGURE_USAGE}  --db FILE              the database to read (default: data/<name>.duckdb)
  --verbose              debug output and stack traces
`;

/** The report command's own options (after the target flags). */
export interface ReportFlags {
  params: WeatherReportParams;
  /** `--out DIR`, as given. */
  out?: string;
  /** `--figures`, `--size`, `--theme`, `--format` (src/cli/figures/report-options.ts). */
  figureFlags?: FigureFlags;
}

/** One option: whether it takes a value, and how it sets the flags. */
interface OptionSpec {
  repeatable?: boolean;
  apply(flags: ReportFlags, value: string, option: string): void;
}

function bad(option: string, expected: string, value: string): never {
  throw new BarometerError('bad-input', `${option} must be ${expected}, got '${value}'`, {
    field: option,
    value,
  });
}

function day(option: string, value: string): string {
  return isCalendarDay(value) ? value : bad(option, 'a calendar day YYYY-MM-DD', value);
}

/** Every option of `barometer report`, in one place; each takes a value. */
const REPORT_OPTIONS: Record<string, OptionSpec> = {
  '--as-of': { apply: (f, v, o) => (f.params.asOf = day(o, v)) },
  '--since': { apply: (f, v, o) => (f.params.since = day(o, v)) },
  '--top': {
    apply: (f, v, o) => {
      f.params.top = /^[1-9]\d{0,3}$/.test(v) ? Number(v) : bad(o, 'a whole number from 1', v);
    },
  },
  '--growth-since': {
    apply: (f, v, o) => {
      f.params.growthSince = /^\d{4}$/.test(v) ? Number(v) : bad(o, 'a year such as 2014', v);
    },
  },
  '--repository': {
    repeatable: true,
    apply: (f, v) => (f.params.repositories = [...(f.params.repositories ?? []), v]),
  },
  '--subproject': {
    repeatable: true,
    apply: (f, v) => (f.params.subprojects = [...(f.params.subprojects ?? []), v]),
  },
  '--path': {
    repeatable: true,
    apply: (f, v, o) => {
      const prefix = v.replace(/^\.?\/+/, '').replace(/\/+$/, '');
      if (!prefix) bad(o, 'a path prefix inside the repository such as xen/arch/arm', v);
      f.params.paths = [...(f.params.paths ?? []), prefix];
    },
  },
  '--area': {
    repeatable: true,
    apply: (f, v) => {
      if (!f.params.areas?.includes(v)) f.params.areas = [...(f.params.areas ?? []), v];
    },
  },
  '--out': { apply: (f, v) => (f.out = v) },
  ...FIGURE_OPTIONS,
};

/** Parses the report's own options; throws `bad-input` for an unknown option or a bad value. */
function parseReportFlags(rest: string[]): ReportFlags {
  const flags: ReportFlags = { params: {} };
  const seen = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const option = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = REPORT_OPTIONS[option];
    if (!spec) {
      throw new BarometerError(
        'bad-input',
        `unknown option '${arg}' (see barometer report --help)`,
        { value: arg },
      );
    }
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') {
      throw new BarometerError('bad-input', `${option} needs a value`, { field: option });
    }
    if (seen.has(option) && !spec.repeatable) {
      throw new BarometerError('bad-input', `${option} given twice`, { field: option, value });
    }
    seen.add(option);
    spec.apply(flags, value, option);
  }
  return flags;
}

/** Writes weather.md, weather.json and the CSVs into `dir`; returns the files written. */
function writeReportFiles(
  report: WeatherReport,
  dir: string,
  figures: Partial<Record<FigureName, string>> = {},
): string[] {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'weather.md': renderMarkdown(report, { figures }),
    'weather.json': renderJson(report),
    ...renderCsv(report),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return Object.keys(files);
}

/**
 * Refuses an option the report does not know before the target is parsed, so `--colour red` says
 * `unknown option '--colour'` rather than taking `red` for a second target.
 */
function checkOptionNames(argv: string[]): void {
  const takesValue = new Set([...Object.keys(REPORT_OPTIONS), '--db']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('-') || arg === '-') continue;
    const option = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!takesValue.has(option)) {
      throw new BarometerError(
        'bad-input',
        `unknown option '${option}' (see barometer report --help)`,
        { value: arg },
      );
    }
    if (!arg.includes('=')) i++;
  }
}

/** Builds the report for the command's target and flags (opened read-only). */
async function runReport(context: CommandContext): Promise<{
  report: WeatherReport;
  flags: ReportFlags;
  config: ProjectConfig;
  colours: readonly string[];
}> {
  checkOptionNames(context.argv);
  const args = parseTargetArguments(context.argv, Object.keys(REPORT_OPTIONS));
  const flags = parseReportFlags(args.rest);
  const target = await resolveProjectTarget(args.target, {
    cwd: context.cwd,
    now: context.clock(),
    ...(args.db ? { db: args.db } : {}),
  });
  if (target.note) context.logger.info(target.note);
  const path = target.databasePath;
  if (!existsSync(path)) {
    throw new BarometerError(
      'not-found',
      `${path}: no database yet; run \`barometer collect${args.target ? ` ${args.target}` : ''}\` first`,
      { file: path },
    );
  }
  const db = await openNodeDatabase(path, { readOnly: true });
  try {
    await assertBarometerDatabase(db, path);
    context.logger.debug(`report on ${path}`);
    const report = await buildWeatherReport(db, flags.params, {
      project: target.config.name,
      clock: context.clock,
    });
    return { report, flags, config: target.config, colours: await colourOrder(db) };
  } finally {
    await db.close();
  }
}

/** `barometer report`. */
export const command: Command = {
  summary: 'the weather report: figures, sentences, CSV',
  usage: USAGE,
  async run(context) {
    const { report, flags, config, colours } = await runReport(context);
    context.stdout.write(renderText(report));
    const dir = flags.out ? resolve(context.cwd, flags.out) : undefined;
    if (dir) makeOutputFolder(dir, '--out', flags.out);
    try {
      const drawn = await writeReportFigures(report, flags, dir, config, colours);
      if (dir) {
        const written = writeReportFiles(report, dir, drawn.figures);
        context.logger.info(`wrote ${written.length + drawn.files.length} files to ${dir}`);
      }
    } catch (error) {
      throw dir ? asOutputFailure('--out', flags.out!, dir, error) : error;
    }
    return 0;
  },
};
