import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import {
  collectHostileProject,
  SHOWN_ORG,
  type HostileProject,
} from '../helpers/hostile-project.ts';
import { runCli } from '../helpers/run-cli.ts';

const defer = cleanupAfterAll();
// Any C0 control but tab, newline and carriage return; DEL; C1; a bidirectional override.
const RAW_CONTROL = /(?![\t\n\r])[\p{Cc}\u202e]/u;

let project: HostileProject;

beforeAll(async () => {
  project = await collectHostileProject();
  defer(() => project.repo.cleanup());
});

/** `barometer report` of the project's 2016–2018, with `extra` options. */
const runReport = (...extra: string[]) =>
  runCli(
    [
      'report',
      project.config,
      '--db',
      project.db,
      '--as-of',
      '2019-01-01',
      '--since',
      '2016-01-01',
      ...extra,
    ],
    { cwd: project.repo.root },
  );

describe('names holding control characters', () => {
  it('reach the terminal as U+FFFD from collect, report and affiliations who', async () => {
    expect(project.collected.stdout + project.collected.stderr).not.toMatch(RAW_CONTROL);
    const report = await runReport();
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain(SHOWN_ORG);
    expect(report.stdout + report.stderr).not.toMatch(RAW_CONTROL);
    const who = await runCli(
      ['affiliations', 'who', 'm1@evil.example', project.config, '--db', project.db],
      {
        cwd: project.repo.root,
      },
    );
    expect(who.code, who.stderr).toBe(0);
    expect(who.stdout).toContain(SHOWN_ORG);
    expect(who.stdout).toContain('Mallory');
    expect(who.stdout + who.stderr).not.toMatch(RAW_CONTROL);
  });

  it('give well-formed SVG and PNG for every figure', async () => {
    const out = join(project.repo.root, 'figures');
    const report = await runReport('--out', out, '--figures', 'svg,png');
    expect(report.code, report.stderr).toBe(0);
    const files = readdirSync(out);
    const svgs = files.filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(5);
    expect(files.filter((f) => f.endsWith('.png')).length).toBe(svgs.length);
    let named = 0;
    for (const file of svgs) {
      const svg = readFileSync(join(out, file), 'utf8');
      expect(svg, file).not.toMatch(RAW_CONTROL);
      if (svg.includes(SHOWN_ORG)) named++;
    }
    expect(named).toBeGreaterThan(0);
  });
});
