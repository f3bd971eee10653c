import { describe, expect, it } from 'vitest';
import { parseProjectConfig } from '../../../src/lib/config/project-config.ts';
import { BarometerError } from '../../../src/lib/errors.ts';

const config = (subprojects: unknown) =>
  JSON.stringify({ name: 'p', repositories: ['a', 'b'], subprojects });

describe('the "subprojects" field of a project config', () => {
  it('groups repository names and globs under sub-project names; none by default', () => {
    const parsed = parseProjectConfig(
      config({ Hypervisor: ['xen.git'], Unikraft: ['unikraft', 'unikraft-app-*'] }),
      'p.json',
    );
    expect(parsed.subprojects).toEqual({
      Hypervisor: ['xen.git'],
      Unikraft: ['unikraft', 'unikraft-app-*'],
    });
    expect(parseProjectConfig(config(undefined), 'p.json').subprojects).toEqual({});
  });

  it.each([
    [
      ['a'],
      'field "subprojects" must be an object of sub-project name → list of repository names or globs, got ["a"]',
    ],
    [
      'a',
      'field "subprojects" must be an object of sub-project name → list of repository names or globs, got "a"',
    ],
    [
      { ' Core': ['a'] },
      'field "subprojects" must be names that are not empty, without spaces at either end or control characters, got " Core"',
    ],
    [
      { '': ['a'] },
      'field "subprojects" must be names that are not empty, without spaces at either end or control characters, got ""',
    ],
    [
      { Core: [] },
      'field "subprojects.Core" must be a non-empty list of repository names or globs, got []',
    ],
    [
      { Core: 'a*' },
      'field "subprojects.Core" must be a non-empty list of repository names or globs, got "a*"',
    ],
    [
      { Core: ['a', 3] },
      'field "subprojects.Core[1]" must be a repository name or a glob like "unikraft-app-*", got 3',
    ],
    [
      { Core: ['a', ' b'] },
      'field "subprojects.Core[1]" must be a repository name or a glob like "unikraft-app-*", got " b"',
    ],
    [
      { Core: ['a*', 'a*'] },
      'field "subprojects.Core[1]" must be a name or glob not listed before, got "a*"',
    ],
  ])('refuses %j in one line naming the field', (subprojects, message) => {
    expect(() => parseProjectConfig(config(subprojects), 'p.json')).toThrow(
      expect.objectContaining({ code: 'bad-input', message: `p.json: ${message}` }),
    );
  });
});

function problem(json: unknown): string {
  try {
    parseProjectConfig(typeof json === 'string' ? json : JSON.stringify(json), 'p.json');
  } catch (error) {
    expect(error).toBeInstanceOf(BarometerError);
    expect((error as BarometerError).code).toBe('bad-input');
    return (error as BarometerError).message;
  }
  return 'accepted';
}

const RULE = 'a name without "/", "\\", "..", control characters or a leading "-"';

describe('project config: repository names', () => {
  it('refuses a name that could leave its cache folder, naming the field', () => {
    for (const name of [
      '../../../victim',
      'a/b',
      'a\\b',
      '..',
      '.',
      'x..y',
      'a\u001b[31m',
      'nul\0',
      '-u',
    ]) {
      expect(problem({ name: 'p', repositories: [{ source: 'https://h/x.git', name }] })).toBe(
        `p.json: field "repositories[0].name" must be ${RULE}, got ${JSON.stringify(name)}`,
      );
    }
  });

  it('refuses two names equal but for case', () => {
    expect(
      problem({
        name: 'p',
        repositories: [
          { source: 'https://h/x.git', name: 'Xen' },
          { source: 'https://h/y.git', name: 'xen' },
        ],
      }),
    ).toBe(
      'p.json: field "repositories[1].name" must be a name no other repository has (ignoring case), got "xen"',
    );
  });

  it('makes a fitting name from a source whose last segment would not be one', () => {
    const config = parseProjectConfig(
      JSON.stringify({
        name: 'p',
        repositories: ['https://h/--upload-pack=touch%20x', 'https://h/a/..', 'https://h/xen.git'],
      }),
      'p.json',
    );
    expect(config.repositories.map((r) => r.name)).toEqual([
      'upload-pack=touch%20x',
      'repository',
      'xen',
    ]);
  });
});

describe('project config: hostile shapes', () => {
  it('says how deep a deeply nested config is instead of overflowing the stack', () => {
    const deep = `{"name": "p", "repositories": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(problem(deep)).toBe('p.json: nested more than 64 levels deep');
  });

  it('refuses "__proto__" and other keys that are not an address or a domain', () => {
    const text = `{"name": "p", "repositories": ["https://h/x.git"],
      "affiliations": {"organisations": {"__proto__": "Evil"}}}`;
    expect(problem(text)).toBe(
      'p.json: field "affiliations.organisations.__proto__" must be an e-mail address or a domain, got "Evil"',
    );
    const colours = `{"name": "p", "repositories": ["https://h/x.git"], "colours": {"__proto__": "#fff"}}`;
    expect(problem(colours)).toBe(
      'p.json: field "colours.__proto__" must be an organisation name, got "#fff"',
    );
  });
});
