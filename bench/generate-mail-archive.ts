/**
 * A deterministic synthetic public-inbox epoch for the mail bench: series (with cover letters past
 * one patch, up to three versions) by a few hundred senders, replies by others with quotes and
 * review tags, general discussion, and the mix of encodings a real list has (mostly plain 7bit
 * text, some base64, some flowed, a few multipart with an attached patch). Messages carry about a
 * kilobyte of delivery headers, as archived mail does; the default 23,000 messages make about
 * 240 MB. Written with `git fast-import`, cached under the OS temp folder by its parameters.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { random } from './generate-history.ts';

/** What to generate. Same parameters, same epoch, byte for byte. */
export interface MailArchiveParameters {
  /** Messages in the epoch. */
  messages: number;
  /** Seed of the pseudo-random choices. Default 1. */
  seed?: number;
}

/** A generated epoch. */
export interface GeneratedArchive {
  /** The bare repository (one epoch). */
  gitdir: string;
  messages: number;
  /** Bytes of all messages. */
  bytes: number;
}

const WORDS =
  'fix add use drop rework handle check move split clean guard parse map free alloc lock'.split(
    ' ',
  );
const AREAS = [
  'xen/arch/arm',
  'xen/arch/x86',
  'xen/common',
  'tools/libs',
  'tools/xl',
  'docs',
  'xen/drivers/passthrough',
];

/** Writes the epoch (or reuses the cached one) and returns where it is. */
export async function generateMailArchive(
  parameters: MailArchiveParameters,
): Promise<GeneratedArchive> {
  const seed = parameters.seed ?? 1;
  const total = parameters.messages;
  const dir = join(tmpdir(), 'barometer-bench', `mail-${total}-${seed}`);
  const gitdir = join(dir, 'epoch.git');
  const done = join(dir, 'bytes');
  if (existsSync(done)) {
    const { readFileSync } = await import('node:fs');
    return { gitdir, messages: total, bytes: Number(readFileSync(done, 'utf8')) };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const partial = `${gitdir}.partial`;
  const init = spawn('git', ['init', '-q', '--bare', '-b', 'master', partial], { stdio: 'ignore' });
  await once(init, 'close');
  const child = spawn(
    'git',
    ['--git-dir', partial, 'fast-import', '--quiet', '--date-format=raw'],
    {
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const senders = Array.from({ length: 400 }, (_, i) => `Dev ${i} <dev${i}@corp${i % 40}.example>`);
  let time = Date.UTC(2016, 0, 1) / 1000;
  let written = 0;
  let bytes = 0;
  let mark = 0;
  const headers = (from: string, subject: string, id: string, parent: string | null) => {
    const received = Array.from(
      { length: 14 },
      (_, i) =>
        `Received: from relay${i}.example (relay${i}.example [192.0.2.${i}])\n\tby mx.lists.example with esmtps id ${id.slice(0, 12)}${i}\n\tfor <devel@lists.example>; ${new Date(time * 1000).toUTCString()}`,
    ).join('\n');
    return (
      `${received}\nFrom: ${from}\nTo: devel@lists.example\nSubject: ${subject}\n` +
      `Date: ${new Date(time * 1000).toUTCString().replace('GMT', '+0000')}\nMessage-ID: <${id}>\n` +
      (parent ? `In-Reply-To: <${parent}>\nReferences: <${parent}>\n` : '') +
      `X-Mailing-List: devel@lists.example\nList-Id: <devel.lists.example>\nMIME-Version: 1.0\n` +
      `DKIM-Signature: v=1; a=rsa-sha256; d=example; s=s1; h=from:to:subject:date;\n\tb=${Buffer.from(id.repeat(12)).toString('base64').replace(/.{70}/g, '$&\n\t')}\n`
    );
  };
  const code = (lines: number) =>
    Array.from(
      { length: lines },
      () =>
        `+\t${pick(WORDS)}_${pick(WORDS)}(${Math.floor(next() * 1e6)}, ctx->${pick(WORDS)}); /* ${pick(WORDS)} */`,
    ).join('\n');
  const write = async (raw: string) => {
    const data = Buffer.from(raw, 'utf8');
    const blob = ++mark;
    const commit = ++mark;
    const chunk = Buffer.concat([
      Buffer.from(`blob\nmark :${blob}\ndata ${data.length}\n`),
      data,
      Buffer.from(
        `\ncommit refs/heads/master\nmark :${commit}\nauthor A <a@example> ${time} +0000\ncommitter Archive <archive@example> ${time + 5} +0000\ndata 2\nm\ndeleteall\nM 100644 :${blob} m\n\n`,
      ),
    ]);
    if (!child.stdin.write(chunk)) await once(child.stdin, 'drain');
    written++;
    bytes += data.length;
    time += 60 + Math.floor(next() * 600);
  };
  let change = 0;
  while (written < total) {
    change++;
    const author = pick(senders);
    const area = pick(AREAS);
    const title = `${area.split('/').pop()}: ${pick(WORDS)} ${pick(WORDS)} in ${pick(WORDS)}`;
    const versions = 1 + Math.floor(next() * next() * 3);
    const patches = next() < 0.6 ? 1 : 2 + Math.floor(next() * 5);
    for (let v = 1; v <= versions && written < total; v++) {
      const tag = v > 1 ? ` v${v}` : '';
      const cover = patches > 1 ? `c${change}.v${v}.0@bench.example` : null;
      if (cover) {
        await write(
          `${headers(author, `[PATCH${tag} 0/${patches}] ${title}`, cover, null)}Content-Type: text/plain; charset=utf-8\n\nThis series does things.\n`,
        );
      }
      for (let n = 1; n <= patches && written < total; n++) {
        const id = `c${change}.v${v}.${n}@bench.example`;
        const file = `${area}/${pick(WORDS)}_${n}.c`;
        const position = patches > 1 ? ` ${n}/${patches}` : '';
        const body = `${pick(WORDS)} the ${pick(WORDS)} so that it works.\n\nSigned-off-by: ${author}\n---\n ${file} | 40 ++++\n\ndiff --git a/${file} b/${file}\nindex 0000000..1111111 100644\n--- a/${file}\n+++ b/${file}\n@@ -1,3 +1,200 @@\n${code(130 + Math.floor(next() * 230))}\n-- \n2.30.0\n`;
        const subject = `[PATCH${tag}${position}] ${n === 1 && !cover ? title : `${area.split('/').pop()}: ${pick(WORDS)} ${pick(WORDS)} ${n}`}`;
        const kind = next();
        if (kind < 0.05) {
          const boundary = `b${id}`;
          await write(
            `${headers(author, subject, id, cover)}Content-Type: multipart/mixed; boundary="${boundary}"\n\n--${boundary}\nContent-Type: text/plain; charset=utf-8\n\nPatch attached.\n--${boundary}\nContent-Type: text/x-patch; name="p.patch"\nContent-Disposition: attachment; filename="p.patch"\n\n${body}\n--${boundary}--\n`,
          );
        } else if (kind < 0.15) {
          await write(
            `${headers(author, subject, id, cover)}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\n')}\n`,
          );
        } else {
          await write(
            `${headers(author, subject, id, cover)}Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n${body}`,
          );
        }
        const replies = Math.floor(next() * 3);
        for (let r = 0; r < replies && written < total; r++) {
          const reviewer = pick(senders);
          const flowed = next() < 0.1;
          const tagLine = next() < 0.4 ? `\nReviewed-by: ${reviewer}\n` : '';
          await write(
            `${headers(reviewer, `Re: ${subject}`, `${id}.r${r}@bench.example`, id)}Content-Type: text/plain; charset=utf-8${flowed ? '; format=flowed' : ''}\n\n> ${body.split('\n').slice(0, 90).join('\n> ')}\n\nThis ${pick(WORDS)} looks ${pick(WORDS)} to me. \nPlease ${pick(WORDS)} it.\n${tagLine}`,
          );
        }
      }
    }
    if (next() < 0.2 && written < total) {
      await write(
        `${headers(pick(senders), `Question about ${pick(WORDS)}`, `q${change}@bench.example`, null)}Content-Type: text/plain\n\nHow do I ${pick(WORDS)} the ${pick(WORDS)}?\n`,
      );
    }
  }
  child.stdin.end();
  const [status] = (await once(child, 'close')) as [number];
  if (status !== 0) throw new Error(`git fast-import failed (${status})`);
  // fast-import packs each blob as a delta of the one before when that is smaller: no repack.
  renameSync(partial, gitdir);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(done, String(bytes));
  return { gitdir, messages: written, bytes };
}
