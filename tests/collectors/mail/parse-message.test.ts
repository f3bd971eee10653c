import { describe, expect, it } from 'vitest';
import { parseMailDate } from '../../../collectors/mail/mail-date.ts';
import { findDiffFiles, findReviewTags } from '../../../collectors/mail/message-text.ts';
import { MAX_MESSAGE_BYTES, parseMessage } from '../../../collectors/mail/parse-message.ts';
import { parsePatchSubject } from '../../../collectors/mail/patch-subject.ts';
import { mailText } from './mail-fixture.ts';

describe('patch subjects', () => {
  it('reads version, position and subject text from the group holding PATCH', () => {
    expect(parsePatchSubject('[PATCH v3 2/7] xen/arm: fix it')).toEqual({
      version: 3,
      number: 2,
      total: 7,
      text: 'xen/arm: fix it',
    });
    expect(parsePatchSubject('[RFC PATCH] tools: thing')).toEqual({
      version: 1,
      number: 1,
      total: 1,
      text: 'tools: thing',
    });
    expect(parsePatchSubject('[Xen-devel] [PATCH] x86: y')).toMatchObject({
      version: 1,
      text: 'x86: y',
    });
    expect(parsePatchSubject('[PATCH net-next v2 0/5] net: series')).toMatchObject({
      version: 2,
      number: 0,
      total: 5,
      text: 'net: series',
    });
    expect(parsePatchSubject('[patch V4 03/10] lower case')).toMatchObject({
      version: 4,
      number: 3,
      total: 10,
    });
    expect(parsePatchSubject('[PATCHv2 1/3] glued')).toMatchObject({
      version: 2,
      number: 1,
      total: 3,
    });
    expect(parsePatchSubject('[LTP] [PATCH v1 3/3] editorconfig: add')).toMatchObject({
      number: 3,
      text: 'editorconfig: add',
    });
  });

  it('is not a patch after a reply prefix, without a PATCH group, or with text first', () => {
    for (const subject of [
      'Re: [PATCH 1/2] x',
      'RE: re: [PATCH] x',
      'Aw: [PATCH] x',
      'Sv: [PATCH] x',
      'Fwd: [PATCH] x',
      'FW: [PATCH] x',
      '[Xen-devel] Re: [PATCH] x',
      '[RFC] no patch word',
      '[DISPATCHER] not the word',
      'Question about [PATCH] x',
      '',
    ]) {
      expect(parsePatchSubject(subject), subject).toBeNull();
    }
  });
});

describe('mail dates', () => {
  const at = (iso: string) => Date.parse(iso);
  it('reads RFC 5322 dates with zones, comments and obsolete forms', () => {
    expect(parseMailDate('Mon, 15 Jan 2018 10:00:00 +0100')).toBe(at('2018-01-15T09:00:00Z'));
    expect(parseMailDate('15 Jan 2018 10:00 -0530 (EST)')).toBe(at('2018-01-15T15:30:00Z'));
    expect(parseMailDate('Mon, 15 Jan 18 10:00:00 GMT')).toBe(at('2018-01-15T10:00:00Z'));
    expect(parseMailDate('Mon, 15 Jan 2018 10:00:00 EDT')).toBe(at('2018-01-15T14:00:00Z'));
    expect(parseMailDate('Mon, 15 Jan 2018 10:00:00')).toBe(at('2018-01-15T10:00:00Z'));
    expect(parseMailDate('Mon Jan  1 00:00:00 2018')).toBe(at('2018-01-01T00:00:00Z'));
  });
  it('refuses what it cannot read rather than guessing', () => {
    for (const value of [
      'someday soon',
      '31 Feb 2018 10:00:00 +0000',
      '1 Foo 2018 10:00 +0000',
      '1 Jan 2018 25:00 +0000',
      '',
      '2018-01-01',
    ]) {
      expect(parseMailDate(value), value).toBeNull();
    }
  });
});

describe('message text', () => {
  it('finds review tags at the first column only, in any case', () => {
    const text =
      'Hi\n> Reviewed-by: Quoted <q@x.org>\n Reviewed-by: Indented <i@x.org>\nreviewed-by: Low <low@x.org>\nAcked-by: jan@suse.com\r\nTested-by: t@x.org\nReviewed-by : Spaced <s@x.org>\n';
    expect(findReviewTags(text)).toEqual([
      {
        position: 4,
        key: 'reviewed-by',
        value: 'Low <low@x.org>',
        personName: 'Low',
        personEmail: 'low@x.org',
      },
      {
        position: 5,
        key: 'Acked-by',
        value: 'jan@suse.com',
        personName: null,
        personEmail: 'jan@suse.com',
      },
    ]);
  });
  it('reads both paths of diff --git lines, quoted and with spaces', () => {
    const text = [
      'diff --git a/xen/a.c b/xen/a.c',
      '> diff --git a/quoted.c b/quoted.c',
      'diff --git a/old name.c b/new name.c',
      'diff --git a/same name.c b/same name.c',
      'diff --git "a/caf\\303\\251.c" "b/caf\\303\\251.c"',
      'diff --git a/xen/a.c b/xen/a.c',
    ].join('\n');
    expect(findDiffFiles(text)).toEqual([
      'xen/a.c',
      'old name.c',
      'new name.c',
      'same name.c',
      'café.c',
    ]);
  });
});

describe('parseMessage', () => {
  const parse = (raw: string | Buffer, archive = Date.parse('2020-01-01T00:00:00Z')) =>
    parseMessage(Buffer.isBuffer(raw) ? raw : Buffer.from(raw, 'utf8'), archive);

  it('decodes RFC 2047 subjects and names, collapses white space and reads the patch', async () => {
    const message = await parse(
      mailText({
        id: 'a@b',
        from: '=?UTF-8?Q?Ren=C3=A9_Fran=C3=A7ois?= <Rene@Example.ORG>',
        time: '2018-01-01T00:00:00Z',
        subject: '=?ISO-8859-1?Q?[PATCH_v2_1/3]_caf=E9:?=\n   fix   it',
        inReplyTo: 'parent@b',
        references: ['root@b', 'parent@b'],
        body: 'diff --git a/x.c b/x.c\n',
      }),
    );
    expect(message).toMatchObject({
      messageId: 'a@b',
      fromName: 'René François',
      fromEmail: 'Rene@Example.ORG',
      time: Date.parse('2018-01-01T00:00:00Z'),
      timeFromArchive: false,
      subject: '[PATCH v2 1/3] café: fix it',
      inReplyTo: 'parent@b',
      references: ['root@b', 'parent@b'],
      patch: { version: 2, number: 1, total: 3, text: 'café: fix it' },
      files: ['x.c'],
      problems: { unreadableDate: false, brokenMime: false, unknownCharset: false, huge: false },
    });
  });

  it('decodes base64, quoted-printable, flowed and multipart bodies with their charsets', async () => {
    const base64 = await parse(
      `Message-ID: <b@x>\nSubject: s\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n${Buffer.from('Acked-by: J\u00e9r\u00f4me <j@x.org>\n', 'latin1').toString('base64')}\n`,
    );
    expect(base64.tags).toMatchObject([{ personName: 'Jérôme', personEmail: 'j@x.org' }]);
    const qp = await parse(
      'Message-ID: <q@x>\nSubject: s\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nReviewed-by: Ren=C3=A9 <r@x.org>\n',
    );
    expect(qp.tags).toMatchObject([{ personName: 'René' }]);
    const flowed = await parse(
      'Message-ID: <f@x>\nSubject: s\nContent-Type: text/plain; format=flowed\n\nReviewed-by: A Very Long \nName <long@x.org>\n',
    );
    expect(flowed.tags).toMatchObject([{ value: 'A Very Long Name <long@x.org>' }]);
    const multipart = await parse(
      [
        'Message-ID: <m@x>',
        'Subject: [PATCH] attached',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'See the attachment.',
        'Reviewed-by: In Body <body@x.org>',
        '--b1',
        'Content-Type: text/x-patch; name="0001.patch"',
        'Content-Disposition: attachment; filename="0001.patch"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('diff --git a/attached.c b/attached.c\n').toString('base64'),
        '--b1--',
        '',
      ].join('\n'),
    );
    expect(multipart).toMatchObject({
      files: ['attached.c'],
      tags: [{ personEmail: 'body@x.org' }],
    });
    expect(multipart.problems.brokenMime).toBe(false);
  });

  it('takes the author from Reply-To or X-Original-From when the list rewrote From to its own address', async () => {
    const listHeaders = [
      'List-Id: Linux Test Project <ltp.lists.linux.it>',
      'List-Post: <mailto:ltp@lists.linux.it>',
    ];
    const sender = async (from: string, headers: string[]) => {
      const message = await parse(
        mailText({ id: 'm@x', from, time: '2024-05-01T00:00:00Z', subject: 'Re: x', headers }),
      );
      return { name: message.fromName, email: message.fromEmail };
    };
    // Mailman's DMARC mitigation: From is the list, Reply-To the author.
    expect(
      await sender('Li Wang via ltp <ltp@lists.linux.it>', [
        ...listHeaders,
        'Reply-To: Li Wang <liwang@redhat.com>',
      ]),
    ).toEqual({ name: 'Li Wang', email: 'liwang@redhat.com' });
    // The list address in any case; an encoded name; a bare Reply-To keeps From's name minus " via …".
    expect(
      await sender('=?utf-8?q?Ricardo_B=2E_Marli=C3=A8re_via_ltp?= <LTP@Lists.Linux.IT>', [
        ...listHeaders,
        'Reply-To: rbm@suse.com',
      ]),
    ).toEqual({ name: 'Ricardo B. Marlière', email: 'rbm@suse.com' });
    // X-Original-From comes before Reply-To; a Reply-To naming the list itself is passed over.
    expect(
      await sender('Cryolitia PukNgae via B4 Relay via ltp <ltp@lists.linux.it>', [
        ...listHeaders,
        'Reply-To: ltp@lists.linux.it, cryolitia@uniontech.com',
        'X-Original-From: Cryolitia PukNgae <cryolitia@uniontech.com>',
      ]),
    ).toEqual({ name: 'Cryolitia PukNgae', email: 'cryolitia@uniontech.com' });
    expect(
      await sender('Wei Gao via ltp <ltp@lists.linux.it>', [
        ...listHeaders,
        'Reply-To: ltp@lists.linux.it, Wei Gao <wegao@suse.com>',
      ]),
    ).toEqual({ name: 'Wei Gao', email: 'wegao@suse.com' });
    // From is the list but nothing names the author: From stays.
    expect(
      await sender('Someone via ltp <ltp@lists.linux.it>', [
        ...listHeaders,
        'Reply-To: <ltp@lists.linux.it>',
      ]),
    ).toEqual({ name: 'Someone via ltp', email: 'ltp@lists.linux.it' });
    // A person's own Reply-To does not replace their From; nor does a list address that is not
    // this message's posting address.
    expect(
      await sender('Petr Vorel <pvorel@suse.cz>', [
        ...listHeaders,
        'Reply-To: Petr <petr@home.example>',
      ]),
    ).toEqual({ name: 'Petr Vorel', email: 'pvorel@suse.cz' });
    expect(
      await sender('Other via other <other@lists.example>', [
        ...listHeaders,
        'Reply-To: Ann <ann@corp.example>',
      ]),
    ).toEqual({ name: 'Other via other', email: 'other@lists.example' });
    // Without List-Post nothing says From is a list.
    expect(
      await sender('Li Wang via ltp <ltp@lists.linux.it>', [
        'Reply-To: Li Wang <liwang@redhat.com>',
      ]),
    ).toEqual({ name: 'Li Wang via ltp', email: 'ltp@lists.linux.it' });
  });

  it('flags what it cannot read and keeps the rest', async () => {
    const archive = Date.parse('2019-05-05T05:05:05Z');
    const noId = await parse('Subject: none\n\nbody\n', archive);
    expect(noId).toMatchObject({
      messageId: null,
      time: archive,
      timeFromArchive: true,
      subject: 'none',
    });
    expect(noId.problems.unreadableDate).toBe(true);
    const broken = await parse(
      'Message-ID: <x@y>\nDate: Mon, 1 Jan 2018 00:00:00 +0000\nContent-Type: multipart/mixed; boundary=zzz\n\nno parts\n',
    );
    expect(broken.problems).toEqual({
      unreadableDate: false,
      brokenMime: true,
      unknownCharset: false,
      huge: false,
    });
    const charset = await parse(
      'Message-ID: <c@y>\nSubject: =?x-nope?Q?Hi?=\nContent-Type: text/plain; charset=x-nope\n\ncaf\xe9\n',
    );
    expect(charset.problems.unknownCharset).toBe(true);
    const huge = await parse(
      `Message-ID: <h@y>\nSubject: [PATCH] big\n\n${'diff --git a/x b/x\n'.repeat(Math.ceil(MAX_MESSAGE_BYTES / 19) + 1)}`,
    );
    expect(huge).toMatchObject({ messageId: 'h@y', files: [], problems: { huge: true } });
    const nothing = await parse('');
    expect(nothing).toMatchObject({ messageId: null, subject: '' });
  });
});
