/**
 * Mail archives for tests, made the way the real ones are: public-inbox epochs written with
 * `git fast-import` (one commit per message holding it as the blob `m`, a removal commit holding
 * the removed message as `d`, the committer date being the archive's time) and mbox files (mboxrd
 * `>From ` escaping). Messages are built from a few fields or given raw.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { devNull } from 'node:os';
import { join } from 'node:path';

/** One message to write. */
export interface FixtureMail {
  /** The Message-ID without `<>`; null leaves the header out. */
  id: string | null;
  /** `Name <address>`; null leaves the header out. */
  from?: string | null;
  /** An RFC 5322 date, or null to leave it out. Default: none given means `time` in RFC form. */
  date?: string | null;
  /** UTC ISO instant of the message (its Date header unless `date` says otherwise). */
  time: string;
  subject: string;
  inReplyTo?: string;
  references?: string[];
  /** Extra header lines, as written. */
  headers?: string[];
  body?: string;
}

/** An RFC 5322 date of a UTC instant: `Mon, 15 Jan 2018 10:00:00 +0000`. */
export function rfcDate(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', '+0000');
}

/** The raw text of a fixture message (LF line ends). */
export function mailText(mail: FixtureMail): string {
  const lines: string[] = [];
  if (mail.from !== null) lines.push(`From: ${mail.from ?? 'Alice Arm <alice@corp-a.com>'}`);
  lines.push('To: devel@lists.example.org');
  if (mail.date !== null) lines.push(`Date: ${mail.date ?? rfcDate(mail.time)}`);
  lines.push(`Subject: ${mail.subject}`);
  if (mail.id !== null) lines.push(`Message-ID: <${mail.id}>`);
  if (mail.inReplyTo) lines.push(`In-Reply-To: <${mail.inReplyTo}>`);
  if (mail.references?.length) {
    lines.push(`References: ${mail.references.map((r) => `<${r}>`).join('\n ')}`);
  }
  lines.push(...(mail.headers ?? []));
  return `${lines.join('\n')}\n\n${mail.body ?? 'Hello.\n'}`;
}

const ENV = {
  PATH: process.env.PATH,
  HOME: devNull,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: devNull,
  LC_ALL: 'C',
  TZ: 'UTC',
};

/** One entry of an epoch: a message (with its archive time) or the removal of one. */
export type EpochEntry =
  | { mail: FixtureMail | Buffer; archivedAt?: string }
  | { remove: FixtureMail | Buffer; archivedAt: string };

/** A public-inbox epoch (bare git repository, branch `master`) being written. */
export class EpochFixture {
  private commits = 0;
  constructor(readonly gitdir: string) {
    mkdirSync(gitdir, { recursive: true });
    execFileSync('git', ['init', '-q', '--bare', '-b', 'master', gitdir], { env: ENV });
  }

  /** Appends entries as commits, in order, with one `git fast-import`. */
  append(entries: readonly EpochEntry[]): void {
    const parts: Buffer[] = [];
    let mark = 1;
    entries.forEach((entry, i) => {
      const removal = 'remove' in entry;
      const item = removal ? entry.remove : entry.mail;
      const raw = Buffer.isBuffer(item) ? item : Buffer.from(mailText(item), 'utf8');
      const at = entry.archivedAt ?? (Buffer.isBuffer(item) ? '2018-01-01T00:00:00Z' : item.time);
      const seconds = Math.floor(new Date(at).getTime() / 1000);
      const blob = mark++;
      const commit = mark++;
      const message = removal ? 'rm\n' : 'message\n';
      parts.push(Buffer.from(`blob\nmark :${blob}\ndata ${raw.length}\n`), raw, Buffer.from('\n'));
      parts.push(
        Buffer.from(
          `commit refs/heads/master\nmark :${commit}\n` +
            `author A <a@example.org> ${seconds} +0000\ncommitter Archive <archive@example.org> ${seconds} +0000\n` +
            `data ${message.length}\n${message}` +
            (i === 0 && this.commits > 0 ? 'from refs/heads/master^0\n' : '') +
            `deleteall\nM 100644 :${blob} ${removal ? 'd' : 'm'}\n\n`,
        ),
      );
    });
    execFileSync('git', ['--git-dir', this.gitdir, 'fast-import', '--quiet', '--date-format=raw'], {
      env: ENV,
      input: Buffer.concat(parts),
    });
    this.commits += entries.length;
  }

  /** The epoch's commits, oldest first. */
  log(): string[] {
    return execFileSync('git', ['--git-dir', this.gitdir, 'rev-list', '--reverse', 'master'], {
      env: ENV,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
  }
}

/** A v2 inbox folder: `<dir>/git/0.git`, `<dir>/git/1.git`, … */
export function inboxEpoch(dir: string, epoch: number): EpochFixture {
  return new EpochFixture(join(dir, 'git', `${epoch}.git`));
}

/** Appends messages to an mbox file (mboxrd): a `From ` line each, `>From ` escaped. */
export function appendMbox(
  file: string,
  mails: ReadonlyArray<FixtureMail | Buffer>,
  separatorDate = 'Mon Jan  1 00:00:00 2018',
): void {
  const parts = mails.map((mail) => {
    // Latin-1 keeps every byte as it is while the escaping works on text.
    const raw = (Buffer.isBuffer(mail) ? mail : Buffer.from(mailText(mail), 'utf8')).toString(
      'latin1',
    );
    const escaped = raw.replace(/^(>*From )/gm, '>$1');
    const ending = escaped.endsWith('\n') ? '' : '\n';
    return Buffer.from(`From sender@example.org ${separatorDate}\n${escaped}${ending}\n`, 'latin1');
  });
  appendFileSync(file, Buffer.concat(parts));
}
