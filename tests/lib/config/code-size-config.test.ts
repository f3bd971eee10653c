import { describe, expect, it } from 'vitest';
import { parseProjectConfig } from '../../../src/lib/config/project-config.ts';
import { parseFileList } from '../../../src/lib/code-size/parse-file-list.ts';

const config = (extra: Record<string, unknown>) =>
  JSON.stringify({ name: 'xen', repositories: ['xen'], ...extra });
const parse = (extra: Record<string, unknown>) => parseProjectConfig(config(extra), 'xen.json');

describe('areas and codeSize in a project config', () => {
  it('reads areas listed in the config, with exclusions, or from a MAINTAINERS file', () => {
    expect(parse({ areas: { Arm: ['xen/arch/arm/', '!xen/arch/arm/efi/'] } }).areas).toEqual({
      kind: 'paths',
      areas: [{ name: 'Arm', patterns: ['xen/arch/arm/'], excludes: ['xen/arch/arm/efi/'] }],
    });
    expect(parse({ areas: { from: 'MAINTAINERS' } }).areas).toEqual({
      kind: 'maintainers',
      file: 'MAINTAINERS',
    });
    expect(parse({}).areas).toBeUndefined();
    expect(parse({}).codeSize).toBeUndefined();
  });

  it('reads codeSize with its defaults', () => {
    expect(
      parse({
        areas: { Arm: ['xen/arch/arm/'] },
        codeSize: { at: { tags: 'RELEASE-*' }, files: 'cloc.list', targets: { Arm: 45000 } },
      }).codeSize,
    ).toEqual({ tags: ['RELEASE-*'], every: null, files: 'cloc.list', targets: { Arm: 45000 } });
    expect(parse({ codeSize: { at: { every: 'quarter', tags: ['v*', 'R?'] } } }).codeSize).toEqual({
      tags: ['v*', 'R?'],
      every: 'quarter',
      files: null,
      targets: {},
    });
  });

  it.each([
    [
      { areas: [] },
      'field "areas" must be {"from": "MAINTAINERS"} or {NAME: [PATTERN, ...]}, got []',
    ],
    [
      { areas: { from: 'MAINTAINERS', x: ['a/'] } },
      'field "areas.x" must be one of from (unknown field)',
    ],
    [
      { areas: { from: '/etc/passwd' } },
      'field "areas.from" must be a path pattern relative to the repository',
    ],
    [{ areas: { Arm: [] } }, 'field "areas.Arm" must be a non-empty list of path patterns, got []'],
    [{ areas: { Arm: ['a/', 3] } }, 'field "areas.Arm[1]" must be a path pattern'],
    [{ areas: { Arm: ['../x/'] } }, 'field "areas.Arm[0]" must be a path pattern'],
    [
      { areas: { Arm: ['!a/'] } },
      'field "areas.Arm" must be at least one pattern that is not an exclusion',
    ],
    [{ areas: {} }, 'field "areas" must be at least one area'],
    [
      { codeSize: { at: {} } },
      'field "codeSize.at" must be a tag pattern ("tags") or a period ("every")',
    ],
    [
      { codeSize: { at: { every: 'month' } } },
      'field "codeSize.at.every" must be "quarter" or "year", got "month"',
    ],
    [{ codeSize: { at: { tags: 'a b' } } }, 'field "codeSize.at.tags[0]" must be a tag pattern'],
    [
      { codeSize: { at: { tags: 'v*' }, when: 1 } },
      'field "codeSize.when" must be one of at, files, targets',
    ],
    [
      { codeSize: { at: { tags: 'v*' }, files: '' } },
      'field "codeSize.files" must be the path of a file',
    ],
    [
      { codeSize: { at: { tags: 'v*' }, targets: { Arm: -1 } } },
      'field "codeSize.targets.Arm" must be a positive number of code lines, got -1',
    ],
    [
      { areas: { Arm: ['a/'] }, codeSize: { at: { tags: 'v*' }, targets: { x86: 1 } } },
      'field "codeSize.targets.x86" must be an area named in "areas", got "x86"',
    ],
  ])('refuses %j in one line naming the field', (extra, message) => {
    expect(() => parse(extra)).toThrow(`xen.json: ${message}`);
  });
});

describe('parseFileList', () => {
  it('normalises paths, skips comments and blank lines, and sorts without repeats', () => {
    expect(
      parseFileList(
        '# files\nxen/arch/arm/./setup.c\n\nxen//common/../common/sched.c\nxen/arch/arm/setup.c\n',
        'l',
      ),
    ).toEqual(['xen/arch/arm/setup.c', 'xen/common/sched.c']);
  });

  it('refuses an absolute path or one leaving the repository, naming the line', () => {
    expect(() => parseFileList('a.c\n/home/x/b.c\n', 'cloc.list')).toThrow(
      'cloc.list:2: an absolute path; list paths relative to the repository root: /home/x/b.c',
    );
    expect(() => parseFileList('../b.c', 'cloc.list')).toThrow(
      'cloc.list:1: a path outside the repository: ../b.c',
    );
  });
});
