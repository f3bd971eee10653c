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
import { parseViews, viewLines } from '../view-spec.ts';
import { otherProjectRoots, servedProjects, writeProjectsFile } from '../served-projects.ts';
import { join } from 'node:path';
import type { NamedView } from '../../lib/db/wasm-manifest.ts';

const USAGE = `Usage: barometer serve [PATH-OR-URL | CONFIG | DATABASE] [options]

Serves the dashboard for a project on http://127.0.0.1:PORT/ until interrupted (Ctrl-C). With no
argument: the git repository holding the current folder. A project whose database does not exist
yet is collected first (and its people and organisations resolved).

Options:
  --port N             the port (default ${8080}; when it is taken, any free port)
  --view NAME=asOf:YYYY-MM-DD[,since:YYYY,…]   a view computed now, opened at once at ?view=NAME
                       (repeatable; see barometer site --help)
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
  /** The views named with `--view`. */
  views: NamedView[];
}

/** Prepares the data and the build and starts the server (the command minus waiting). */
export async function startDashboard(context: CommandContext): Promise<ServedDashboard> {
  const { targetArgv, values, lists, rest } = splitArguments(context.argv, ['--port', '--view']);
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
  const views = parseViews(lists['--view']);
  const data = await prepareDashboardData(context, targetArgv, undefined, views);
  const dist = await ensureDashboardBuild(context.logger);
  // The other databases of this folder, offered in the dashboard's header.
  const projects = servedProjects(context.cwd, {
    name: data.manifest.project,
    href: '/',
    database: data.target.databasePath,
  });
  writeProjectsFile(data.exportDir, projects);
  const others = otherProjectRoots(
    projects,
    join(context.cwd, 'data', 'exports'),
    dist,
    context.clock,
  );
  const roots = [
    { prefix: '/data/', dir: data.exportDir },
    ...others.roots,
    { prefix: '/', dir: dist },
  ];
  const listen = (at: number) => startStaticServer(roots, { port: at, prepare: others.prepare });
  let server: StaticServer;
  try {
    server = await listen(port ?? DEFAULT_PORT);
  } catch (error) {
    if (port !== undefined) throw error;
    server = await listen(0);
  }
  return { server, project: data.manifest.project, views: data.manifest.views };
}

/** `barometer serve`. */
export const command: Command = {
  summary: 'the dashboard on a local address',
  usage: USAGE,
  async run(context) {
    const { server, project, views } = await startDashboard(context);
    context.stdout.write(`Barometer dashboard for ${project}: ${server.url}\n`);
    for (const line of viewLines(views, server.url)) context.stdout.write(`${line}\n`);
    context.logger.info('press Ctrl-C to stop');
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  },
};
