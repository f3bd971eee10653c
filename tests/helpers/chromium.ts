/** Debian's headless Chromium driven by playwright-core, launched the one way the house rules name. */
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** The executable and flags of every headless Chromium the tests start. */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Launches headless Chromium with `CHROMIUM_LAUNCH_OPTIONS`; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}
