/**
 * An incremental parser of the `git log -z` output that {@link GIT_LOG_FORMAT} asks for: it takes
 * the raw bytes in chunks as git writes them and hands back each commit as soon as its record is
 * known to be complete, so a history of any length is parsed in constant memory.
 *
 * The record of one commit, every token ended by a NUL byte:
 *
 * ```
 * id, parents (space-separated), author name, author e-mail, author date (`<seconds> ±HHMM`),
 * committer name, committer e-mail, committer date, message,
 * then, with --numstat, "\n" glued to the first file token, and one token per file:
 *   "<added>\t<deleted>\t<path>"  or, for a rename,  "<added>\t<deleted>\t", "<old path>", "<new path>"
 *   (binary files give "-" for both counts)
 * ```
 *
 * Records are separated by an empty token (git's `-z` commit separator); the last record simply ends.
 * A record is emitted when the separator after it arrives, or at {@link GitLogParser.end}, so a git
 * process that died mid-record never yields a truncated commit.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { BarometerError } from '../../src/lib/errors.ts';
import type { MinedCommit, MinedFile, MinedPerson } from './commit-source.ts';
import { readRawDate } from './read-person.ts';

/**
 * The `--format` the parser reads (use with `-z` and `--date=raw`): fields end with NUL, and the
 * trailing NUL after the message keeps the message apart from the file list that follows it.
 */
export const GIT_LOG_FORMAT = 'format:%H%x00%P%x00%an%x00%ae%x00%ad%x00%cn%x00%ce%x00%cd%x00%B%x00';

/** Options for {@link GitLogParser}. */
export interface GitLogParserOptions {
  /** The output carries `--numstat`: non-merge commits get a file list (possibly empty). */
  withFiles: boolean;
  /** Commits for which this returns true are parsed past but never emitted. Default: none. */
  skip?: (id: string) => boolean;
}

const HEADER_FIELDS = 9;
const NUL = 0;
const TAB = 9;
const NEWLINE = 10;

type State = 'header' | 'after-message' | 'files' | 'rename-old' | 'rename-new';

/**
 * Text from the commit as git printed it. `git log --encoding=UTF-8` already re-encoded commits that
 * declare an `encoding` header; bytes that are still not valid UTF-8 (a latin-1 commit without the
 * header, or an encoding iconv does not know) are read as ISO-8859-1, so no byte turns into U+FFFD.
 */
export function decodeGitText(bytes: Uint8Array): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  // ASCII (most names, addresses and messages) reads the same either way; latin1 is the cheapest.
  if (isAscii(buffer)) return buffer.toString('latin1');
  return isUtf8(buffer) ? buffer.toString('utf8') : buffer.toString('latin1');
}

/** Stands in for a person git printed no readable date for, until the object is read. */
const UNREAD: MinedPerson = { name: '', email: '', time: new Date(0), utcOffsetMinutes: 0 };

function person(name: string, email: string, rawDate: string): MinedPerson | null {
  const date = readRawDate(rawDate);
  return date && { name, email, ...date };
}

function malformed(what: string, near: string): BarometerError {
  return new BarometerError('source', `unexpected git log output: ${what} near "${near}"`, {
    value: near.slice(0, 200),
  });
}

/** Reads `git log -z --format=GIT_LOG_FORMAT [--numstat]` output chunk by chunk. */
export class GitLogParser {
  private readonly withFiles: boolean;
  private readonly skip: (id: string) => boolean;
  private rest: Buffer = Buffer.alloc(0);
  private state: State = 'header';
  private field = 0;
  /** The header fields read so far, decoded (left empty for a commit being skipped). */
  private fields: string[] = [];
  private files: MinedFile[] | null = null;
  private skipping = false;
  private renameCounts: [number | null, number | null] = [null, null];
  private renameOld = '';
  private out: MinedCommit[] = [];
  /** Commits whose author or committer git printed without a date it could read. */
  private readonly unread = new WeakSet<MinedCommit>();

  constructor(options: GitLogParserOptions) {
    this.withFiles = options.withFiles;
    this.skip = options.skip ?? (() => false);
  }

  /** Feeds the next chunk; returns the commits it completed, in git's order. */
  push(chunk: Buffer): MinedCommit[] {
    const data = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const end = data.indexOf(NUL, start);
      if (end < 0) break;
      this.token(data, start, end);
      start = end + 1;
    }
    // Copy the tail: keeping a view would pin the whole chunk in memory.
    this.rest = start < data.length ? Buffer.from(data.subarray(start)) : Buffer.alloc(0);
    const done = this.out;
    this.out = [];
    return done;
  }

  /**
   * True when git printed no date it could read for the commit's author or committer (see
   * read-person.ts): its people are placeholders, to be read from the commit object itself.
   */
  needsObject(commit: MinedCommit): boolean {
    return this.unread.has(commit);
  }

  /** Ends the stream (git exited with success); returns the last commit, if any. */
  end(): MinedCommit[] {
    if (this.rest.length)
      throw malformed('output ends inside a field', this.rest.toString('latin1'));
    if (this.state === 'header') {
      if (this.field !== 0)
        throw malformed('output ends inside a commit header', this.fields.join(' '));
    } else if (this.state === 'rename-old' || this.state === 'rename-new') {
      throw malformed('output ends inside a rename', this.renameOld);
    } else {
      this.finish();
    }
    const done = this.out;
    this.out = [];
    return done;
  }

  private token(data: Buffer, start: number, end: number): void {
    switch (this.state) {
      case 'header':
        if (this.field === 0 && start === end) {
          throw malformed('empty commit id', data.toString('latin1', end, end + 80));
        }
        this.headerField(data, start, end);
        if (++this.field === HEADER_FIELDS) this.startFiles();
        return;
      case 'after-message':
        if (start === end) return this.finish();
        if (data[start] !== NEWLINE || !this.withFiles) {
          throw malformed('text after a commit message', data.toString('latin1', start, end));
        }
        this.state = 'files';
        return this.file(data, start + 1, end);
      case 'files':
        if (start === end) return this.finish();
        return this.file(data, start, end);
      case 'rename-old':
        this.renameOld = decodeGitText(data.subarray(start, end));
        this.state = 'rename-new';
        return;
      case 'rename-new':
        this.state = 'files';
        if (this.files) {
          const [linesAdded, linesDeleted] = this.renameCounts;
          this.files.push({
            path: decodeGitText(data.subarray(start, end)),
            oldPath: this.renameOld,
            linesAdded,
            linesDeleted,
            isBinary: linesAdded === null,
          });
        }
        return;
    }
  }

  /**
   * Decodes one header field at once (the chunk it lies in is gone by the time the record ends).
   * Ids, parents and dates are ASCII; names, e-mails and the message may be anything.
   */
  private headerField(data: Buffer, start: number, end: number): void {
    const field = this.field;
    if (field === 0) {
      const id = data.toString('latin1', start, end);
      this.skipping = this.skip(id);
      this.fields.push(id);
      return;
    }
    if (this.skipping && field !== 1) return;
    const ascii = field === 1 || field === 4 || field === 7;
    this.fields.push(
      ascii ? data.toString('latin1', start, end) : decodeGitText(data.subarray(start, end)),
    );
  }

  private startFiles(): void {
    this.state = 'after-message';
    // A merge lists two or more parents, space-separated; merges carry no file list.
    const isMerge = this.fields[1]!.includes(' ');
    this.files = this.withFiles && !this.skipping && !isMerge ? [] : null;
  }

  private file(data: Buffer, start: number, end: number): void {
    const tab1 = data.indexOf(TAB, start);
    const tab2 = tab1 < 0 || tab1 >= end ? -1 : data.indexOf(TAB, tab1 + 1);
    if (tab2 < 0 || tab2 >= end) {
      throw malformed('a file line without counts', data.toString('latin1', start, end));
    }
    const added = count(data, start, tab1);
    const deleted = count(data, tab1 + 1, tab2);
    if (tab2 + 1 === end) {
      this.renameCounts = [added, deleted];
      this.state = 'rename-old';
      return;
    }
    if (!this.files) return;
    this.files.push({
      path: decodeGitText(data.subarray(tab2 + 1, end)),
      oldPath: null,
      linesAdded: added,
      linesDeleted: deleted,
      isBinary: added === null,
    });
  }

  private finish(): void {
    const f = this.fields;
    this.fields = [];
    this.field = 0;
    this.state = 'header';
    if (this.skipping) return;
    const author = person(f[2]!, f[3]!, f[4]!);
    const committer = person(f[5]!, f[6]!, f[7]!);
    const commit: MinedCommit = {
      id: f[0]!,
      parents: f[1] ? f[1].split(' ') : [],
      author: author ?? UNREAD,
      committer: committer ?? UNREAD,
      message: f[8]!,
      files: this.files,
    };
    if (!author || !committer) this.unread.add(commit);
    this.out.push(commit);
    this.files = null;
  }
}

/** A numstat count: digits, or `-` for a binary file (null). */
function count(data: Buffer, start: number, end: number): number | null {
  if (end - start === 1 && data[start] === 45) return null;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = data[i]! - 48;
    if (digit < 0 || digit > 9)
      throw malformed('a count that is not a number', data.toString('latin1', start, end));
    value = value * 10 + digit;
  }
  if (end === start) throw malformed('an empty count', data.toString('latin1', start, end + 40));
  return value;
}
