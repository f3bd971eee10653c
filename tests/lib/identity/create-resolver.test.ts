import { describe, expect, it } from 'vitest';
import { emptyAffiliationMaps } from '../../../src/lib/identity/affiliation-maps.ts';
import { createResolver } from '../../../src/lib/identity/create-resolver.ts';
import { parseEmailAliases } from '../../../src/lib/identity/parse-email-aliases.ts';
import { parseLogins } from '../../../src/lib/identity/parse-logins.ts';
import { parseMailmap } from '../../../src/lib/identity/parse-mailmap.ts';

describe('createResolver', () => {
  const maps = emptyAffiliationMaps();
  maps.mailmap = parseMailmap(
    'Jane Doe <Jane.Doe@Corp.com> <jdoe@old.example>\nJan <jan@x.org> Jan Commit <shared@x.org>\n',
    'project.mailmap',
  ).entries;
  maps.aliases = parseEmailAliases('jane.doe@corp.com jane@corp.com\n', 'aliases').entries;
  maps.logins = parseLogins('JDoe jdoe@old.example\n', 'logins').entries;
  const repository = parseMailmap('Repo Name <jdoe@old.example>\n', 'xen/.mailmap').entries;
  const { resolver, problems } = createResolver(maps, repository);

  it('applies the mailmap, then the aliases, case-insensitively, and says which lines did', () => {
    expect(problems).toEqual([]);
    expect(resolver.identify('J', 'JDOE@old.example')).toEqual({
      person: 'jane@corp.com',
      mailmapName: 'Jane Doe',
      via: [
        { file: 'project.mailmap', line: 1 },
        { file: 'aliases', line: 1 },
      ],
    });
    expect(resolver.identify('JAN COMMIT', 'shared@x.org').person).toBe('jan@x.org');
    expect(resolver.identify('Other', 'SHARED@x.org')).toEqual({
      person: 'shared@x.org',
      mailmapName: null,
      via: [],
    });
    expect(resolver.identify(null, '')).toEqual({ person: null, mailmapName: null, via: [] });
  });

  it('resolves GitHub logins: logins map, then the address with the most commits, then noreply', () => {
    expect(resolver.loginAddress('jdoe', [{ email: 'x@y.org', commits: 9 }])).toEqual({
      email: 'jdoe@old.example',
      how: 'logins',
      source: { file: 'logins', line: 1 },
    });
    expect(
      resolver.loginAddress('other', [
        { email: 'B@y.org', commits: 3 },
        { email: 'c@y.org', commits: 7 },
        { email: 'a@y.org', commits: 7 },
      ]),
    ).toEqual({ email: 'a@y.org', how: 'commits', source: null });
    expect(resolver.loginAddress('Ghost', [])).toEqual({
      email: 'ghost@users.noreply.github.com',
      how: 'noreply',
      source: null,
    });
  });
});
