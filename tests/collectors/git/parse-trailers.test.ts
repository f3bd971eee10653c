import { afterAll, describe, expect, it } from 'vitest';
import { parseTrailers, trailerPerson } from '../../../collectors/git/parse-trailers.ts';
import { createRepository } from '../../helpers/git-fixture.ts';

/** Messages whose trailers git and Barometer must read the same way. */
const MESSAGES: Record<string, string> = {
  plain:
    'Fix a bug\n\nLonger text.\n\nSigned-off-by: Ada Lovelace <ada@example.org>\nReviewed-by: Jan Beulich <jbeulich@suse.com>\n',
  subjectOnly: 'Signed-off-by: Ada <ada@example.org>\n',
  noBlankBeforeTrailers: 'Subject\nSigned-off-by: Ada <ada@example.org>\n',
  bodyLookAlike:
    'Subject\n\nReviewed-by: Not A Trailer <x@example.org>\nis in the body.\n\nMore body text here.\n',
  mixedCaseKeys:
    'Subject\n\nreviewed-BY: Bob <bob@example.org>\nACKED-BY: jan@suse.com\ncc: Carol <carol@example.org>\n',
  continuation:
    'Subject\n\nBody.\n\nReported-by: Dan\n  Very Long <dan@example.org>\nSigned-off-by: Eve <eve@example.org>\n',
  mostlyProse:
    'Subject\n\nBody.\n\nThis paragraph has prose\nand more prose\nand more prose\nand even more prose\nSigned-off-by: Ada <ada@example.org>\n',
  quarterTrailers:
    'Subject\n\nBody.\n\nSome prose line\nSigned-off-by: Ada <ada@example.org>\nAcked-by: Bob <bob@example.org>\nTested-by: Carol <carol@example.org>\n',
  proseWithoutGitPrefix: 'Subject\n\nBody.\n\nSome prose line\nAcked-by: Bob <bob@example.org>\n',
  spaceBeforeColon:
    'Subject\n\nBody.\n\nReviewed-by : Spacey <s@example.org>\nLink: https://example.org/x\n',
  notAKey: 'Subject\n\nBody.\n\nReviewed by: Jane <jane@example.org>\n',
  trailingBlankAndComments:
    'Subject\n\nBody.\n\nTested-by: Tess <tess@example.org>\n\n# a comment\n\n',
  cherryPick:
    'Subject\n\nBody.\n\nSigned-off-by: Ada <ada@example.org>\n(cherry picked from commit 0123456789abcdef0123456789abcdef01234567)\n',
  twiceByOne: 'Subject\n\nAcked-by: Jan <jan@suse.com>\nAcked-by: Jan <jan@suse.com>\n',
  emptyValue: 'Subject\n\nBody.\n\nCc:\nSigned-off-by: Ada <ada@example.org>\n',
  crlf: 'Subject\r\n\r\nBody.\r\n\r\nAcked-by: Bob <bob@example.org>\r\n',
  onlyBody: 'Subject\n\nJust a body.\n',
  unicode: 'Subject\n\nBody.\n\nReviewed-by: Jürgen Groß <jgross@suse.com>\n',
};

const repo = createRepository();
const ids = Object.fromEntries(
  Object.entries(MESSAGES).map(([name, message]) => [name, repo.commit({ message })]),
);
afterAll(() => repo.cleanup());

/** What git itself prints for a commit's trailers: key and unfolded value per line. */
function gitTrailers(id: string): Array<[string, string]> {
  const out = repo.git(['log', '-1', '--format=%(trailers:only,unfold,separator=%x00)', id]);
  return out
    .split('\0')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const sep = line.indexOf(':');
      return [line.slice(0, sep).trim().toLowerCase(), line.slice(sep + 1).trim()];
    });
}

describe('parseTrailers', () => {
  for (const [name, message] of Object.entries(MESSAGES)) {
    it(`reads the trailers of "${name}" as git does`, () => {
      const ours = parseTrailers(message).map((t) => [t.key.toLowerCase(), t.value]);
      expect(ours).toEqual(gitTrailers(ids[name]!));
    });
  }

  it('finds none in a body look-alike and none under a subject alone', () => {
    expect(parseTrailers(MESSAGES.bodyLookAlike!)).toEqual([]);
    expect(parseTrailers(MESSAGES.subjectOnly!)).toEqual([]);
    expect(parseTrailers(MESSAGES.mostlyProse!)).toEqual([]);
  });

  it('spells known keys canonically, joins continuations and numbers every line', () => {
    expect(parseTrailers(MESSAGES.mixedCaseKeys!)).toEqual([
      {
        position: 0,
        key: 'Reviewed-by',
        value: 'Bob <bob@example.org>',
        personName: 'Bob',
        personEmail: 'bob@example.org',
      },
      {
        position: 1,
        key: 'Acked-by',
        value: 'jan@suse.com',
        personName: null,
        personEmail: 'jan@suse.com',
      },
      {
        position: 2,
        key: 'Cc',
        value: 'Carol <carol@example.org>',
        personName: 'Carol',
        personEmail: 'carol@example.org',
      },
    ]);
    expect(parseTrailers(MESSAGES.continuation!)[0]).toEqual({
      position: 0,
      key: 'Reported-by',
      value: 'Dan Very Long <dan@example.org>',
      personName: 'Dan Very Long',
      personEmail: 'dan@example.org',
    });
    expect(parseTrailers(MESSAGES.twiceByOne!).map((t) => t.position)).toEqual([0, 1]);
  });
});

describe('trailerPerson', () => {
  it('takes the address after the last <, an unclosed bracket to the end, else a word with @', () => {
    expect(trailerPerson('A <a@x> for B <b@y>')).toEqual({ name: 'A <a@x> for B', email: 'b@y' });
    expect(trailerPerson('Jan Beulich <jbeulich@suse.com')).toEqual({
      name: 'Jan Beulich',
      email: 'jbeulich@suse.com',
    });
    expect(trailerPerson('jan@suse.com')).toEqual({ name: null, email: 'jan@suse.com' });
    expect(trailerPerson('Jan jan@suse.com [v2]')).toEqual({
      name: 'Jan [v2]',
      email: 'jan@suse.com',
    });
    expect(trailerPerson('"Doe, John" <jd@x.org>')).toEqual({
      name: 'Doe, John',
      email: 'jd@x.org',
    });
    expect(trailerPerson('Jan Beulich')).toEqual({ name: null, email: null });
    expect(trailerPerson('Nobody <>')).toEqual({ name: null, email: null });
  });
});
