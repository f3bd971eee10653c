/**
 * A small project whose organisation and author names hold terminal escape sequences and other
 * control characters, collected by the real CLI into a database, for the tests of every output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createRepository, type GitFixture } from './git-fixture.ts';
import { runCli } from './run-cli.ts';

/** The organisation's name: red text, a bell, a backspace and a C1 control (CSI). */
export const ESCAPED_ORG = 'Evil\u001b[31m Red\u0007\u0008 Corp\u009b';
/** What every output shows for it. */
export const SHOWN_ORG = 'Evil\ufffd[31m Red\ufffd\ufffd Corp\ufffd';

/** The project: its repository, config and collected database. */
export interface HostileProject {
  repo: GitFixture;
  config: string;
  db: string;
  /** What `collect` printed. */
  collected: { stdout: string; stderr: string };
}

/** Builds the repository (commits from 2016 to 2018 by two organisations) and collects it. */
export async function collectHostileProject(): Promise<HostileProject> {
  const repo = createRepository();
  for (let i = 0; i < 36; i++) {
    const evil = i % 3 !== 0;
    repo.commit({
      message: `change ${i}\n`,
      files: { [`f${i % 4}.txt`]: `${i}\n` },
      author: evil
        ? { name: 'Mallory \u001b]0;owned\u0007 \u202eevil', email: `m${i % 2}@evil.example` }
        : { name: 'Alice', email: 'alice@good.example' },
      date: { at: Date.UTC(2016, i, 3) / 1000 },
    });
  }
  const config = join(repo.root, 'hostile.json');
  writeFileSync(
    config,
    JSON.stringify({
      name: 'hostile',
      repositories: [{ source: repo.dir, name: 'hostile' }],
      affiliations: {
        defaultMap: false,
        organisations: { 'evil.example': ESCAPED_ORG, 'good.example': 'Good Co' },
      },
    }),
  );
  const db = join(repo.root, 'hostile.duckdb');
  const collected = await runCli(['collect', config, '--db', db], { cwd: repo.root, env: {} });
  expect(collected.code, collected.stderr).toBe(0);
  return { repo, config, db, collected };
}
