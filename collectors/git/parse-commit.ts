/**
 * Raw git commit and tree objects → their parts, honouring a commit's `encoding` header.
 */
import type { MinedPerson } from './commit-source.ts';
import { readPersonLine } from './read-person.ts';

/** A commit object's parts, decoded to text. */
export interface ParsedCommit {
  tree: string;
  parents: string[];
  author: MinedPerson;
  committer: MinedPerson;
  /** The message, decoded (UTF-8 unless the `encoding` header says otherwise). */
  message: string;
}

// A byte-order mark is part of the text, as git prints it: TextDecoder would drop a leading one.
const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes text written in `encoding` (a commit's `encoding` header; default UTF-8). Bytes that are
 * not valid in it are read as Latin-1, the encoding of most old commits that lack the header, so
 * a name never turns into replacement characters.
 */
export function decodeText(bytes: Uint8Array, encoding?: string): string {
  // TextDecoder reads ISO-8859-1 as windows-1252; git's iconv does not, so keep the bytes exact.
  if (encoding && /^(iso[-_]?8859-1|latin-?1|l1)$/i.test(encoding)) {
    return Buffer.from(bytes).toString('latin1');
  }
  if (encoding && !/^utf-?8$/i.test(encoding)) {
    try {
      return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
    } catch {
      // An encoding TextDecoder does not know: fall through to UTF-8, then Latin-1.
    }
  }
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return Buffer.from(bytes).toString('latin1');
  }
}

/** A commit object that cannot be stored: it names no readable author or committer time. */
export interface UnreadableCommit {
  /** Why, for the line that names it: `no author line`, `author "…" has no readable date`. */
  unreadable: string;
  /** Its parents, in order: the branch's chain still runs through it (branch-positions.ts). */
  parents: string[];
  /** Its tree (a mail archive's message is there whatever its dates). */
  tree: string;
}

function unreadablePerson(
  role: string,
  line: string,
  parents: string[],
  tree: string,
): UnreadableCommit {
  const shown = JSON.stringify(line.length > 60 ? `${line.slice(0, 57)}...` : line);
  return { unreadable: `${role} ${shown} has no readable date`, parents, tree };
}

/**
 * Parses a raw commit object (the bytes after git's `commit <size>\0` header). Person lines are read
 * by {@link readPersonLine}; a missing committer line is the author's. The message ends at its
 * first NUL byte, as git prints it.
 */
export function parseCommit(data: Uint8Array): ParsedCommit | UnreadableCommit {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let end = buffer.indexOf('\n\n');
  if (end < 0) end = buffer.length;
  const head = buffer.subarray(0, end);
  const messageBytes = buffer.subarray(Math.min(end + 2, buffer.length));
  let tree = '';
  const parents: string[] = [];
  let authorBytes: Buffer | null = null;
  let committerBytes: Buffer | null = null;
  let encoding: string | undefined;
  let pos = 0;
  while (pos < head.length) {
    let nl = head.indexOf(0x0a, pos);
    if (nl < 0) nl = head.length;
    const line = head.subarray(pos, nl);
    pos = nl + 1;
    if (line[0] === 0x20) continue; // a continuation of a multi-line header (gpgsig, mergetag)
    const sp = line.indexOf(0x20);
    const key = line.subarray(0, sp < 0 ? line.length : sp).toString('latin1');
    const value = sp < 0 ? Buffer.alloc(0) : line.subarray(sp + 1);
    if (key === 'tree') tree = value.toString('latin1');
    else if (key === 'parent') parents.push(value.toString('latin1'));
    else if (key === 'author' && !authorBytes) authorBytes = value;
    else if (key === 'committer' && !committerBytes) committerBytes = value;
    else if (key === 'encoding') encoding = value.toString('latin1').trim();
  }
  if (!authorBytes) return { unreadable: 'no author line', parents, tree };
  const authorLine = decodeText(authorBytes, encoding);
  const author = readPersonLine(authorLine);
  if (!author) return unreadablePerson('author', authorLine, parents, tree);
  const committerLine = committerBytes && decodeText(committerBytes, encoding);
  const committer = committerLine === null ? author : readPersonLine(committerLine);
  if (!committer) return unreadablePerson('committer', committerLine!, parents, tree);
  const nul = messageBytes.indexOf(0);
  const message = decodeText(nul < 0 ? messageBytes : messageBytes.subarray(0, nul), encoding);
  return { tree, parents, author, committer, message };
}

/** One entry of a tree object. */
export interface TreeEntry {
  /** Octal mode as git writes it: `100644`, `100755`, `120000` (symlink), `40000` (tree), `160000` (submodule). */
  mode: string;
  name: string;
  oid: string;
}

/** Parses a raw tree object. Names are UTF-8 (git stores path bytes; invalid ones are read as Latin-1). */
export function parseTree(data: Uint8Array): TreeEntry[] {
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const entries: TreeEntry[] = [];
  let pos = 0;
  while (pos < buffer.length) {
    const sp = buffer.indexOf(0x20, pos);
    const nul = buffer.indexOf(0, sp);
    entries.push({
      mode: buffer.toString('latin1', pos, sp),
      name: decodeText(buffer.subarray(sp + 1, nul)),
      oid: buffer.toString('hex', nul + 1, nul + 21),
    });
    pos = nul + 21;
  }
  return entries;
}

/**
 * The subject of a message as `git log --format=%s` shows it: the first paragraph (after leading
 * blank lines), its lines stripped of trailing white space and joined with one space.
 */
export function subjectOf(message: string): string {
  const text = message.includes('\r') ? message.replace(/\r\n/g, '\n') : message;
  const parts: string[] = [];
  // Line by line from the start, so a long body is never split.
  let pos = 0;
  while (pos <= text.length) {
    const end = text.indexOf('\n', pos);
    const line = text.slice(pos, end < 0 ? text.length : end);
    if (line.trim() === '') {
      if (parts.length > 0) break;
    } else {
      parts.push(line.trimEnd());
    }
    if (end < 0) break;
    pos = end + 1;
  }
  return parts.join(' ');
}
