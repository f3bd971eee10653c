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

const STAMP = join(PACKAGE_ROOT, 'dist', 'dashboard-build.json');
const LOCK = join(PACKAGE_ROOT, 'dist', '.dashboard-build.lock');
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

function isFresh(hash: string): boolean {
  if (!existsSync(join(DASHBOARD_DIST, 'index.html'))) return false;
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8')).hash === hash;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Takes the build lock (a folder: creating it is atomic); waits while another process builds. */
async function lock(hash: string): Promise<boolean> {
  mkdirSync(join(PACKAGE_ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(LOCK);
      return true;
    } catch {
      if (isFresh(hash)) return false;
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      // A lock older than five minutes was left by a build that died.
      if (age > 300_000) rmSync(LOCK, { recursive: true, force: true });
      if (waited > 600_000) {
        throw new BarometerError('bad-input', `another dashboard build holds ${LOCK}`, {
          file: LOCK,
        });
      }
      await sleep(250);
    }
  }
}

/**
 * Returns the built dashboard's folder, building it first when missing or stale. Concurrent calls
 * (several commands, test files) build once.
 */
export async function ensureDashboardBuild(logger: Logger): Promise<string> {
  const hash = dashboardSourceHash();
  if (isFresh(hash)) return DASHBOARD_DIST;
  if (!(await lock(hash))) return DASHBOARD_DIST;
  try {
    if (isFresh(hash)) return DASHBOARD_DIST;
    logger.info('building the dashboard (once, and after its sources change)…');
    const { build } = await import('vite');
    await build({ configFile: join(PACKAGE_ROOT, 'vite.config.ts'), logLevel: 'warn' });
    writeFileSync(STAMP, `${JSON.stringify({ hash })}\n`);
    return DASHBOARD_DIST;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
