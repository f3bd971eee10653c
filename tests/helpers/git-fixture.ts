/**
 * Builds real git repositories for tests with the git CLI: fixed names, dates and time zones, HOME
 * pointed at a temporary folder and every setting passed with `-c`, so a developer's own git config
 * never leaks into a fixture and the same calls always give the same commit ids.
 *
 * Synchronous on purpose: a test reads as the history it builds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir, devNull } from 'node:os';
import { dirname, join } from 'node:path';

/** An author or committer. */
export interface FixturePerson {
  name: string;
  email: string;
}

/** When and in which time zone something happened. */
export interface FixtureDate {
  /** The instant: an ISO string with `Z` or offset, a `Date`, or seconds since the epoch. */
  at: string | Date | number;
  /** The UTC offset recorded in the commit, `+HHMM` / `-HHMM`. Default `+0000`. */
  tz?: string;
}

/** One commit to make. */
export interface CommitSpec {
  /** The full message (subject, blank line, body, trailers). */
  message: string;
  /** Files to write (string = UTF-8 text, Uint8Array = exact bytes) or delete (`null`). */
  files?: Record<string, string | Uint8Array | null>;
  /** Renames done with `git mv`, `[from, to]`, before `files` are written. */
  renames?: Array<[string, string]>;
  /** Default: {@link DEFAULT_AUTHOR}. */
  author?: FixturePerson;
  /** Default: the author. */
  committer?: FixturePerson;
  /** Author date. Default: the next tick of the fixture's clock (one hour apart from 2020-01-01 UTC). */
  date?: FixtureDate;
  /** Committer date. Default: the author date. */
  committerDate?: FixtureDate;
  /**
   * Write the commit object in this encoding with an `encoding` header (e.g. `ISO-8859-1`), as old
   * git versions did for latin-1 commits: names and message are stored in that encoding's bytes.
   * Only `ISO-8859-1` / `latin1` is supported.
   */
  encoding?: string;
}

/** One file of {@link GitFixture.numstat}: lines added and deleted, null for binary files. */
export interface NumstatRow {
  path: string;
  oldPath: string | null;
  added: number | null;
  deleted: number | null;
}

/** Options for {@link createRepository}. */
export interface CreateOptions {
  /** Initial branch name. Default `main`. */
  branch?: string;
  /** A bare repository (no work tree); commits are then made in a work tree beside it and pushed. */
  bare?: boolean;
}

/** The default author of fixture commits. */
export const DEFAULT_AUTHOR: FixturePerson = { name: 'Ada Lovelace', email: 'ada@example.org' };

const BASE_TIME = Date.UTC(2020, 0, 1) / 1000;

/** Settings that make git deterministic whatever the machine's own config says. */
const CONFIG = [
  'user.name=Fixture',
  'user.email=fixture@example.org',
  'init.defaultBranch=main',
  'commit.gpgSign=false',
  'tag.gpgSign=false',
  'core.autocrlf=false',
  'core.safecrlf=false',
  'core.fileMode=true',
  'gc.auto=0',
  'maintenance.auto=false',
  'merge.renames=true',
  'advice.detachedHead=false',
  'protocol.file.allow=always',
];

/** Seconds since the epoch of a fixture date. */
function seconds(at: FixtureDate['at']): number {
  if (typeof at === 'number') return at;
  const ms = at instanceof Date ? at.getTime() : Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`git-fixture: not a date: ${String(at)}`);
  return Math.floor(ms / 1000);
}

function checkTz(tz: string): string {
  if (!/^[+-]\d{4}$/.test(tz)) throw new Error(`git-fixture: time zone must be ±HHMM, got ${tz}`);
  return tz;
}

/** A temporary folder under the OS temp dir; removed by {@link GitFixture.cleanup}. */
export function makeTempDir(prefix = 'barometer-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A git repository under construction. */
export class GitFixture {
  /** The work tree (for a bare fixture: the scratch work tree that pushes into it). */
  readonly dir: string;
  /** The git directory: `<dir>/.git`, or the bare repository. */
  readonly gitdir: string;
  /** The path to give Barometer: the work tree, or the bare repository. */
  readonly path: string;
  /** The temporary root holding everything; removed by {@link cleanup}. */
  readonly root: string;
  readonly bare: boolean;
  private tick = 0;
  private readonly home: string;

  constructor(root: string, options: CreateOptions = {}) {
    this.root = root;
    this.bare = options.bare ?? false;
    this.home = join(root, 'home');
    mkdirSync(this.home, { recursive: true });
    this.dir = join(root, 'work');
    const branch = options.branch ?? 'main';
    mkdirSync(this.dir, { recursive: true });
    this.git(['init', '-q', '-b', branch]);
    if (this.bare) {
      this.gitdir = join(root, 'repo.git');
      this.run(['init', '-q', '--bare', '-b', branch, this.gitdir], root);
      this.git(['remote', 'add', 'origin', this.gitdir]);
      this.path = this.gitdir;
    } else {
      this.gitdir = join(this.dir, '.git');
      this.path = this.dir;
    }
  }

  /** The environment every git call gets: no user or system config, fixed identity. */
  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: this.home,
      XDG_CONFIG_HOME: this.home,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: devNull,
      GIT_TERMINAL_PROMPT: '0',
      LC_ALL: 'C',
      TZ: 'UTC',
      ...extra,
    };
  }

  private run(args: string[], cwd: string, env?: Record<string, string>, input?: Buffer): string {
    const cfg = CONFIG.flatMap((c) => ['-c', c]);
    return execFileSync('git', [...cfg, ...args], {
      cwd,
      env: this.env(env),
      input,
      encoding: 'buffer',
      maxBuffer: 1 << 30,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
      .toString('utf8')
      .trimEnd();
  }

  /** Runs git in the work tree with the fixture's config and returns its trimmed stdout. */
  git(args: string[], env?: Record<string, string>, input?: Buffer): string {
    return this.run(args, this.dir, env, input);
  }

  /** Runs git against the git directory that Barometer reads (the bare one for a bare fixture). */
  gitDir(args: string[]): string {
    return this.run(['--git-dir', this.gitdir, ...args], this.root);
  }

  private nextDate(): FixtureDate {
    return { at: BASE_TIME + 3600 * this.tick++, tz: '+0000' };
  }

  private dateEnv(spec: CommitSpec): Record<string, string> {
    const author = spec.author ?? DEFAULT_AUTHOR;
    const committer = spec.committer ?? author;
    const date = spec.date ?? this.nextDate();
    const cdate = spec.committerDate ?? date;
    return {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_AUTHOR_DATE: `${seconds(date.at)} ${checkTz(date.tz ?? '+0000')}`,
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
      GIT_COMMITTER_DATE: `${seconds(cdate.at)} ${checkTz(cdate.tz ?? '+0000')}`,
    };
  }

  /** Writes (or deletes) files in the work tree and stages them; deletions go first. */
  writeFiles(files: Record<string, string | Uint8Array | null>): void {
    const entries = Object.entries(files);
    for (const [path, content] of entries) {
      // `git rm` also removes folders left empty, so a path can turn from folder into file.
      if (content === null) this.git(['rm', '-q', '--', path]);
    }
    for (const [path, content] of entries) {
      if (content === null) continue;
      const full = join(this.dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
      this.git(['add', '--', path]);
    }
  }

  /** Makes one commit (empty when it changes nothing) and returns its id. */
  commit(spec: CommitSpec): string {
    for (const [from, to] of spec.renames ?? []) {
      mkdirSync(dirname(join(this.dir, to)), { recursive: true });
      this.git(['mv', '--', from, to]);
    }
    if (spec.files) this.writeFiles(spec.files);
    const env = this.dateEnv(spec);
    if (spec.encoding) return this.encodedCommit(spec, env);
    this.git(
      ['commit', '-q', '--allow-empty', '--allow-empty-message', '--cleanup=verbatim', '-F', '-'],
      env,
      Buffer.from(spec.message),
    );
    return this.sync();
  }

  /** A commit object written byte for byte in a legacy encoding, with its `encoding` header. */
  private encodedCommit(spec: CommitSpec, env: Record<string, string>): string {
    if (!/^(iso-8859-1|latin-?1)$/i.test(spec.encoding ?? '')) {
      throw new Error(`git-fixture: unsupported encoding ${spec.encoding}`);
    }
    const tree = this.git(['write-tree']);
    const parent = this.tryRev('HEAD');
    const line = (role: string, name: string, email: string, date: string) =>
      `${role} ${name} <${email}> ${date}\n`;
    const text =
      `tree ${tree}\n` +
      (parent ? `parent ${parent}\n` : '') +
      line('author', env.GIT_AUTHOR_NAME!, env.GIT_AUTHOR_EMAIL!, env.GIT_AUTHOR_DATE!) +
      line(
        'committer',
        env.GIT_COMMITTER_NAME!,
        env.GIT_COMMITTER_EMAIL!,
        env.GIT_COMMITTER_DATE!,
      ) +
      `encoding ${spec.encoding}\n\n${spec.message}`;
    const id = this.git(
      ['hash-object', '-t', 'commit', '-w', '--stdin'],
      {},
      Buffer.from(text, 'latin1'),
    );
    this.git(['update-ref', 'HEAD', id]);
    return this.sync();
  }

  /**
   * Appends a commit object written byte for byte, however malformed (`git hash-object --literally`
   * checks nothing): `headers` are the lines after `tree` and `parent` (the current tree and head),
   * each ending with a newline, e.g. an `author` line with a negative timestamp or a NUL byte. Moves the branch to it and
   * returns its id.
   */
  rawCommit(headers: string | Buffer, message: string | Buffer): string {
    const tree = this.git(['write-tree']);
    const parent = this.tryRev('HEAD');
    const text = Buffer.concat([
      Buffer.from(`tree ${tree}\n${parent ? `parent ${parent}\n` : ''}`),
      Buffer.from(headers),
      Buffer.from('\n'),
      Buffer.from(message),
    ]);
    const id = this.git(['hash-object', '-t', 'commit', '--literally', '-w', '--stdin'], {}, text);
    this.git(['update-ref', 'HEAD', id]);
    return this.sync(true);
  }

  /**
   * Appends `count` commits to the current branch in one `git fast-import` run (fast: thousands of
   * commits a second), each from `make(i)`: message, text files to write, optional author and
   * date (default: the fixture's clock). Returns the new head's id.
   */
  importCommits(
    count: number,
    make: (i: number) => Pick<CommitSpec, 'message' | 'author' | 'date'> & {
      files?: Record<string, string>;
    },
  ): string {
    const branch = this.git(['symbolic-ref', 'HEAD']);
    const parent = this.tryRev('HEAD');
    const chunks: Buffer[] = [];
    const data = (text: string | Buffer) => {
      const bytes = Buffer.from(text);
      chunks.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
    };
    for (let i = 0; i < count; i++) {
      const spec = make(i);
      const author = spec.author ?? DEFAULT_AUTHOR;
      const date = spec.date ?? this.nextDate();
      const when = `${seconds(date.at)} ${checkTz(date.tz ?? '+0000')}`;
      chunks.push(
        Buffer.from(
          `commit ${branch}\nauthor ${author.name} <${author.email}> ${when}\n` +
            `committer ${author.name} <${author.email}> ${when}\n`,
        ),
      );
      data(spec.message);
      if (i === 0 && parent) chunks.push(Buffer.from(`from ${parent}\n`));
      for (const [path, content] of Object.entries(spec.files ?? {})) {
        chunks.push(Buffer.from(`M 100644 inline ${path}\n`));
        data(content);
      }
      chunks.push(Buffer.from('\n'));
    }
    this.git(['fast-import', '--quiet', '--force'], {}, Buffer.concat(chunks));
    if (!this.bare) this.git(['reset', '-q', '--hard']);
    return this.sync(true);
  }

  /** Merges `branch` into the current branch with a merge commit (never fast-forward); returns its id. */
  merge(
    branch: string,
    spec: Omit<CommitSpec, 'files' | 'renames' | 'encoding'> = { message: `Merge ${branch}` },
  ): string {
    this.git(
      ['merge', '-q', '--no-ff', '--no-edit', '-m', spec.message, branch],
      this.dateEnv(spec),
    );
    return this.sync();
  }

  /** Creates a branch at `from` (default: HEAD) without switching to it. */
  branch(name: string, from = 'HEAD'): void {
    this.git(['branch', name, from]);
  }

  /** Switches the work tree to a branch (creating it at HEAD when `create`). */
  checkout(name: string, create = false): void {
    this.git(create ? ['checkout', '-q', '-b', name] : ['checkout', '-q', name]);
  }

  /** Moves the current branch to `ref` (`git reset --hard`), e.g. to rewrite history; returns the new head. */
  reset(ref: string): string {
    this.git(['reset', '-q', '--hard', ref]);
    return this.sync(true);
  }

  /** The commit id `ref` names. */
  rev(ref = 'HEAD'): string {
    return this.git(['rev-parse', '--verify', `${ref}^{commit}`]);
  }

  private tryRev(ref: string): string | null {
    try {
      return this.rev(ref);
    } catch {
      return null;
    }
  }

  /** For a bare fixture, pushes every branch into the bare repository; returns HEAD's id. */
  private sync(force = false): string {
    const head = this.rev();
    if (this.bare) this.git(['push', '-q', ...(force ? ['--force'] : []), 'origin', '--all']);
    return head;
  }

  /** Pushes every branch to the bare repository even when history was rewritten (bare fixtures). */
  push(force = true): void {
    this.sync(force);
  }

  /**
   * `git log --numstat` figures for a commit against its first parent, as git computes them.
   * `renames`: let git detect renames (its default); a rename then carries `oldPath`. Default false.
   */
  numstat(id: string, options: { renames?: boolean } = {}): NumstatRow[] {
    const out = this.gitDir([
      'show',
      '--first-parent',
      '--format=',
      '--numstat',
      '-z',
      options.renames ? '-M' : '--no-renames',
      id,
    ]);
    const rows: NumstatRow[] = [];
    const parts = out.replace(/^\n+/, '').split('\0');
    for (let i = 0; i < parts.length; i++) {
      const record = parts[i]!.replace(/^\n+/, '');
      if (!record) continue;
      const [a, d, path] = record.split('\t');
      const added = a === '-' ? null : Number(a);
      const deleted = d === '-' ? null : Number(d);
      if (path === '') {
        rows.push({ path: parts[i + 2]!, oldPath: parts[i + 1]!, added, deleted });
        i += 2;
      } else {
        rows.push({ path: path!, oldPath: null, added, deleted });
      }
    }
    return rows;
  }

  /** Moves a file in the file system without telling git (for tests of odd work trees). */
  moveRaw(from: string, to: string): void {
    renameSync(join(this.dir, from), join(this.dir, to));
  }

  /** Removes the fixture's temporary folder. */
  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Creates an empty repository in a new temporary folder. Call `cleanup()` when done. */
export function createRepository(options: CreateOptions = {}): GitFixture {
  return new GitFixture(makeTempDir('barometer-git-'), options);
}
