/**
 * One raw message (RFC 5322 bytes from an archive) → the fields Barometer stores. MIME structure,
 * RFC 2047 encoded words, addresses and charsets are read with postal-mime. Its full parse costs
 * about 0.8 ms per message (it gathers every body line into a Blob), so a message that is one
 * plain-text part — most patches and replies — takes the short way: its header fields are unfolded
 * and decoded with postal-mime's own decoders, and its body is decoded with the platform's
 * TextDecoder in its declared charset. Everything else (multipart, quoted-printable)
 * goes through postal-mime whole; flowed text (RFC 3676) is unwrapped as postal-mime does. Nothing here throws on bad input: problems are flagged.
 */
import PostalMime, { addressParser, decodeWords, type Email } from 'postal-mime';
import { parseMailDate } from './mail-date.ts';
import { findDiffFiles, findReviewTags, type MessageTag } from './message-text.ts';
import { collapseSpace, parsePatchSubject, type PatchSubject } from './patch-subject.ts';

/** Messages larger than this keep their headers only (and count as huge). 10 MiB. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** What could not be read in a message (each counted by the run). */
export interface MessageProblems {
  /** The Date header is missing or unreadable: the archive's time is used. */
  unreadableDate: boolean;
  /** The MIME structure could not be followed (a missing boundary, a parser failure). */
  brokenMime: boolean;
  /** A charset no decoder knows (decoded as windows-1252). */
  unknownCharset: boolean;
  /** Over {@link MAX_MESSAGE_BYTES}: headers only. */
  huge: boolean;
}

/** A parsed message. */
export interface ParsedMessage {
  /** The Message-ID without `<>`, or null when the message has none. */
  messageId: string | null;
  /** The sender's name (see `fromEmail`), or null. */
  fromName: string | null;
  /**
   * The sender's address as written: From's, or the author's when From is the list's own address
   * (DMARC rewriting, see `messageSender`); null when From names no address.
   */
  fromEmail: string | null;
  /** Milliseconds since the epoch (UTC). */
  time: number;
  /** True when `time` is the archive's (the Date header was missing or unreadable). */
  timeFromArchive: boolean;
  /** Decoded, runs of white space collapsed; '' when there is none. */
  subject: string;
  inReplyTo: string | null;
  references: string[];
  patch: PatchSubject | null;
  /** Files of its `diff --git` lines (patches only). */
  files: string[];
  tags: MessageTag[];
  bytes: number;
  problems: MessageProblems;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const decoders = new Map<string, TextDecoder | null>();

/** A decoder for a charset label, null when no decoder knows it (as postal-mime resolves it). */
function decoderFor(label: string): TextDecoder | null {
  const key = label.trim().toLowerCase();
  let decoder = decoders.get(key);
  if (decoder !== undefined) return decoder;
  decoder = null;
  const normalized = key.replace(/^(?:x-ms-|x-|cs)/, '').replace(/[\s._-]+/g, '');
  const codePage = /^(?:cp|ibm|ms|windows)?(\d{3,4})$/.exec(normalized);
  for (const candidate of [key, normalized, codePage ? `windows-${codePage[1]}` : '']) {
    if (!candidate) continue;
    try {
      decoder = new TextDecoder(candidate);
      break;
    } catch {
      // Not a label this runtime knows; try the next spelling.
    }
  }
  decoders.set(key, decoder);
  return decoder;
}

const fallback = new TextDecoder('windows-1252');

/** Header bytes as text: UTF-8 when valid, else Latin-1 (raw 8-bit headers of old mail). */
function headerText(latin1: string): string {
  // A copy, never a slice: a slice would keep the whole header block alive as long as the value
  // (the stored Message-IDs live for the whole run). Plain ASCII needs no decoding.
  if (!/[\x80-\xff]/.test(latin1)) return Buffer.from(latin1, 'latin1').toString('latin1');
  try {
    return utf8.decode(Buffer.from(latin1, 'latin1'));
  } catch {
    return latin1;
  }
}

/** The wanted header fields of a header block, first occurrence of each, unfolded. */
const FIELD =
  /^(message-id|from|reply-to|x-original-from|list-post|date|subject|in-reply-to|references|content-type|content-transfer-encoding)[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)/gim;

/** The wanted header fields, unfolded, first occurrence of each (the block read as Latin-1). */
function readHeaders(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of block.matchAll(FIELD)) {
    const name = match[1]!.toLowerCase();
    if (fields.has(name)) continue;
    fields.set(
      name,
      headerText(
        match[2]!
          .replace(/\r?\n[ \t]+/g, ' ')
          .replace(/\r$/, '')
          .trim(),
      ),
    );
  }
  return fields;
}

/** The addresses of an address header (`From`, `Reply-To`), with their names, in order. */
function addresses(value: string | undefined): Array<{ name: string | null; email: string }> {
  if (!value) return [];
  return addressParser(value, { flatten: true }).flatMap((a) => {
    const email = a.address?.trim();
    return email ? [{ name: collapseSpace(a.name ?? '') || null, email }] : [];
  });
}

/**
 * Who sent a message (Barometer's rule beside DESIGN.md's): its From address, except when From is
 * the list's own posting address (an address of its `List-Post: <mailto:…>` header). A list that
 * rewrites From for DMARC (`Name via list <list@host>`) keeps the author's address in
 * `X-Original-From` or `Reply-To`: the first address there (in that order) that is not the list's
 * is the sender, with its name, else From's name without its last ` via …`. When neither header
 * names one, From stays (the list's address). `fromName`/`fromEmail` null when From has none.
 */
function messageSender(fields: Map<string, string>): {
  name: string | null;
  email: string | null;
} {
  const fromValue = fields.get('from');
  const [first] = fromValue ? addressParser(fromValue, { flatten: true }) : [];
  if (!first) return { name: null, email: null };
  const from = {
    name: collapseSpace(first.name ?? '') || null,
    email: first.address?.trim() || null,
  };
  if (!from.email) return from;
  const lists = [...(fields.get('list-post') ?? '').matchAll(/<mailto:([^>?\s]+)/gi)].map((m) =>
    m[1]!.toLowerCase(),
  );
  if (!lists.includes(from.email.toLowerCase())) return from;
  const author = [
    ...addresses(fields.get('x-original-from')),
    ...addresses(fields.get('reply-to')),
  ].find((a) => !lists.includes(a.email.toLowerCase()));
  if (!author) return from;
  const via = from.name?.lastIndexOf(' via ') ?? -1;
  return {
    name: author.name ?? (via > 0 ? from.name!.slice(0, via) : from.name),
    email: author.email,
  };
}

/** The Message-IDs (without `<>`) in a header value, in order. */
function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
  if (ids.length > 0) return ids;
  // Some mailers leave the brackets out.
  const bare = value.trim().split(/\s+/)[0];
  return bare && bare.includes('@') ? [bare.replace(/^<|>$/g, '')] : [];
}

/** A parameter of a structured header value (`charset`, `boundary`, `format`). */
function parameter(value: string | undefined, name: string): string | null {
  if (!value) return null;
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Charsets named by encoded words (`=?charset?Q?…?=`) in a header value. */
function wordCharsets(value: string | undefined): string[] {
  if (!value || !value.includes('=?')) return [];
  return [...value.matchAll(/=\?([^?*]+)[*?]/g)].map((m) => m[1]!);
}

/** The body's text in one decoding, and whether its charset was unknown. */
function decodeBody(bytes: Uint8Array, charset: string | null): { text: string; unknown: boolean } {
  if (!charset) return { text: Buffer.from(bytes).toString('utf8'), unknown: false };
  const decoder = decoderFor(charset);
  return { text: (decoder ?? fallback).decode(bytes), unknown: decoder === null };
}

/**
 * Text of a `format=flowed` body as RFC 3676 reads it (as postal-mime does): a leading space is
 * stuffing, and a line ending in a space (not the `-- ` signature line) goes on in the next one.
 */
function unflow(text: string, delSp: boolean): string {
  const out: string[] = [];
  let current: string | null = null;
  for (let line of text.split(/\r?\n/)) {
    if (line.startsWith(' ')) line = line.slice(1);
    if (current !== null && current.endsWith(' ') && current !== '-- ') {
      current = (delSp ? current.slice(0, -1) : current) + line;
    } else {
      if (current !== null) out.push(current);
      current = line;
    }
  }
  if (current !== null) out.push(current);
  return out.join('\n');
}

/** Text of attachments that carry a patch (`text/x-patch`, `*.diff`, …), for their files. */
function patchAttachments(email: Email): string[] {
  const texts: string[] = [];
  for (const attachment of email.attachments) {
    const name = attachment.filename ?? '';
    if (!/^text\//.test(attachment.mimeType) && !/\.(patch|diff)$/i.test(name)) continue;
    const content = attachment.content;
    if (typeof content === 'string') texts.push(content);
    else texts.push(Buffer.from(content as ArrayBuffer).toString('utf8'));
  }
  return texts;
}

/**
 * Parses one raw message. `archiveTime` (milliseconds) stands in for a missing or unreadable Date:
 * the epoch commit's committer date, or the mbox `From ` line's date.
 */
export async function parseMessage(raw: Buffer, archiveTime: number): Promise<ParsedMessage> {
  const problems: MessageProblems = {
    unreadableDate: false,
    brokenMime: false,
    unknownCharset: false,
    huge: raw.length > MAX_MESSAGE_BYTES,
  };
  let split = raw.indexOf('\n\n');
  let bodyStart = split + 2;
  const crlf = raw.indexOf('\r\n\r\n');
  if (crlf >= 0 && (split < 0 || crlf < split)) {
    split = crlf;
    bodyStart = crlf + 4;
  }
  if (split < 0) {
    split = raw.length;
    bodyStart = raw.length;
  }
  const fields = readHeaders(raw.toString('latin1', 0, split));

  const subjectValue = fields.get('subject');
  const fromValue = fields.get('from');
  const subject = collapseSpace(subjectValue ? decodeWords(subjectValue) : '');
  const { name: fromName, email: fromEmail } = messageSender(fields);
  const date = parseMailDate(fields.get('date'));
  problems.unreadableDate = date === null;
  const contentType = fields.get('content-type');
  for (const label of [
    ...wordCharsets(subjectValue),
    ...wordCharsets(fromValue),
    ...(parameter(contentType, 'charset') ? [parameter(contentType, 'charset')!] : []),
  ]) {
    if (decoderFor(label) === null) problems.unknownCharset = true;
  }

  const patch = parsePatchSubject(subject);
  let text = '';
  const attachments: string[] = [];
  if (!problems.huge) {
    const type = (contentType ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
    const encoding = (fields.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
    const simple =
      (type === 'text/plain' || type === '') &&
      ['7bit', '8bit', 'binary', 'base64'].includes(encoding);
    if (simple) {
      let body: Uint8Array = raw.subarray(bodyStart);
      if (encoding === 'base64') body = Buffer.from(raw.toString('latin1', bodyStart), 'base64');
      const decoded = decodeBody(body, parameter(contentType, 'charset'));
      text = /^flowed$/i.test(parameter(contentType, 'format') ?? '')
        ? unflow(decoded.text, /^yes$/i.test(parameter(contentType, 'delsp') ?? ''))
        : decoded.text;
      if (decoded.unknown) problems.unknownCharset = true;
    } else {
      if (type.startsWith('multipart/')) {
        const boundary = parameter(contentType, 'boundary');
        if (!boundary || raw.indexOf(`--${boundary}`, bodyStart) < 0) problems.brokenMime = true;
        const body = raw.toString('latin1', bodyStart);
        for (const m of body.matchAll(/^content-type:[^\n]*?charset\s*=\s*"?([^";\s]+)/gim)) {
          if (decoderFor(m[1]!) === null) problems.unknownCharset = true;
        }
      }
      try {
        const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
        text = email.text ?? '';
        if (patch) attachments.push(...patchAttachments(email));
      } catch {
        problems.brokenMime = true;
      }
    }
  }
  return {
    messageId: messageIds(fields.get('message-id'))[0] ?? null,
    fromName,
    fromEmail,
    time: date ?? archiveTime,
    timeFromArchive: date === null,
    subject,
    inReplyTo: messageIds(fields.get('in-reply-to'))[0] ?? null,
    references: messageIds(fields.get('references')),
    patch,
    files: patch ? findDiffFiles([text, ...attachments].join('\n')) : [],
    tags: text ? findReviewTags(text) : [],
    bytes: raw.length,
    problems,
  };
}
