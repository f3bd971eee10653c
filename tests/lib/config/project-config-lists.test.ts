import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveProjectTarget } from '../../../src/cli/project-target.ts';
import { parseProjectConfig } from '../../../src/lib/config/project-config.ts';
import { makeTempDir } from '../../helpers/git-fixture.ts';

const parse = (lists: unknown) =>
  parseProjectConfig(JSON.stringify({ name: 'p', repositories: [], lists }), 'p.json');

describe('the lists of a project config', () => {
  it('reads sources and names, a bare string being a source, and allows a config of lists only', () => {
    expect(
      parse([
        { source: 'archives/xen-devel', name: 'xen-devel' },
        'https://lore.example.org/xen-devel/1',
        { source: 'https://lore.example.org/xen-devel/0', name: 'xen-devel' },
        { source: 'old.mbox' },
      ]).lists,
    ).toEqual([
      { source: 'archives/xen-devel', name: 'xen-devel' },
      { source: 'https://lore.example.org/xen-devel/1', name: '1' },
      { source: 'https://lore.example.org/xen-devel/0', name: 'xen-devel' },
      { source: 'old.mbox', name: 'old.mbox' },
    ]);
    expect(parseProjectConfig('{"name": "p", "repositories": ["r"]}', 'p.json').lists).toEqual([]);
  });

  it('names the field and the value that are wrong, in one line', () => {
    const cases: Array<[unknown, string]> = [
      [{}, 'p.json: field "lists" must be a list of {"source", "name"}, got {}'],
      [[3], 'p.json: field "lists[0]" must be a path, a URL, or {"source", "name"}, got 3'],
      [
        [{ source: '' }],
        'p.json: field "lists[0].source" must be a path or an http(s) URL, got ""',
      ],
      [
        [{ source: 'ftp://x/y' }],
        'p.json: field "lists[0].source" must be a path or an http(s) URL, got "ftp://x/y"',
      ],
      [
        [{ source: 'a', name: 'has space' }],
        'p.json: field "lists[0].name" must be a name of letters, digits, ".", "_", "@", "+" or "-", got "has space"',
      ],
      [
        [{ source: 'a', list: 'x' }],
        'p.json: field "lists[0].list" must be one of source, name (unknown field), got "x"',
      ],
    ];
    for (const [lists, message] of cases) {
      expect(() => parse(lists), JSON.stringify(lists)).toThrow(message);
    }
  });

  it('resolves local list sources against the config folder and keeps URLs', async () => {
    const dir = makeTempDir('barometer-lists-config-');
    mkdirSync(join(dir, 'conf'));
    writeFileSync(
      join(dir, 'conf', 'p.json'),
      JSON.stringify({
        name: 'p',
        repositories: [],
        lists: [
          { source: '../mail/devel', name: 'devel' },
          { source: 'https://x.example/a/0', name: 'a' },
        ],
      }),
    );
    const target = await resolveProjectTarget(join(dir, 'conf', 'p.json'), { cwd: dir });
    expect(target.config.lists).toEqual([
      { source: join(dir, 'mail', 'devel'), name: 'devel' },
      { source: 'https://x.example/a/0', name: 'a' },
    ]);
  });
});
