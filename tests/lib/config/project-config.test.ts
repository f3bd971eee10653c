import { describe, expect, it } from 'vitest';
import { parseProjectConfig } from '../../../src/lib/config/project-config.ts';

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
