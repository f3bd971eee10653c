import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProjectConfig } from '../../src/lib/config/project-config.ts';
import { defaultOrganisationLines } from '../../src/lib/identity/default-map.ts';
import { createOrganisationIndex } from '../../src/lib/identity/organisation-index.ts';
import { parseEmailMap } from '../../src/lib/identity/parse-email-map.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('the Xen example map (data/maps/xen-email-map)', () => {
  const text = read('data/maps/xen-email-map');
  const parsed = parseEmailMap(text, 'xen-email-map');
  const { index, problems } = createOrganisationIndex([
    parsed.entries,
    defaultOrganisationLines(),
  ]);
  const orgAt = (address: string, day: string) =>
    index.at(address, new Date(`${day}T00:00:00Z`)).organisation;

  it('parses with no problem and no conflict, on top of the default map', () => {
    expect(parsed.problems).toEqual([]);
    expect(problems).toEqual([]);
    expect(parsed.entries.length).toBeGreaterThan(100);
  });

  it('gives every line its source in the comment line above it', () => {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return;
      const source = lines[i - 1] ?? '';
      expect(source, `line ${i + 1}: ${line}`).toMatch(/^# (domain|same person|mistyped)\b/);
      if (!source.startsWith('# domain')) {
        expect(source, `line ${i + 1} cites no commit`).toMatch(/\b[0-9a-f]{12}\b/);
      }
    });
  });

  it('maps company and institution domains, dated where a company was bought', () => {
    expect(orgAt('dgdegra@tycho.nsa.gov', '2015-01-01')).toBe('National Security Agency');
    expect(orgAt('roger.pau@entel.upc.edu', '2011-07-01')).toBe(
      'Universitat Politècnica de Catalunya',
    );
    expect(orgAt('nicola.vetrini@bugseng.com', '2024-01-01')).toBe('BUGSENG');
    expect(orgAt('vijaya.kumar@caviumnetworks.com', '2016-01-01')).toBe('Cavium');
    expect(orgAt('someone@cavium.com', '2019-01-01')).toBe('Marvell');
  });

  it('maps a personal or mistyped address only while the same person is seen at the company', () => {
    expect(orgAt('tim@xen.org', '2011-09-01')).toBe('Citrix');
    expect(orgAt('tim@xen.org', '2012-02-10')).toBe('Unknown');
    expect(orgAt('sstabellini@kernel.org', '2016-03-01')).toBe('Citrix');
    expect(orgAt('sstabellini@kernel.org', '2017-06-01')).toBe('Aporeto');
    expect(orgAt('sstabellini@kernel.org', '2020-01-01')).toBe('Xilinx');
    expect(orgAt('sstabellini@kernel.org', '2023-01-01')).toBe('AMD');
    expect(orgAt('ian.jackson.citrix.com', '2011-06-01')).toBe('Citrix');
    expect(orgAt('andrew.cooper3@citirx.com', '2015-02-27')).toBe('Citrix');
  });

  it('leaves community domains and addresses without evidence unmapped', () => {
    for (const address of ['keir@xen.org', 'olaf@aepfle.de', 'someone@xenproject.org']) {
      expect(orgAt(address, '2015-01-01'), address).toBe('Unknown');
    }
    expect(orgAt('none@none', '2012-01-01')).toBe('Unknown');
  });
});

describe('the Xen example project (data/projects/xen.json)', () => {
  const config = parseProjectConfig(read('data/projects/xen.json'), 'xen.json');
  const names = config.repositories.map((r) => r.name);
  const matches = (pattern: string, name: string) =>
    new RegExp(
      `^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`,
    ).test(name);

  it('names the hypervisor repositories on xenbits and Unikraft on GitHub, in two sub-projects', () => {
    expect(names.slice(0, 5)).toEqual([
      'xen.git',
      'mini-os.git',
      'xtf.git',
      'osstest.git',
      'livepatch-build-tools.git',
    ]);
    expect(config.repositories[1]!.source).toBe('https://xenbits.xen.org/git-http/mini-os.git');
    expect(names).toContain('unikraft');
    expect(Object.keys(config.subprojects)).toEqual(['Hypervisor', 'Unikraft']);
  });

  it('puts every repository in exactly one sub-project, and every pattern matches one', () => {
    for (const name of names) {
      const owners = Object.entries(config.subprojects).filter(([, patterns]) =>
        patterns.some((p) => matches(p, name)),
      );
      expect(owners.map(([sub]) => sub), name).toHaveLength(1);
    }
    for (const patterns of Object.values(config.subprojects)) {
      for (const p of patterns) expect(names.some((n) => matches(p, n)), p).toBe(true);
    }
  });

  it('uses the Xen map beside the default map', () => {
    expect(config.affiliations.emailMaps).toEqual(['../maps/xen-email-map']);
    expect(config.affiliations.defaultMap).toBe(true);
  });
});
