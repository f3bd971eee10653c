/**
 * Loads the chart components under plain Node (the CLI): registers the `.svelte` module hook once,
 * then imports the charts. Under Vite or vitest the Svelte plugin compiles them instead.
 */
import { register } from 'node:module';

let registered = false;

/** The chart module (`src/charts/index.ts`), with `.svelte` imports working under Node. */
export async function loadCharts(): Promise<typeof import('../../charts/index.ts')> {
  // In vitest's own worker the Svelte plugin compiles them; a process it spawns inherits VITEST in
  // its environment but not the worker, so the worker's global is what tells them apart.
  if (!registered && !('__vitest_worker__' in globalThis)) {
    register('./svelte-hook.js', import.meta.url);
    registered = true;
  }
  return import('../../charts/index.ts');
}
