/**
 * Debian's headless Chromium driven by playwright-core, and the dashboard served by the real
 * `barometer serve` command in a child process, for the browser tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';

const BARO = fileURLToPath(new URL('../../src/cli/barometer.js', import.meta.url));

/** Launches headless Chromium (/usr/bin/chromium) with the flags the house rules name. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A running `barometer` child process that printed the address it serves. */
export interface ServeProcess {
  url: string;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `barometer <args>` in `cwd` and waits for the `http://127.0.0.1:PORT/` line it prints.
 * Rejects with the process's output when it exits first.
 */
export function startBarometer(args: string[], cwd: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(process.execPath, [BARO, ...args], {
    cwd,
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        resolve({
          url: match[1]!,
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`barometer exited (${code}):\n${output}`)));
  });
}

/** Problems a page reported: console errors, uncaught exceptions, dialogs (alert() et al.). */
export interface PageProblems {
  errors: string[];
  dialogs: string[];
}

/** Records a page's console errors, uncaught exceptions and dialogs (dismissing them). */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return problems;
}

/** Waits until the dashboard finished drawing the current view (or failed, or found no data). */
export async function waitForView(page: Page): Promise<string> {
  await page.waitForFunction(
    () =>
      ['ready', 'failed', 'empty'].includes(document.documentElement.dataset.state ?? '') &&
      (document.documentElement.dataset.view ?? location.search) === location.search,
    undefined,
    { timeout: 60_000 },
  );
  return page.evaluate(() => document.documentElement.dataset.state ?? '');
}

/** One test file's dashboard: `barometer serve` of a database and a Chromium page on it. */
export interface DashboardSession {
  serve: ServeProcess;
  page: Page;
  problems: PageProblems;
  /** Opens the dashboard at `search` (`?asOf=…`) and waits for the view. */
  open(search: string): Promise<string>;
  /** Clicks a panel's download button and returns the file's bytes. */
  download(panel: string, kind: 'svg' | 'png' | 'csv'): Promise<Buffer>;
  close(): Promise<void>;
}

/** Serves `database` from `cwd` and opens a 1280×900 page that accepts downloads. */
export async function openDashboard(database: string, cwd: string): Promise<DashboardSession> {
  const serve = await startBarometer(['serve', database, '--port', '0'], cwd);
  const browser = await launchBrowser();
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  return {
    serve,
    page,
    problems: watchPage(page),
    async open(search) {
      await page.goto(`${serve.url}${search}`);
      return waitForView(page);
    },
    async download(panel, kind) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-panel="${panel}"] button[data-download="${kind}"]`).click(),
      ]);
      return readFileSync(await file.path());
    },
    async close() {
      await browser.close();
      await serve.stop();
    },
  };
}
