// Node module hook: `import X from './X.svelte'` compiles the component for the server (svelte/compiler,
// TypeScript stripped by Svelte itself), so the CLI renders the same chart components the dashboard
// mounts, without a bundler. Registered by load-charts.ts before the charts are imported.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.svelte')) return next(url, context);
  const filename = fileURLToPath(url);
  const source = await readFile(filename, 'utf8');
  const { js } = compile(source, { filename, generate: 'server', dev: false });
  return { format: 'module', shortCircuit: true, source: js.code };
}
