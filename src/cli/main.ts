import { showControlCharacters } from '../lib/control-characters.ts';
import { BarometerError, type ErrorCode } from '../lib/errors.ts';
import { systemClock, type Logger } from '../lib/effects.ts';
import type { CommandContext } from './command.ts';
import { commands } from './commands/index.ts';

/** Exit codes by error kind; 1 is anything unexpected. Documented in the README. */
const EXIT_CODES: Record<ErrorCode, number> = {
  'bad-input': 2,
  'not-found': 3,
  'database-in-use': 4,
  database: 5,
  source: 6,
  github: 7,
};

/**
 * `barometer --help`: each command's synopsis (the first line of its usage) and its summary, read
 * from the commands themselves so the list cannot drift from them.
 */
async function help(): Promise<string> {
  const loaded = await Promise.all(
    Object.values(commands).map(async (load) => (await load()).command),
  );
  const lines = loaded.map((command) => [
    (command.usage.split('\n')[0] ?? '')
      .replace(/^Usage: barometer /, '')
      .replace(/ \[options\]$/, ''),
    command.summary,
  ]);
  const width = Math.max(...lines.map(([synopsis]) => synopsis!.length));
  return `barometer: community health from a project's own history

Usage: barometer <command> [options]

Commands:
${lines.map(([synopsis, summary]) => `  ${synopsis!.padEnd(width)}   ${summary}`).join('\n')}

Global options:
  --verbose   show debug output and stack traces
  --help      show help for a command
`;
}

/**
 * How the user started Barometer, for the commands that hints and errors tell them to run:
 * `npx barometer` when npm ran it (npm names what it runs in `npm_lifecycle_script`: `barometer`
 * for `npx barometer …`, `node src/cli/barometer.js …` for `npm start`), else `barometer` (on the
 * PATH, e.g. after `npm link`; also when npm ran something else, such as the tests, that runs it).
 */
export function commandPrefix(env: Record<string, string | undefined>): string {
  const script = (env.npm_lifecycle_script ?? '').replace(/^['"]|['"]$/g, '');
  return /^barometer\b/.test(script) || /^node\s+src\/cli\/barometer\.js\b/.test(script)
    ? 'npx barometer'
    : 'barometer';
}

/**
 * `text` with every `barometer <command>` it suggests written as the user started it; the label
 * of an error line (`barometer report: …`) is left as it is.
 */
function withPrefix(text: string, prefix: string): string {
  if (prefix === 'barometer') return text;
  return text.replace(
    /(^|[\s(`'"])barometer(?= (?:collect|report|serve|site|affiliations|--help)\b(?!:))/g,
    `$1${prefix}`,
  );
}

/** Options the tests use to run the CLI in-process with their own effects. */
export type MainOptions = Partial<Omit<CommandContext, 'argv' | 'verbose' | 'logger'>>;

/**
 * The CLI entry: runs one command and maps errors to one line on stderr and an exit code.
 * Stack traces only with `--verbose`.
 */
export async function main(args: string[], options: MainOptions = {}): Promise<number> {
  const verbose = args.includes('--verbose');
  const argv = args.filter((arg) => arg !== '--verbose');
  const env = options.env ?? process.env;
  const prefix = commandPrefix(env);
  // Names and subjects from the data reach the terminal only through these, with their control
  // characters (an escape sequence could rewrite the screen) shown as symbols. The progress bar
  // writes its own escape sequences to `stderr` directly.
  const rawStdout = options.stdout ?? process.stdout;
  const stdout = {
    write: (text: string) => rawStdout.write(showControlCharacters(withPrefix(text, prefix))),
  };
  const stderr = options.stderr ?? process.stderr;
  const say = (text: string) =>
    void stderr.write(`${showControlCharacters(withPrefix(text, prefix))}\n`);
  const logger: Logger = {
    info: (message) => say(message),
    warn: (message) => say(`warning: ${message}`),
    debug: (message) => void (verbose && say(message)),
  };
  const name = argv[0];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    stdout.write(await help());
    return 0;
  }
  const load = commands[name];
  if (!load) {
    stderr.write(
      `barometer: unknown command '${name}' (try: ${Object.keys(commands).join(', ')})\n`,
    );
    return 2;
  }
  const context: CommandContext = {
    argv: argv.slice(1),
    logger,
    clock: options.clock ?? systemClock,
    cwd: options.cwd ?? process.cwd(),
    env,
    stdout,
    stderr,
    verbose,
  };
  try {
    const { command } = await load();
    if (context.argv.includes('--help') || context.argv.includes('-h')) {
      stdout.write(`${command.usage.trimEnd()}\n`);
      return 0;
    }
    return (await command.run(context)) ?? 0;
  } catch (error) {
    if (error instanceof BarometerError) {
      // One line, whatever the message quotes (a line break from the data or a parser).
      say(`barometer ${name}: ${error.message.replace(/\s*\n\s*/g, ' ')}`);
      // A map with many bad lines: the message names the first, --verbose lists every one.
      const problems = error.data.problems;
      if (verbose && Array.isArray(problems)) for (const problem of problems) say(`  ${problem}`);
      if (verbose) say(describeCauses(error));
      return EXIT_CODES[error.code];
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    say(
      `barometer ${name}: unexpected error: ${message}${verbose ? '' : ' (run with --verbose for details)'}`,
    );
    if (verbose) say(describeCauses(error));
    return 1;
  }
}

function describeCauses(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error; e; e = e instanceof Error ? e.cause : undefined) {
    parts.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
  }
  return parts.join('\ncaused by: ');
}
