import { describe, expect, it } from 'vitest';
import { parseEmailMap } from '../../../src/lib/identity/parse-email-map.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe('parseEmailMap', () => {
  it('reads domains, addresses, names with spaces, dates and comments', () => {
    const { entries, problems, lines } = parseEmailMap(
      [
        '# kernel-style map',
        'intel.com\t\tIntel',
        'RedHat.com   Red   Hat   # comment',
        'jane@gmail.com  Citrix Systems < 2015-03-01',
        'jane@gmail.com  SUSE',
        'xilinx.com Xilinx <2022-02-14',
        '',
      ].join('\n'),
      'domain-map',
    );
    expect(problems).toEqual([]);
    expect(lines).toBe(6);
    expect(entries).toEqual([
      {
        key: 'intel.com',
        organisation: 'Intel',
        until: null,
        source: { file: 'domain-map', line: 2 },
      },
      {
        key: 'redhat.com',
        organisation: 'Red Hat',
        until: null,
        source: { file: 'domain-map', line: 3 },
      },
      {
        key: 'jane@gmail.com',
        organisation: 'Citrix Systems',
        until: day('2015-03-01'),
        source: { file: 'domain-map', line: 4 },
      },
      {
        key: 'jane@gmail.com',
        organisation: 'SUSE',
        until: null,
        source: { file: 'domain-map', line: 5 },
      },
      {
        key: 'xilinx.com',
        organisation: 'Xilinx',
        until: day('2022-02-14'),
        source: { file: 'domain-map', line: 6 },
      },
    ]);
  });

  it('reports dates that are not dates, missing names and bad keys with file and line', () => {
    const { entries, problems } = parseEmailMap(
      [
        'ok.com OK',
        'a.com A < 2015-13-01',
        'b.com B < 2015-02-30',
        'c.com C < yesterday',
        'd.com D <',
        'lonely.com',
        'Red Hat',
        'e.com ?',
        'f.com Unknown',
        'g.com G < 2015-01-01 extra',
      ].join('\n'),
      'maps/bad',
    );
    expect(entries.map((e) => e.key)).toEqual(['ok.com']);
    expect(problems.map((p) => `${p.source.file}:${p.source.line}: ${p.problem}`)).toEqual([
      'maps/bad:2: not a date after "<": "2015-13-01" (expected YYYY-MM-DD)',
      'maps/bad:3: not a date after "<": "2015-02-30" (expected YYYY-MM-DD)',
      'maps/bad:4: not a date after "<": "yesterday" (expected YYYY-MM-DD)',
      'maps/bad:5: not a date after "<": "" (expected YYYY-MM-DD)',
      'maps/bad:6: no organisation name after the address or domain',
      'maps/bad:7: not a domain or address: "red" (expected e.g. intel.com or jane@example.org)',
      'maps/bad:8: organisation not filled in ("?")',
      'maps/bad:9: "Unknown" is what unmapped addresses get; leave the line out instead',
      'maps/bad:10: not a date after "<": "2015-01-01 extra" (expected YYYY-MM-DD)',
    ]);
  });

  it('loads a 100,000-line map (linear: one pass, no per-line rescans)', () => {
    const text = Array.from(
      { length: 100_000 },
      (_, i) =>
        `user${i}@company${i % 977}.example.com  Company ${i % 977}${i % 3 === 0 ? ' < 2019-01-01' : ''}`,
    ).join('\n');
    const { entries, problems } = parseEmailMap(text, 'big-map');
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(100_000);
    expect(entries[99_999]).toMatchObject({
      key: 'user99999@company345.example.com',
      organisation: 'Company 345',
      source: { line: 100_000 },
    });
  });
});
