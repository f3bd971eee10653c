/**
 * Reads an mbox file: messages separated by `From ` lines (at the start of the file or after a
 * blank line), `>From ` lines unescaped as mboxrd writes them. Read in chunks from where the last
 * run stopped (a byte offset kept at a message's start), so memory holds about one chunk and one
 * message whatever the file's size.
 */
import type * as NodeFs from 'node:fs';
import { BarometerError } from '../../src/lib/errors.ts';
import type { ArchiveEntry, ArchiveRead } from './archive-entry.ts';
import { parseMailDate } from './mail-date.ts';

const CHUNK = 4 * 1024 * 1024;
const SEPARATOR = Buffer.from('\nFrom ');

/** The time of a `From sender Day Mon DD HH:MM:SS YYYY` line, or null. */
function separatorTime(line: string): number | null {
  const rest = line.replace(/^From \S*\s*/, '');
  return parseMailDate(rest);
}

/** Undoes mboxrd's `>From ` escaping (one `>` removed from lines matching `>+From `). */
function unescape(raw: Buffer): Buffer {
  if (raw.indexOf('>From ') < 0) return raw;
  const text = raw.toString('latin1').replace(/^>(>*From )/gm, '$1');
  return Buffer.from(text, 'latin1');
}

/** Where the next separator starts in `buffer` at or after `from` (a `From ` line after a blank one). */
function nextSeparator(buffer: Buffer, from: number): number {
  let at = buffer.indexOf(SEPARATOR, from);
  while (at >= 0) {
    const blank =
      (at > 0 && buffer[at - 1] === 0x0a) ||
      (at > 1 && buffer[at - 1] === 0x0d && buffer[at - 2] === 0x0a);
    if (blank) return at + 1;
    at = buffer.indexOf(SEPARATOR, at + 1);
  }
  return -1;
}

/** Counts the messages from `start` on (a quick scan for the progress bar's total). */
function countMessages(fs: typeof NodeFs, file: string, start: number, size: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    let count = size > start ? 1 : 0;
    const buffer = Buffer.allocUnsafe(CHUNK + 1);
    let last = 0x0a;
    for (let pos = start; pos < size; pos += CHUNK) {
      buffer[0] = last;
      const got = fs.readSync(fd, buffer, 1, CHUNK, pos);
      let at = buffer.indexOf('\n\nFrom ', 0);
      while (at >= 0 && at < got + 1) {
        if (pos + at - 1 >= start) count++;
        at = buffer.indexOf('\n\nFrom ', at + 1);
      }
      last = buffer[got]!;
    }
    return count;
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads `file` from byte `since` (from the start when null, or when `since` is not a message start). */
export function readMbox(fs: typeof NodeFs, file: string, since: number | null): ArchiveRead {
  let size: number;
  let start = since ?? 0;
  let restarted = false;
  const fd = fs.openSync(file, 'r');
  try {
    size = fs.fstatSync(fd).size;
    const probe = Buffer.alloc(5);
    fs.readSync(fd, probe, 0, 5, start);
    if (start > size || (start < size && probe.toString('latin1') !== 'From ')) {
      restarted = start !== 0;
      start = 0;
    }
    if (start === 0 && size > 0) {
      fs.readSync(fd, probe, 0, 5, 0);
      if (probe.toString('latin1') !== 'From ') {
        throw new BarometerError(
          'bad-input',
          `${file}: not an mbox file (it does not start with "From ")`,
          {
            file,
          },
        );
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  const total = countMessages(fs, file, start, size);

  async function* entries(): AsyncGenerator<ArchiveEntry> {
    const handle = fs.openSync(file, 'r');
    try {
      let buffer = Buffer.alloc(0);
      let base = start; // file offset of buffer[0], always a message's `From ` line
      let pos = start;
      let lastTime = 0;
      for (;;) {
        let next = nextSeparator(buffer, 1);
        while (next < 0 && pos < size) {
          const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - pos));
          const got = fs.readSync(handle, chunk, 0, chunk.length, pos);
          pos += got;
          buffer = buffer.length
            ? Buffer.concat([buffer, chunk.subarray(0, got)])
            : chunk.subarray(0, got);
          next = nextSeparator(buffer, Math.max(1, buffer.length - got - SEPARATOR.length));
        }
        if (buffer.length === 0) return;
        const end = next < 0 ? buffer.length : next;
        const message = buffer.subarray(0, end);
        const nl = message.indexOf(0x0a);
        const line = message.toString('latin1', 0, nl < 0 ? message.length : nl).replace(/\r$/, '');
        lastTime = separatorTime(line) ?? lastTime;
        let body = message.subarray(nl < 0 ? message.length : nl + 1);
        // The blank line before the next separator belongs to the mbox, not the message.
        if (next >= 0)
          body = body.subarray(0, body.length - (body[body.length - 2] === 0x0d ? 2 : 1));
        yield {
          kind: 'message',
          raw: unescape(Buffer.from(body)),
          archiveTime: lastTime,
          blobId: null,
          resumeAt: base + end,
        };
        buffer = buffer.subarray(end);
        base += end;
        if (next < 0) return;
      }
    } finally {
      fs.closeSync(handle);
    }
  }
  return { engine: 'mbox', total, restarted, entries: entries() };
}
