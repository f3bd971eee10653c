/**
 * One project's mailing lists and repository, small enough to check by hand, used by the mail
 * tests: a three-version series with cover letters (v2 answering v1's cover, v3 in a new thread
 * with its subject in another case), replies by the author and by others, review tags in replies
 * and quoted ones, a self-answered RFC, a cross-post between two lists, general discussion, and
 * messages without a Message-ID, with an unreadable date, broken MIME, an unknown charset, a huge
 * body and a spam message the archive removes. Expected figures are worked out in the tests.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepository, makeTempDir, type GitFixture } from '../../helpers/git-fixture.ts';
import { appendMbox, inboxEpoch, type EpochFixture, type FixtureMail } from './mail-fixture.ts';

export const ALICE = 'Alice Arm <alice@corp-a.com>';
export const BOB = 'Bob Builder <bob@corp-b.com>';
export const CAROL_HOME = 'Carol Cloud <carol@home.example>';
export const DAVE = 'Dave Diff <dave@gmail.com>';
export const EVE = 'Eve Ever <eve@corp-e.com>';
export const FRANK = 'Frank Free <frank@corp-f.com>';

const diff = (path: string) =>
  `Change it.\n\nSigned-off-by: ${ALICE}\n---\n ${path} | 1 +\n\ndiff --git a/${path} b/${path}\nindex 1111111..2222222 100644\n--- a/${path}\n+++ b/${path}\n@@ -1 +1,2 @@\n x\n+y\n`;

/** The messages of the `devel` list's first epoch, in archive order. */
export function develMessages(): FixtureMail[] {
  return [
    {
      id: 'c3@corp-b.com',
      from: 'Bob Builder <Bob@Corp-B.com>',
      time: '2017-12-01T00:00:00Z',
      subject: '[Devel] [PATCH] docs: fix typo',
      body: diff('docs/README'),
    },
    {
      id: 'r-alice-c3@corp-a.com',
      from: ALICE,
      time: '2017-12-01T12:00:00Z',
      subject: 'Re: [Devel] [PATCH] docs: fix typo',
      inReplyTo: 'c3@corp-b.com',
      references: ['c3@corp-b.com'],
      body: `> typo\n\nReviewed-by: ${ALICE}\n`,
    },
    {
      id: 'general@corp-e.com',
      from: EVE,
      time: '2018-01-05T00:00:00Z',
      subject: 'Question about builds',
      body: 'How do I build?\n',
    },
    {
      id: 'general-re@corp-b.com',
      from: BOB,
      time: '2018-01-05T01:00:00Z',
      subject: 'Re: Question about builds',
      inReplyTo: 'general@corp-e.com',
      body: 'Reviewed-by: nobody, this is no review\n',
    },
    {
      id: 'c1-v1-0@corp-a.com',
      from: ALICE,
      time: '2018-01-10T10:00:00Z',
      subject: '[PATCH 0/2] xen/arm: fix foo',
      body: 'Two patches.\n',
    },
    {
      id: 'c1-v1-1@corp-a.com',
      from: ALICE,
      time: '2018-01-10T10:01:00Z',
      subject: '[PATCH 1/2] xen/arm: add bar',
      inReplyTo: 'c1-v1-0@corp-a.com',
      references: ['c1-v1-0@corp-a.com'],
      body: diff('xen/arch/arm/bar.c'),
    },
    {
      id: 'c1-v1-2@corp-a.com',
      from: ALICE,
      time: '2018-01-10T10:02:00Z',
      subject: '[PATCH 2/2] xen/arm: use bar',
      inReplyTo: 'c1-v1-0@corp-a.com',
      references: ['c1-v1-0@corp-a.com'],
      body: diff('tools/libs/x.c'),
    },
    {
      id: 'r-bob-1@corp-b.com',
      from: BOB,
      time: '2018-01-11T10:00:00Z',
      subject: 'Re: [PATCH 1/2] xen/arm: add bar',
      inReplyTo: 'c1-v1-1@corp-a.com',
      references: ['c1-v1-0@corp-a.com', 'c1-v1-1@corp-a.com'],
      body: `> Reviewed-by: Old Reviewer <old@corp-c.com>\n> diff --git a/quoted.c b/quoted.c\n\nLooks good.\n\nReviewed-by: ${BOB}\n`,
    },
    {
      id: 'r-alice-1@corp-a.com',
      from: ALICE,
      time: '2018-01-11T12:00:00Z',
      subject: 'Re: [PATCH 1/2] xen/arm: add bar',
      inReplyTo: 'r-bob-1@corp-b.com',
      references: ['c1-v1-0@corp-a.com', 'c1-v1-1@corp-a.com', 'r-bob-1@corp-b.com'],
      body: 'Thanks!\n',
    },
    {
      id: 'c1-v2-0@corp-a.com',
      from: ALICE,
      time: '2018-01-20T10:00:00Z',
      subject: '[PATCH v2 0/2] xen/arm: fix foo',
      inReplyTo: 'c1-v1-0@corp-a.com',
      references: ['c1-v1-0@corp-a.com'],
      body: 'v2: as Bob said.\n',
    },
    {
      id: 'c1-v2-1@corp-a.com',
      from: ALICE,
      time: '2018-01-20T10:01:00Z',
      subject: '[PATCH v2 1/2] xen/arm: add bar',
      inReplyTo: 'c1-v2-0@corp-a.com',
      references: ['c1-v1-0@corp-a.com', 'c1-v2-0@corp-a.com'],
      body: diff('xen/arch/arm/bar.c'),
    },
    {
      id: 'c1-v2-2@corp-a.com',
      from: ALICE,
      time: '2018-01-20T10:02:00Z',
      subject: '[PATCH v2 2/2] xen/arm: use bar',
      inReplyTo: 'c1-v2-0@corp-a.com',
      references: ['c1-v1-0@corp-a.com', 'c1-v2-0@corp-a.com'],
      body: diff('tools/libs/x.c'),
    },
    {
      id: 'r-carol-2@home.example',
      from: CAROL_HOME,
      time: '2018-01-21T10:00:00Z',
      subject: 'Re: [PATCH v2 2/2] xen/arm: use bar',
      inReplyTo: 'c1-v2-2@corp-a.com',
      body: 'Acked-by: Carol Cloud <carol@home.example>\n',
    },
    {
      id: 'c1-v3-0@corp-a.com',
      from: ALICE,
      time: '2018-02-01T10:00:00Z',
      subject: '[PATCH v3 0/2] xen/arm: Fix  Foo',
      body: 'v3.\n',
    },
    {
      id: 'c1-v3-1@corp-a.com',
      from: ALICE,
      time: '2018-02-01T10:01:00Z',
      subject: '[PATCH v3 1/2] xen/arm: add bar',
      inReplyTo: 'c1-v3-0@corp-a.com',
      body: diff('xen/arch/arm/bar.c'),
    },
    {
      id: 'c1-v3-2@corp-a.com',
      from: ALICE,
      time: '2018-02-01T10:02:00Z',
      subject: '[PATCH v3 2/2] xen/arm: use bar',
      inReplyTo: 'c1-v3-0@corp-a.com',
      body: diff('tools/libs/x.c'),
    },
    {
      id: 'c2@gmail.com',
      from: DAVE,
      time: '2018-03-01T00:00:00Z',
      subject: '[RFC PATCH] tools: new thing',
      body: diff('tools/new.c'),
    },
    {
      id: 'c2-self@gmail.com',
      from: DAVE,
      time: '2018-03-02T00:00:00Z',
      subject: 'Re: [RFC PATCH] tools: new thing',
      inReplyTo: 'c2@gmail.com',
      body: 'Ping?\n',
    },
  ];
}

/** Messages that cannot be read whole: each counted once. */
export function badMessages(): FixtureMail[] {
  return [
    { id: null, from: EVE, time: '2018-04-01T00:00:00Z', subject: 'No Message-ID here' },
    {
      id: 'bad-date@corp-e.com',
      from: EVE,
      date: 'someday soon',
      time: '2018-04-02T00:00:00Z',
      subject: 'Unreadable date',
    },
    {
      id: 'broken-mime@corp-e.com',
      from: EVE,
      time: '2018-04-03T00:00:00Z',
      subject: 'Broken MIME',
      headers: ['MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="zzz"'],
      body: 'no boundary ever comes\n',
    },
    {
      id: 'charset@corp-e.com',
      from: EVE,
      time: '2018-04-04T00:00:00Z',
      subject: '=?x-no-such-charset?Q?Hi?=',
      headers: ['Content-Type: text/plain; charset=x-no-such-charset'],
      body: 'caf\u00e9\n',
    },
    {
      id: 'huge@corp-e.com',
      from: EVE,
      time: '2018-04-05T00:00:00Z',
      subject: 'A huge body',
      body: `${'x'.repeat(1023)}\n`.repeat(10_600),
    },
  ];
}

/** The spam message the archive adds and then removes. */
export const SPAM: FixtureMail = {
  id: 'spam@spam.example',
  from: 'Spam <spam@spam.example>',
  time: '2018-04-06T00:00:00Z',
  subject: '[PATCH] buy now',
};

/** The `other` list (an mbox): the cross-posted patch and a review only there. */
export function otherMessages(): FixtureMail[] {
  return [
    develMessages()[0]!,
    {
      id: 'r-frank-c3@corp-f.com',
      from: FRANK,
      time: '2017-12-02T00:00:00Z',
      subject: 'Re: [PATCH] docs: fix typo',
      inReplyTo: 'c3@corp-b.com',
      body: 'Acked-by: Frank Free <frank@corp-f.com>\n',
    },
  ];
}

/** A built scenario: the project config and where each archive is. */
export interface Scenario {
  root: string;
  repo: GitFixture;
  /** The `devel` v2 inbox folder (epoch 0, and epoch 1 once {@link addSecondEpoch} ran). */
  inbox: string;
  epoch0: EpochFixture;
  mbox: string;
  config: string;
}

/** Writes the repository, the archives and `project.json` under a fresh temporary folder. */
export function buildScenario(): Scenario {
  const root = makeTempDir('barometer-mail-');
  const repo = createRepository();
  repo.commit({
    message: 'Initial',
    files: { 'docs/README': 'x\n', 'xen/arch/arm/bar.c': 'x\n', 'tools/libs/x.c': 'x\n' },
    author: { name: 'Eve Ever', email: 'eve@corp-e.com' },
    date: { at: '2017-11-01T00:00:00Z' },
  });
  repo.commit({
    message: 'docs: fix typo\n\nReviewed-by: Alice Arm <alice@corp-a.com>',
    files: { 'docs/README': 'y\n' },
    author: { name: 'Bob Builder', email: 'bob@corp-b.com' },
    date: { at: '2017-12-01T00:00:00Z' },
    committerDate: { at: '2017-12-05T00:00:00Z' },
  });
  repo.commit({
    message: 'xen/arm: add  bar',
    files: { 'xen/arch/arm/bar.c': 'y\n' },
    author: { name: 'Alice Arm', email: 'alice@corp-a.com' },
    date: { at: '2018-01-10T10:01:00Z' },
    committerDate: { at: '2018-02-05T00:00:00Z' },
  });
  repo.commit({
    message: 'xen/arm: use bar',
    files: { 'tools/libs/x.c': 'y\n' },
    author: { name: 'Alice Arm', email: 'alice@corp-a.com' },
    date: { at: '2018-01-10T10:02:00Z' },
    committerDate: { at: '2018-02-06T00:00:00Z' },
  });
  repo.commit({
    message: 'tools: new thing',
    files: { 'tools/new.c': 'x\n' },
    author: { name: 'Eve Ever', email: 'eve@corp-e.com' },
    date: { at: '2018-03-05T00:00:00Z' },
  });
  const inbox = join(root, 'devel');
  const epoch0 = inboxEpoch(inbox, 0);
  epoch0.append([
    ...develMessages().map((mail) => ({ mail })),
    ...badMessages().map((mail) => ({ mail })),
    { mail: SPAM },
    { remove: SPAM, archivedAt: '2018-04-07T00:00:00Z' },
  ]);
  const mbox = join(root, 'other.mbox');
  appendMbox(mbox, otherMessages());
  writeFileSync(join(root, 'mailmap'), 'Carol Cloud <carol@corp-b.com> <carol@home.example>\n');
  const config = join(root, 'project.json');
  writeFileSync(
    config,
    JSON.stringify({
      name: 'scenario',
      repositories: [{ source: repo.path, name: 'main-repo' }],
      lists: [
        { source: inbox, name: 'devel' },
        { source: mbox, name: 'other' },
      ],
      affiliations: {
        defaultMap: false,
        mailmaps: ['mailmap'],
        organisations: { 'corp-a.com': 'Corp A', 'corp-b.com': 'Corp B', 'corp-e.com': 'Corp E' },
      },
    }),
  );
  return { root, repo, inbox, epoch0, mbox, config };
}
