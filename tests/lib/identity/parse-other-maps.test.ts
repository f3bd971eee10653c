import { describe, expect, it } from 'vitest';
import { inlineOrganisations } from '../../../src/lib/identity/inline-organisations.ts';
import { createAliases, parseEmailAliases } from '../../../src/lib/identity/parse-email-aliases.ts';
import { parseGitdmConfig } from '../../../src/lib/identity/parse-gitdm-config.ts';
import { parseGroupMap } from '../../../src/lib/identity/parse-group-map.ts';
import { parseLogins } from '../../../src/lib/identity/parse-logins.ts';
import { formatProblem } from '../../../src/lib/identity/map-problem.ts';

describe('parseEmailAliases', () => {
  it('reads pairs, lower-cased, and reports broken lines', () => {
    const { entries, problems } = parseEmailAliases(
      '# aliases\nJane@XenSource.com  jane@citrix.com\n\nbad-line\na@x.org b@x.org c@x.org\nnot-an-address b@x.org\n',
      'aliases',
    );
    expect(entries).toEqual([
      {
        alias: 'jane@xensource.com',
        canonical: 'jane@citrix.com',
        source: { file: 'aliases', line: 2 },
      },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'aliases:4: expected "alias@address canonical@address", got 1 field: "bad-line"',
      'aliases:5: expected "alias@address canonical@address", got 3 fields: "a@x.org b@x.org c@x.org"',
      'aliases:6: not an e-mail address: "not-an-address"',
    ]);
  });

  it('follows chains case-insensitively and reports conflicts and loops', () => {
    const parsed = parseEmailAliases(
      'a@x.org b@x.org\nb@x.org c@x.org\nd@x.org e@x.org\nD@x.org f@x.org\nl1@x.org l2@x.org\nl2@x.org l1@x.org\n',
      'al',
    );
    const { aliases, problems } = createAliases(parsed.entries);
    expect(aliases.resolve('a@x.org')).toEqual({
      email: 'c@x.org',
      via: [
        { file: 'al', line: 1 },
        { file: 'al', line: 2 },
      ],
    });
    expect(aliases.resolve('zz@x.org')).toEqual({ email: 'zz@x.org', via: [] });
    expect(problems.map(formatProblem)).toEqual([
      'al:4: conflict: d@x.org is an alias of f@x.org here and of e@x.org at al:3',
      'al:5: aliases loop: l1@x.org leads back to itself through al:5, al:6',
    ]);
  });
});

describe('parseGroupMap', () => {
  it('gives every line the configured organisation and reports bad lines', () => {
    const { entries, problems } = parseGroupMap(
      '# Acme people\njoe@gmail.com\nacme.io\ntwo words\n',
      'lists/acme',
      'Acme  Corp',
    );
    expect(entries).toEqual([
      {
        key: 'joe@gmail.com',
        organisation: 'Acme Corp',
        until: null,
        source: { file: 'lists/acme', line: 2 },
      },
      {
        key: 'acme.io',
        organisation: 'Acme Corp',
        until: null,
        source: { file: 'lists/acme', line: 3 },
      },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'lists/acme:4: one address or domain a line expected, got "two words"',
    ]);
  });
});

describe('parseGitdmConfig', () => {
  it('reads the map files it names and reports unknown directives', () => {
    const { entries, problems } = parseGitdmConfig(
      '# gitdm\nEmailAliases aliases\nEmailMap domain-map\nGroupMap lists/rh Red Hat\nFileTypeMap filetypes.txt\nCompanyFile x\nEmailMap\nGroupMap lists/x\nEmailMap a b\n',
      'gitdm.config',
    );
    expect(entries).toEqual([
      { kind: 'aliases', path: 'aliases', source: { file: 'gitdm.config', line: 2 } },
      { kind: 'email-map', path: 'domain-map', source: { file: 'gitdm.config', line: 3 } },
      {
        kind: 'group-map',
        path: 'lists/rh',
        organisation: 'Red Hat',
        source: { file: 'gitdm.config', line: 4 },
      },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'gitdm.config:6: unknown directive "CompanyFile" (expected EmailMap, EmailAliases or GroupMap)',
      'gitdm.config:7: EmailMap needs a file name',
      'gitdm.config:8: GroupMap needs an organisation name after the file',
      'gitdm.config:9: EmailMap takes one file name, got "EmailMap a b"',
    ]);
  });
});

describe('parseLogins', () => {
  it('reads logins case-insensitively and reports bad lines', () => {
    const { entries, problems } = parseLogins(
      'JaneDoe  Jane@Citrix.com\ndependabot[bot] bot@example.com\nbad login here\n-x a@b.c\nok not-mail\n',
      'logins',
    );
    expect(entries).toEqual([
      { login: 'janedoe', email: 'jane@citrix.com', source: { file: 'logins', line: 1 } },
      { login: 'dependabot[bot]', email: 'bot@example.com', source: { file: 'logins', line: 2 } },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'logins:3: expected "login canonical@address", got "bad login here"',
      'logins:4: not a GitHub login: "-x"',
      'logins:5: not an e-mail address: "not-mail"',
    ]);
  });
});

describe('inlineOrganisations', () => {
  it('turns the config map into dated lines that name the config field', () => {
    const { entries, problems } = inlineOrganisations(
      {
        'Intel.com': 'Intel',
        'jane@gmail.com': [
          { organisation: 'Citrix', until: '2015-03-01' },
          { organisation: 'SUSE' },
        ],
        nodot: 'X',
      },
      'xen.json',
    );
    expect(entries).toEqual([
      {
        key: 'intel.com',
        organisation: 'Intel',
        until: null,
        source: { file: 'xen.json', field: 'affiliations.organisations.Intel.com' },
      },
      {
        key: 'jane@gmail.com',
        organisation: 'Citrix',
        until: new Date('2015-03-01T00:00:00Z'),
        source: { file: 'xen.json', field: 'affiliations.organisations.jane@gmail.com[0]' },
      },
      {
        key: 'jane@gmail.com',
        organisation: 'SUSE',
        until: null,
        source: { file: 'xen.json', field: 'affiliations.organisations.jane@gmail.com[1]' },
      },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'xen.json (affiliations.organisations.nodot): not a domain or address: "nodot" (expected e.g. intel.com or jane@example.org)',
    ]);
  });
});
