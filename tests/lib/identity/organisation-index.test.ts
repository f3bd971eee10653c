import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/identity/map-problem.ts';
import { createOrganisationIndex } from '../../../src/lib/identity/organisation-index.ts';
import { parseEmailMap } from '../../../src/lib/identity/parse-email-map.ts';
import { isPersonalMailDomain } from '../../../src/lib/identity/personal-mail-providers.ts';

const lines = (text: string, file = 'map') => parseEmailMap(text, file).entries;
const at = (iso: string) => new Date(iso);

describe('createOrganisationIndex', () => {
  const { index, problems } = createOrganisationIndex([
    lines(
      [
        'intel.com            Intel',
        'boss@intel.com       Intel Labs',
        'xilinx.com           Xilinx < 2022-02-14',
        'xilinx.com           AMD',
        'jane@gmail.com       Citrix < 2015-03-01',
        'jane@gmail.com       SUSE < 2020-01-01',
        'dated@corp.example   Corp A < 2010-01-01',
        'corp.example         Corp',
        'research.corp.example  Corp Research',
      ].join('\n'),
      'project-map',
    ),
    lines('intel.com  Intel Corporation\namd.com AMD\nxilinx.com Old Xilinx\n', 'default'),
  ]);

  it('has no problems for a consistent map', () => {
    expect(problems).toEqual([]);
  });

  it('prefers the whole address to the domain, and the longest matching domain', () => {
    expect(index.at('boss@intel.com', at('2020-01-01')).organisation).toBe('Intel Labs');
    expect(index.at('kim@linux.intel.com', at('2020-01-01'))).toMatchObject({
      organisation: 'Intel',
      key: 'intel.com',
      source: { file: 'project-map', line: 1 },
    });
    expect(index.at('x@lab.research.corp.example', at('2020-01-01')).organisation).toBe(
      'Corp Research',
    );
    expect(index.at('x@notintel.com', at('2020-01-01')).organisation).toBe('Unknown');
  });

  it('lets the project map hide the default map key by key', () => {
    expect(index.at('a@amd.com', at('2020-01-01'))).toMatchObject({
      organisation: 'AMD',
      source: { file: 'default', line: 2 },
    });
    expect(index.at('a@xilinx.com', at('2010-01-01')).organisation).toBe('Xilinx');
  });

  it('follows dated lines: each holds before its day, from the previous one', () => {
    expect(index.at('a@xilinx.com', at('2022-02-13T23:59:59Z')).organisation).toBe('Xilinx');
    expect(index.at('a@xilinx.com', at('2022-02-14T00:00:00Z')).organisation).toBe('AMD');
    expect(index.spansFor('jane@gmail.com')).toEqual([
      {
        from: null,
        until: at('2015-03-01'),
        organisation: 'Citrix',
        key: 'jane@gmail.com',
        source: { file: 'project-map', line: 5 },
      },
      {
        from: at('2015-03-01'),
        until: at('2020-01-01'),
        organisation: 'SUSE',
        key: 'jane@gmail.com',
        source: { file: 'project-map', line: 6 },
      },
      // After the last dated line of a personal address nothing covers it.
      { from: at('2020-01-01'), until: null, organisation: 'Unknown', key: null, source: null },
    ]);
  });

  it('falls back to the domain where an address line does not hold', () => {
    expect(index.spansFor('dated@corp.example').map((s) => s.organisation)).toEqual([
      'Corp A',
      'Corp',
    ]);
  });

  it('never maps a personal mail provider by domain', () => {
    expect(isPersonalMailDomain('gmail.com')).toBe(true);
    expect(isPersonalMailDomain('yahoo.co.uk')).toBe(true);
    expect(isPersonalMailDomain('hotmail.fr')).toBe(true);
    expect(isPersonalMailDomain('123+jd@users.noreply.github.com'.split('@')[1]!)).toBe(true);
    expect(isPersonalMailDomain('intel.com')).toBe(false);
    const { problems: personal } = createOrganisationIndex([lines('gmail.com  Google\n', 'm')]);
    expect(personal.map(formatProblem)).toEqual([
      'm:1: gmail.com is a personal mail provider: a domain line never maps it; map whole addresses instead',
    ]);
  });

  it('reports two organisations for the same dates as a conflict naming both lines', () => {
    const { problems: conflicts } = createOrganisationIndex([
      [
        ...lines('a.com  A\nb@c.com  B < 2015-01-01\n', 'one'),
        ...lines('a.com  A\na.com  Z\nb@c.com  C < 2015-01-01\nb@c.com D\n', 'two'),
      ],
    ]);
    expect(conflicts.map(formatProblem)).toEqual([
      'two:2: conflict: a.com is Z here and A at one:1 for the same dates',
      'two:3: conflict: b@c.com is C here and B at one:2 for the same dates',
    ]);
  });

  it('indexes a 100,000-line map and answers lookups', () => {
    const text = Array.from(
      { length: 100_000 },
      (_, i) => `user${i}@company${i % 977}.example.com  Company ${i % 977}`,
    ).join('\n');
    const big = createOrganisationIndex([lines(text, 'big')]);
    expect(big.problems).toEqual([]);
    expect(big.index.size).toBe(100_000);
    expect(big.index.at('user1234@company257.example.com', at('2020-01-01')).organisation).toBe(
      'Company 257',
    );
  });
});
