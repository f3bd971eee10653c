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
  // Tag paragraphs that are not the last paragraph (DESIGN.md): git reads none of these.
  versionNotes:
    'libelf: check strings\n\nBody.\n\nSigned-off-by: Ian <ian@citrix.com>\nAcked-by: Ian C <ianc@citrix.com>\n' +
    'Reviewed-by: Konrad <konrad@oracle.com>\n\nv7: Change the check to use two if statements.\n\n' +
    'v2: Fix coding style, in one "if" statement.\n',
  dashedNotes:
    'xen/mm: Drop mfn\n\nBody.\n\nSigned-off-by: Julien <julien@arm.com>\nReviewed-by: Wei <wei@citrix.com>\n' +
    'Acked-by: Stefano <sstabellini@kernel.org.\n\n--\n\nCc: Jan <jbeulich@suse.com>\n\n' +
    "    Changes in v6:\n        - Add Wei's reviewed-by\n",
  quotedUpstream:
    'xen/arm: smccc\n\nAdapted from Linux:\n    - Xen style\n\n Reviewed-by: Robin <robin@arm.com>\n' +
    ' Signed-off-by: Marc <marc@arm.com>\n\nSigned-off-by: Julien <julien@arm.com>\n' +
    'Acked-by: Stefano <sstabellini@kernel.org>\n',
  tagsThenBracketLine:
    'Subject\n\nSigned-off-by: Wei <wei@ibm.com>\nAcked-by: Michel <walken@google.com>\n' +
    '[Linux commit 1b9c53e8]\n\nPorted to Xen.\n',
  tagsWithContinuation:
    'Subject\n\nReviewed-by: Jan <jan@suse.com>\n  (for the x86 part)\nAcked-by: Kim <kim@intel.com>\n\n' +
    'Some closing prose.\n',
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
      const ours = parseTrailers(message)
        .filter((t) => t.gitTrailer)
        .map((t) => [t.key.toLowerCase(), t.value]);
      expect(ours).toEqual(gitTrailers(ids[name]!));
    });
  }

  it('reads every tag paragraph, not prose, indented quotes or a paragraph with other lines', () => {
    const read = (name: string) =>
      parseTrailers(MESSAGES[name]!).map((t) => [t.position, t.key, t.personEmail, t.gitTrailer]);
    expect(read('versionNotes')).toEqual([
      [0, 'Signed-off-by', 'ian@citrix.com', false],
      [1, 'Acked-by', 'ianc@citrix.com', false],
      [2, 'Reviewed-by', 'konrad@oracle.com', false],
      [3, 'v7', null, false],
      [4, 'v2', null, true],
    ]);
    // An unclosed bracket keeps its address without the full stop after it.
    expect(read('dashedNotes')).toEqual([
      [0, 'Signed-off-by', 'julien@arm.com', false],
      [1, 'Reviewed-by', 'wei@citrix.com', false],
      [2, 'Acked-by', 'sstabellini@kernel.org', false],
      [3, 'Cc', 'jbeulich@suse.com', false],
    ]);
    expect(read('quotedUpstream')).toEqual([
      [0, 'Signed-off-by', 'julien@arm.com', true],
      [1, 'Acked-by', 'sstabellini@kernel.org', true],
    ]);
    expect(read('tagsThenBracketLine')).toEqual([]);
    expect(parseTrailers(MESSAGES.tagsWithContinuation!).map((t) => [t.key, t.value])).toEqual([
      ['Reviewed-by', 'Jan <jan@suse.com> (for the x86 part)'],
      ['Acked-by', 'Kim <kim@intel.com>'],
    ]);
  });

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
        gitTrailer: true,
      },
      {
        position: 1,
        key: 'Acked-by',
        value: 'jan@suse.com',
        personName: null,
        personEmail: 'jan@suse.com',
        gitTrailer: true,
      },
      {
        position: 2,
        key: 'Cc',
        value: 'Carol <carol@example.org>',
        personName: 'Carol',
        personEmail: 'carol@example.org',
        gitTrailer: true,
      },
    ]);
    expect(parseTrailers(MESSAGES.continuation!)[0]).toEqual({
      position: 0,
      key: 'Reported-by',
      value: 'Dan Very Long <dan@example.org>',
      personName: 'Dan Very Long',
      personEmail: 'dan@example.org',
      gitTrailer: true,
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
    expect(trailerPerson('Stefano <sstabellini@kernel.org.')).toEqual({
      name: 'Stefano',
      email: 'sstabellini@kernel.org',
    });
    expect(trailerPerson('jan@suse.com, for x86')).toEqual({
      name: 'for x86',
      email: 'jan@suse.com',
    });
  });
});
