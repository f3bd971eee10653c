import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMailmap, parseMailmap } from '../../../src/lib/identity/parse-mailmap.ts';
import { createRepository } from '../../helpers/git-fixture.ts';

const TEXT = `# a comment
Proper Name <Commit@Example.com>
<proper@example.com> <old@example.com>
Both Name <both@example.com> <OLD-BOTH@example.com>   # trailing comment
Only Jane <jane@corp.com> Jane Commit <shared@example.com>
Default Shared <default@example.com> <shared@example.com>

	# indented comment
`;

describe('parseMailmap', () => {
  it('reads all four forms, comments and blank lines', () => {
    const { entries, problems, lines } = parseMailmap(TEXT, '.mailmap');
    expect(problems).toEqual([]);
    expect(lines).toBe(8);
    expect(entries).toEqual([
      {
        properName: 'Proper Name',
        properEmail: null,
        commitName: null,
        commitEmail: 'Commit@Example.com',
        source: { file: '.mailmap', line: 2 },
      },
      {
        properName: null,
        properEmail: 'proper@example.com',
        commitName: null,
        commitEmail: 'old@example.com',
        source: { file: '.mailmap', line: 3 },
      },
      {
        properName: 'Both Name',
        properEmail: 'both@example.com',
        commitName: null,
        commitEmail: 'OLD-BOTH@example.com',
        source: { file: '.mailmap', line: 4 },
      },
      {
        properName: 'Only Jane',
        properEmail: 'jane@corp.com',
        commitName: 'Jane Commit',
        commitEmail: 'shared@example.com',
        source: { file: '.mailmap', line: 5 },
      },
      {
        properName: 'Default Shared',
        properEmail: 'default@example.com',
        commitName: null,
        commitEmail: 'shared@example.com',
        source: { file: '.mailmap', line: 6 },
      },
    ]);
  });

  it('names file, line and problem for broken lines and keeps the good ones', () => {
    const { entries, problems } = parseMailmap(
      'Good <good@x.org>\nBroken <no-close@x.org\njust words\n<lonely@x.org>\nA <a@x.org> trailing words\n',
      'maps/.mailmap',
    );
    expect(entries).toHaveLength(1);
    expect(problems).toEqual([
      {
        source: { file: 'maps/.mailmap', line: 2 },
        problem: 'an address has no closing ">": "Broken <no-close@x.org"',
      },
      {
        source: { file: 'maps/.mailmap', line: 3 },
        problem: 'no <address> on the line: "just words"',
      },
      {
        source: { file: 'maps/.mailmap', line: 4 },
        problem: 'a single <lonely@x.org> without a name maps nothing',
      },
      {
        source: { file: 'maps/.mailmap', line: 5 },
        problem: 'unexpected text after the last address: "trailing words"',
      },
    ]);
  });
});

describe('createMailmap', () => {
  const mailmap = createMailmap(parseMailmap(TEXT, '.mailmap').entries);

  it('matches addresses case-insensitively', () => {
    expect(mailmap.lookup('whoever', 'commit@example.COM')).toEqual({
      name: 'Proper Name',
      email: null,
      source: { file: '.mailmap', line: 2 },
    });
    expect(mailmap.lookup(null, 'old-both@EXAMPLE.com')).toMatchObject({
      name: 'Both Name',
      email: 'both@example.com',
    });
  });

  it('prefers a line restricted to the name (matched case-insensitively) over the address alone', () => {
    expect(mailmap.lookup('JANE COMMIT', 'shared@example.com')).toMatchObject({
      name: 'Only Jane',
      email: 'jane@corp.com',
      source: { line: 5 },
    });
    expect(mailmap.lookup('Someone Else', 'shared@example.com')).toMatchObject({
      name: 'Default Shared',
      email: 'default@example.com',
      source: { line: 6 },
    });
    expect(mailmap.lookup(null, 'shared@example.com')).toMatchObject({ name: 'Default Shared' });
  });

  it('gives nothing for an unknown address or a name-only line whose name does not match', () => {
    expect(mailmap.lookup('x', 'stranger@example.com')).toBeNull();
    const nameOnly = createMailmap(
      parseMailmap('Only Jane <jane@corp.com> Jane Commit <solo@example.com>\n', 'm').entries,
    );
    expect(nameOnly.lookup('Other', 'solo@example.com')).toBeNull();
  });

  it('lets a later line add to or override an earlier one, as git does', () => {
    const merged = createMailmap(
      parseMailmap('Old Name <a@x.org>\n<new@x.org> <A@x.org>\nNew Name <a@x.org>\n', 'm').entries,
    );
    expect(merged.lookup('z', 'a@x.org')).toEqual({
      name: 'New Name',
      email: 'new@x.org',
      source: { file: 'm', line: 3 },
    });
  });
});

describe('a .mailmap line with more than two addresses', () => {
  it('maps as git check-mailmap does: the first two addresses, the rest ignored', () => {
    const text = [
      'Proper <proper@x.org> Commit <commit@x.org> Third <third@x.org>',
      '<a@x.org> <b@x.org> <c@x.org>',
      'Name Only <n@x.org> <m@x.org> trailing <t@x.org> more',
      'Cut <cut@x.org> <old@x.org> Broken <broken@x.org',
      '',
    ].join('\n');
    const repo = createRepository();
    try {
      writeFileSync(join(repo.dir, '.mailmap'), text);
      const parsed = parseMailmap(text, '.mailmap');
      expect(parsed.problems).toEqual([]);
      const mailmap = createMailmap(parsed.entries);
      const identities = [
        ['Commit', 'commit@x.org'],
        ['Third', 'third@x.org'],
        ['Other', 'commit@x.org'],
        ['X', 'b@x.org'],
        ['X', 'c@x.org'],
        ['X', 'a@x.org'],
        ['Y', 'm@x.org'],
        ['Y', 't@x.org'],
        ['Z', 'old@x.org'],
        ['Z', 'broken@x.org'],
      ];
      for (const [name, email] of identities) {
        const git = repo.git(['check-mailmap', `${name} <${email}>`]);
        const match = mailmap.lookup(name!, email!);
        const ours = `${match?.name ?? name} <${match?.email ?? email}>`;
        expect(ours, `${name} <${email}>`).toBe(git);
      }
    } finally {
      repo.cleanup();
    }
  });
});
