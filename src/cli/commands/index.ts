import type { Command } from '../command.ts';

/** Every sub-command, loaded on demand so `barometer report` does not load the collectors. */
export const commands: Record<string, () => Promise<{ command: Command }>> = {
  collect: () => import('./collect.ts'),
  affiliations: () => import('./affiliations.ts'),
  report: () => import('./report.ts'),
  serve: () => import('./serve.ts'),
  site: () => import('./site.ts'),
  export: () => import('./export.ts'),
};
