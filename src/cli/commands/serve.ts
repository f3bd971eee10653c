/**
 * `barometer serve [CONFIG-OR-DB] [--port N]`: the dashboard on a local address. Mines the project
 * first when its database does not exist yet, exports the data for the browser, builds the
 * dashboard when needed and serves both from 127.0.0.1 until interrupted.
 */
import { BarometerError } from '../../lib/errors.ts';
import type { Command, CommandContext } from '../command.ts';
import { ensureDashboardBuild } from '../dashboard-build.ts';
import { prepareDashboardData, splitArguments } from '../dashboard-data.ts';
import { startStaticServer, type StaticServer } from '../static-server.ts';

const USAGE = `Usage: barometer serve [PATH-OR-URL | CONFIG | DATABASE] [options]

Serves the dashboard for a project on http://127.0.0.1:PORT/ until interrupted (Ctrl-C). With no
argument: the git repository holding the current folder. A project whose database does not exist
yet is collected first (and its people and organisations resolved).

Options:
  --port N             the port (default ${8080}; when it is taken, any free port)
  --db FILE            the database (default: data/<name>.duckdb)
  --email-map FILE     a gitdm EmailMap (repeatable), when the database is made here
  --aliases FILE       a gitdm EmailAliases file (repeatable)
  --mailmap FILE       a .mailmap file (repeatable)
  --no-default-map     do not use the built-in map of company domains
`;

/** The port tried first when none is given. */
export const DEFAULT_PORT = 8080;

/** Parses `--port`: a whole number 0–65535 (0: any free port). */
export function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new BarometerError(
      'bad-input',
      `--port must be a number from 0 to 65535, got '${value}'`,
      {
        field: '--port',
        value,
      },
    );
  }
  return port;
}

/** A served dashboard. */
export interface ServedDashboard {
  server: StaticServer;
  project: string;
}

/** Prepares the data and the build and starts the server (the command minus waiting). */
export async function startDashboard(context: CommandContext): Promise<ServedDashboard> {
  const { targetArgv, values, rest } = splitArguments(context.argv, ['--port']);
  if (rest.length > 0) {
    throw new BarometerError(
      'bad-input',
      `unknown option '${rest[0]}' (see barometer serve --help)`,
      {
        value: rest[0],
      },
    );
  }
  const port = parsePort(values['--port']);
  const data = await prepareDashboardData(context, targetArgv);
  const dist = await ensureDashboardBuild(context.logger);
  const roots = [
    { prefix: '/data/', dir: data.exportDir },
    { prefix: '/', dir: dist },
  ];
  let server: StaticServer;
  try {
    server = await startStaticServer(roots, { port: port ?? DEFAULT_PORT });
  } catch (error) {
    if (port !== undefined) throw error;
    server = await startStaticServer(roots, { port: 0 });
  }
  return { server, project: data.manifest.project };
}

/** `barometer serve`. */
export const command: Command = {
  summary: 'the dashboard on a local address',
  usage: USAGE,
  async run(context) {
    const { server, project } = await startDashboard(context);
    context.stdout.write(`Barometer dashboard for ${project}: ${server.url}\n`);
    context.logger.info('press Ctrl-C to stop');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  },
};
