/**
 * The built dashboard (dist/dashboard) for `serve` and `site`: built with Vite on first use and
 * again whenever a source it is made from changed, so `npm start` on a fresh clone just works
 * (offline: Vite and every dependency come from node_modules).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../lib/effects.ts';
import { BarometerError } from '../lib/errors.ts';

/** The repository's top folder (this file is src/cli/dashboard-build.ts). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where `vite build` writes the dashboard. */
export const DASHBOARD_DIST = join(PACKAGE_ROOT, 'dist', 'dashboard');

/** The build, its stamp and its lock under a build folder (default: `dist/` of the package). */
function buildPaths(buildRoot: string) {
  return {
    root: buildRoot,
    dashboard: join(buildRoot, 'dashboard'),
    stamp: join(buildRoot, 'dashboard-build.json'),
    lock: join(buildRoot, '.dashboard-build.lock'),
  };
}
type BuildPaths = ReturnType<typeof buildPaths>;
/** What the bundle is made from. */
const SOURCES = ['src/dashboard', 'src/charts', 'src/lib', 'vite.config.ts', 'package.json'];

function listFiles(path: string, out: string[]): void {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) return;
  if (stats.isFile()) {
    out.push(path);
    return;
  }
  for (const entry of readdirSync(path).sort()) listFiles(join(path, entry), out);
}

/** A hash of every source file's path and content: the build is stale when it changes. */
export function dashboardSourceHash(): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const source of SOURCES) listFiles(join(PACKAGE_ROOT, source), files);
  for (const file of files) {
    hash.update(relative(PACKAGE_ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function isFresh(paths: BuildPaths, hash: string): boolean {
  if (!existsSync(join(paths.dashboard, 'index.html'))) return false;
  try {
    return JSON.parse(readFileSync(paths.stamp, 'utf8')).hash === hash;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The one line for a build folder Barometer cannot write (an install owned by another user). */
function unwritable(paths: BuildPaths, cause: unknown): BarometerError {
  const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
  return new BarometerError(
    'bad-input',
    `the dashboard must be built, and ${paths.root} cannot be written (${reason}); ` +
      'run `npm run build` there once as the user who installed Barometer',
    { file: paths.root },
    { cause },
  );
}

/** Takes the build lock (a folder: creating it is atomic); waits while another process builds. */
async function lock(paths: BuildPaths, hash: string): Promise<boolean> {
  try {
    mkdirSync(paths.root, { recursive: true });
  } catch (cause) {
    throw unwritable(paths, cause);
  }
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(paths.lock);
      return true;
    } catch (cause) {
      // Only a lock that exists means another build; anything else would never clear.
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw unwritable(paths, cause);
      if (isFresh(paths, hash)) return false;
      const age = Date.now() - (statSync(paths.lock, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      // A lock older than five minutes was left by a build that died.
      if (age > 300_000) rmSync(paths.lock, { recursive: true, force: true });
      if (waited > 600_000) {
        throw new BarometerError('bad-input', `another dashboard build holds ${paths.lock}`, {
          file: paths.lock,
        });
      }
      await sleep(250);
    }
  }
}

/**
 * Returns the built dashboard's folder, building it first when missing or stale. Concurrent calls
 * (several commands, test files) build once. `buildRoot` (default: the package's `dist/`) holds
 * the build, its stamp and its lock. Throws `bad-input` naming the folder when it must build and
 * cannot write there.
 */
export async function ensureDashboardBuild(
  logger: Logger,
  buildRoot = join(PACKAGE_ROOT, 'dist'),
): Promise<string> {
  const paths = buildPaths(buildRoot);
  const hash = dashboardSourceHash();
  if (isFresh(paths, hash)) return paths.dashboard;
  if (!(await lock(paths, hash))) return paths.dashboard;
  try {
    if (isFresh(paths, hash)) return paths.dashboard;
    logger.info('building the dashboard (once, and after its sources change)…');
    const { build } = await import('vite');
    await build({
      configFile: join(PACKAGE_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: paths.dashboard },
    });
    writeFileSync(paths.stamp, `${JSON.stringify({ hash })}\n`);
    return paths.dashboard;
  } finally {
    rmSync(paths.lock, { recursive: true, force: true });
  }
}
