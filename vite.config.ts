import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * One config for the dashboard build (root: src/dashboard, output: dist/dashboard) and for vitest.
 * Tests run in Node with TZ pinned to UTC; browser tests drive Debian's Chromium themselves.
 */
export default defineConfig({
  root: `${here}src/dashboard`,
  base: './',
  plugins: [svelte()],
  build: {
    outDir: `${here}dist/dashboard`,
    emptyOutDir: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    root: here,
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'UTC' },
    // Generous guards, not timings: browser and whole-command tests wait on child processes, and
    // on a busy 2-core machine one can take minutes.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core (vitest's default leaves one core idle): most files wait on git,
    // DuckDB or Chromium child processes, so on a 2-core machine two at once take ~25% less time.
    maxWorkers: availableParallelism(),
  },
});
