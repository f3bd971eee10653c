import { describe, expect, it } from 'vitest';
import {
  compileAreas,
  compilePattern,
  topLevelArea,
  TOP_LEVEL_AREA,
} from '../../../src/lib/areas/area-matcher.ts';
import { matchWildcard } from '../../../src/lib/areas/match-wildcard.ts';
import { parseMaintainers } from '../../../src/lib/areas/parse-maintainers.ts';

/** A MAINTAINERS file in Xen's shape: prose, indented examples, then sections. */
const MAINTAINERS = [
  '',
  '\tList of maintainers',
  '\t===================',
  '',
  'Descriptions of section entries:',
  '',
  '\tF: Files and directories with wildcard patterns.',
  '\t   F:\tdrivers/net/\tall files in and below drivers/net',
  '\tX: Files and directories that are NOT maintained',
  '',
  '1. Prose with a colon: it is not an entry.',
  '',
  'X86 ARCHITECTURE',
  'M:\tJan Beulich <jbeulich@suse.com>',
  'S:\tSupported',
  'F:\txen/arch/x86/',
  'F:\txen/include/asm-x86/',
  'X:\txen/arch/x86/hvm/',
  '',
  'X86 MEMORY MANAGEMENT',
  'M:\tSomeone <someone@example.org>',
  'F:\txen/arch/x86/mm/',
  '',
  'LIVEPATCH',
  'F:\txen/arch/*/livepatch*',
  'F:\txen/common/livepatch.c',
  'F:\tdocs/misc/livepatch?.pandoc',
  '',
  'ARM (W/ VIRTUALISATION EXTENSIONS) ARCHITECTURE',
  'F:\txen/arch/arm',
  'F:\txen/drivers/char/pl011.c',
  '# a comment line between entries',
  '',
  'F:\txen/include/asm-arm/',
  '',
  'NO FILES',
  'M:\tNobody <nobody@example.org>',
  '',
  'THE REST',
  'F:\t*',
  'F:\t*/',
  'X:\tdocs/',
  '',
].join('\n');

describe('parseMaintainers', () => {
  it('reads sections with F: and X: patterns, past the prose and its indented examples', () => {
    expect(parseMaintainers(MAINTAINERS)).toEqual([
      {
        name: 'X86 ARCHITECTURE',
        patterns: ['xen/arch/x86/', 'xen/include/asm-x86/'],
        excludes: ['xen/arch/x86/hvm/'],
      },
      { name: 'X86 MEMORY MANAGEMENT', patterns: ['xen/arch/x86/mm/'], excludes: [] },
      {
        name: 'LIVEPATCH',
        patterns: [
          'xen/arch/*/livepatch*',
          'xen/common/livepatch.c',
          'docs/misc/livepatch?.pandoc',
        ],
        excludes: [],
      },
      {
        // Blank and comment lines end nothing: the last F: still belongs to ARM.
        name: 'ARM (W/ VIRTUALISATION EXTENSIONS) ARCHITECTURE',
        patterns: ['xen/arch/arm', 'xen/drivers/char/pl011.c', 'xen/include/asm-arm/'],
        excludes: [],
      },
      { name: 'THE REST', patterns: ['*', '*/'], excludes: ['docs/'] },
    ]);
  });

  it('merges two sections of one title, takes CRLF and drops a note after a pattern', () => {
    const text = 'A\r\nF:\ta/\r\n\r\nB\nF:\tb/   (see a/)\n\nA\nF:\tc/\n';
    expect(parseMaintainers(text)).toEqual([
      { name: 'A', patterns: ['a/', 'c/'], excludes: [] },
      { name: 'B', patterns: ['b/'], excludes: [] },
    ]);
  });
});

describe('area matching', () => {
  const matcher = compileAreas(parseMaintainers(MAINTAINERS));

  it('puts a file in every area covering it: nested sections both count', () => {
    expect(matcher.areasOf('xen/arch/x86/mm/p2m.c')).toEqual([
      'X86 ARCHITECTURE',
      'X86 MEMORY MANAGEMENT',
      'THE REST',
    ]);
    expect(matcher.areasOf('xen/arch/x86/traps.c')).toEqual(['X86 ARCHITECTURE', 'THE REST']);
  });

  it('leaves out what an X: pattern excludes', () => {
    expect(matcher.areasOf('xen/arch/x86/hvm/vmx/vmx.c')).toEqual(['THE REST']);
    expect(matcher.areasOf('docs/misc/livepatch.pandoc')).toEqual([]);
  });

  it('matches wildcards within one folder level', () => {
    expect(matcher.areasOf('xen/arch/x86/livepatch.c')).toContain('LIVEPATCH');
    expect(matcher.areasOf('xen/arch/arm/livepatch_x.c')).toContain('LIVEPATCH');
    // `*` does not cross `/`.
    expect(matcher.areasOf('xen/arch/x86/sub/livepatch.c')).not.toContain('LIVEPATCH');
    // `*` alone is the files at the top, `*/` everything in a folder.
    expect(matcher.areasOf('README')).toEqual(['THE REST']);
    expect(matcher.areasOf('tools/libxl/libxl.c')).toEqual(['THE REST']);
  });

  it('reads a pattern naming a folder without its slash as the folder, and a file exactly', () => {
    expect(matcher.areasOf('xen/arch/arm/setup.c')).toContain(
      'ARM (W/ VIRTUALISATION EXTENSIONS) ARCHITECTURE',
    );
    expect(matcher.areasOf('xen/arch/arm')).toContain(
      'ARM (W/ VIRTUALISATION EXTENSIONS) ARCHITECTURE',
    );
    expect(matcher.areasOf('xen/arch/arm64/x.c')).toEqual(['THE REST']);
    expect(matcher.areasOf('xen/drivers/char/pl011.c.orig')).toEqual(['THE REST']);
  });

  it('compiles single patterns', () => {
    expect(compilePattern('a/?.c')('a/b.c')).toBe(true);
    expect(compilePattern('a/?.c')('a/bb.c')).toBe(false);
    expect(compilePattern('a/?.c')('a//.c')).toBe(false);
    expect(compilePattern('a.b/')('a.b/c')).toBe(true);
    expect(compilePattern('a.b/')('axb/c')).toBe(false);
    expect(compilePattern('x/*/y/')('x/q/y/z/w.c')).toBe(true);
  });

  it('matches wildcards without backtracking without end on a hostile pattern', () => {
    expect(matchWildcard('RELEASE-*', 'RELEASE-4.11.0')).toBe(true);
    expect(matchWildcard('R*-?.*', 'RELEASE-4.11.0')).toBe(true);
    expect(matchWildcard('*.0', 'RELEASE-4.11.1')).toBe(false);
    expect(matchWildcard('', '')).toBe(true);
    expect(matchWildcard('**', '')).toBe(true);
    // A regex of this shape would take longer than the age of the universe on this path.
    expect(matchWildcard(`${'*a'.repeat(30)}b`, 'a'.repeat(10_000))).toBe(false);
    const hostile = compileAreas([{ name: 'x', patterns: [`${'*a'.repeat(30)}b`], excludes: [] }]);
    expect(hostile.areasOf('a'.repeat(10_000))).toEqual([]);
  });

  it('makes each top-level folder an area when none are configured', () => {
    expect(topLevelArea('xen/arch/arm/setup.c')).toBe('xen');
    expect(topLevelArea('MAINTAINERS')).toBe(TOP_LEVEL_AREA);
  });
});
