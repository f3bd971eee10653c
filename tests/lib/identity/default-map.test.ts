import { describe, expect, it } from 'vitest';
import { defaultMapText, defaultOrganisationLines } from '../../../src/lib/identity/default-map.ts';
import { createOrganisationIndex } from '../../../src/lib/identity/organisation-index.ts';

describe('the default map', () => {
  const { index, problems } = createOrganisationIndex([defaultOrganisationLines()]);

  it('parses without problems or conflicts and explains itself in a header', () => {
    expect(problems).toEqual([]);
    expect(defaultMapText.startsWith('# ')).toBe(true);
    expect(defaultMapText).toContain('only facts');
  });

  it('maps the companies the weather report names, old domains to their successors', () => {
    const orgAt = (address: string, day = '2023-06-01') =>
      index.at(address, new Date(`${day}T00:00:00Z`)).organisation;
    expect(orgAt('a@xensource.com', '2006-01-01')).toBe('Citrix');
    expect(orgAt('a@citrix.com')).toBe('Citrix');
    expect(orgAt('a@novell.com', '2008-01-01')).toBe('SUSE');
    expect(orgAt('a@suse.cz')).toBe('SUSE');
    expect(orgAt('a@amd.com')).toBe('AMD');
    expect(orgAt('a@arm.com')).toBe('Arm');
    expect(orgAt('a@linux.intel.com')).toBe('Intel');
    expect(orgAt('a@sun.com', '2005-01-01')).toBe('Oracle');
    expect(orgAt('a@epam.com')).toBe('EPAM');
    expect(orgAt('a@amazon.co.uk')).toBe('Amazon (AWS)');
    expect(orgAt('a@xilinx.com', '2021-01-01')).toBe('Xilinx');
    expect(orgAt('a@xilinx.com', '2022-02-14')).toBe('AMD');
    expect(orgAt('a@cloud.com')).toBe('Cloud Software Group');
    expect(orgAt('a@vates.tech')).toBe('Vates');
  });

  it('leaves community domains and personal providers unmapped', () => {
    for (const address of ['a@debian.org', 'a@kernel.org', 'a@xenproject.org', 'a@gmail.com']) {
      expect(index.at(address, new Date('2020-01-01')).organisation).toBe('Unknown');
    }
  });
});
