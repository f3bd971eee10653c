/**
 * Loads the chart components under plain Node (the CLI): registers the `.svelte` module hook once,
 * then imports the charts. Under Vite or vitest the Svelte plugin compiles them instead.
 */
import { register } from 'node:module';

let registered = false;

/** The chart module (`src/charts/index.ts`), with `.svelte` imports working under Node. */
export async function loadCharts(): Promise<typeof import('../../charts/index.ts')> {
  if (!registered && process.env.VITEST === undefined) {
    register('./svelte-hook.js', import.meta.url);
    registered = true;
  }
  return import('../../charts/index.ts');
}
