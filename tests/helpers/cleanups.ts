/** Clean-ups a test file registers as it makes things (repositories, servers, databases). */
import { afterAll } from 'vitest';

/**
 * For a test file or describe block: returns `defer(cleanup)`, and runs every deferred clean-up
 * after all its tests, the last deferred first.
 */
export function cleanupAfterAll(): (cleanup: () => unknown) => void {
  const cleanups: Array<() => unknown> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  return (cleanup) => void cleanups.push(cleanup);
}
