/**
 * A deterministic synthetic history for benchmarks (and for tests that need a long, varied one):
 * many authors at many organisations' domains, time zones from -12:00 to +14:00, a few thousand text
 * files edited a few lines at a time, topic branches merged back, renames, deletions, binary files,
 * and trailers (Signed-off-by, Reviewed-by, Acked-by, Tested-by, Reported-by).
 *
 * Written with `git fast-import` (about two minutes for 100,000 commits on 2 cores, packing included)
 * and cached under the OS temp folder, keyed by the parameters, so later runs reuse it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';

/** What to generate. Same parameters, same repository, byte for byte. */
export interface HistoryParameters {
  /** Commits on the main branch's history, merges included. */
  commits: number;
  /** Distinct authors. Default 1,500. */
  authors?: number;
  /** Files in the first commit. Default 2,000. */
  files?: number;
  /** Seed of the pseudo-random choices. Default 1. */
  seed?: number;
  /** Tag `bench-<n>` at the n-th commit (1-based) for each n listed, for shorter walks. */
  tagsAt?: number[];
}

/** A generated repository. */
export interface GeneratedHistory {
  /** The bare repository. */
  gitdir: string;
  /** The commit id of `main`. */
  head: string;
  /** Commit ids of the `tagsAt` tags, by position. */
  tags: Map<number, string>;
  /** Commits reachable from head (exactly `commits`). */
  commits: number;
  /** True when this call built it (false: reused from the cache). */
  built: boolean;
}

/** Bump when the generator changes what it writes, so caches built by older code are not reused. */
const GENERATOR_VERSION = 1;

/** mulberry32: small, fast, good enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['an', 'ber', 'cal', 'do', 'el', 'fi', 'gar', 'hu', 'in', 'jo', 'ka', 'lu', 'ma'];
const MORE = ['ni', 'or', 'pe', 'qui', 'ra', 'si', 'ta', 'ul', 'vi', 'wen', 'xa', 'yo', 'ze'];
const ACCENTED = ['é', 'ü', 'ø', 'ñ', 'ç', 'å'];
const WORDS = [
  'fix',
  'add',
  'remove',
  'handle',
  'support',
  'refactor',
  'update',
  'clean',
  'avoid',
  'allow',
  'scheduler',
  'memory',
  'domain',
  'page',
  'table',
  'interrupt',
  'timer',
  'driver',
  'console',
  'grant',
  'event',
  'channel',
  'vcpu',
  'mapping',
  'lock',
  'build',
  'test',
  'docs',
  'x86',
  'arm',
];
const OFFSETS = [
  '-1200',
  '-1000',
  '-0800',
  '-0700',
  '-0500',
  '-0400',
  '-0300',
  '+0000',
  '+0000',
  '+0100',
  '+0100',
  '+0200',
  '+0300',
  '+0530',
  '+0545',
  '+0800',
  '+0900',
  '+1000',
  '+1245',
  '+1400',
];

interface Person {
  name: string;
  email: string;
  tz: string;
}

class Generator {
  private readonly rand: () => number;
  private readonly people: Person[];
  private readonly maintainers: Person[];
  /** Path → lines of the file at the main branch tip. */
  private readonly tree = new Map<string, string[]>();
  private readonly paths: string[] = [];
  private time = Date.UTC(2008, 0, 1) / 1000;
  private mark = 0;
  private fileCounter = 0;

  constructor(
    private readonly out: (text: string | Buffer) => Promise<void>,
    private readonly p: Required<HistoryParameters>,
  ) {
    this.rand = random(p.seed);
    const domains = Array.from({ length: 150 }, (_, i) => `${this.word(2)}${i}.example`);
    this.people = Array.from({ length: p.authors }, (_, i) => {
      const first = this.word(2);
      let last = this.word(3);
      if (i % 40 === 0) last = last.slice(0, 2) + this.pick(ACCENTED) + last.slice(2);
      const name = `${capital(first)} ${capital(last)}`;
      // Most people at an organisation's domain, a few at several.
      const domain = domains[Math.floor(Math.pow(this.rand(), 2) * domains.length)]!;
      return { name, email: `${first}.${i}@${domain}`, tz: this.pick(OFFSETS) };
    });
    this.maintainers = this.people.slice(0, 25);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.rand() * (max - min + 1));
  }

  private word(syllables: number): string {
    let w = '';
    for (let i = 0; i < syllables; i++) w += this.pick(i % 2 ? MORE : SYLLABLES);
    return w;
  }

  /** Authors follow a long tail: a few people make most commits. */
  private author(): Person {
    return this.people[Math.floor(Math.pow(this.rand(), 3) * this.people.length)]!;
  }

  private line(): string {
    const n = this.int(2, 9);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(this.pick(WORDS));
    return `${' '.repeat(this.int(0, 3) * 4)}${words.join(' ')};`;
  }

  private newPath(): string {
    const dir = `${this.pick(['xen', 'tools', 'docs', 'arch'])}/${this.word(2)}`;
    return `${dir}/${this.word(2)}-${this.fileCounter++}.${this.pick(['c', 'h', 'py', 'md'])}`;
  }

  private async data(content: string | Buffer): Promise<void> {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    await this.out(`data ${bytes.length}\n`);
    await this.out(bytes);
    await this.out('\n');
  }

  private async modify(path: string, lines: string[]): Promise<void> {
    await this.out(`M 100644 inline ${path}\n`);
    await this.data(lines.length ? lines.join('\n') + '\n' : '');
  }

  private message(author: Person): string {
    const subject = `${this.pick(['xen', 'tools', 'x86', 'arm', 'docs'])}: ${this.line().trim()}`;
    const body: string[] = [];
    for (let i = this.int(0, 4); i > 0; i--) body.push(this.line().trim());
    const trailers = [`Signed-off-by: ${author.name} <${author.email}>`];
    if (this.rand() < 0.6) {
      const r = this.pick(this.maintainers);
      trailers.push(`Reviewed-by: ${r.name} <${r.email}>`);
    }
    if (this.rand() < 0.3) trailers.push(`Acked-by: ${this.pick(this.maintainers).email}`);
    if (this.rand() < 0.1)
      trailers.push(`Tested-by: ${this.author().name} <${this.author().email}>`);
    if (this.rand() < 0.05) trailers.push(`Reported-by: ${this.author().name}`);
    return `${subject}\n\n${body.length ? body.join('\n') + '\n\n' : ''}${trailers.join('\n')}\n`;
  }

  private async header(ref: string, author: Person): Promise<number> {
    this.time += this.int(60, 9000);
    const committer = this.rand() < 0.7 ? this.pick(this.maintainers) : author;
    const authored = this.time - this.int(0, 86_400 * 3);
    const mark = ++this.mark;
    await this.out(
      `commit ${ref}\nmark :${mark}\n` +
        `author ${author.name} <${author.email}> ${authored} ${author.tz}\n` +
        `committer ${committer.name} <${committer.email}> ${this.time} ${committer.tz}\n`,
    );
    await this.data(this.message(author));
    return mark;
  }

  /** One commit's file changes, applied to `tree` and written. */
  private async changes(tree: Map<string, string[]>): Promise<void> {
    const roll = this.rand();
    if (roll < 0.01) {
      const path = this.newPath();
      const lines = Array.from({ length: this.int(5, 80) }, () => this.line());
      tree.set(path, lines);
      this.paths.push(path);
      return this.modify(path, lines);
    }
    if (roll < 0.012 && this.paths.length > 100) {
      const index = this.int(0, this.paths.length - 1);
      const from = this.paths[index]!;
      const to = this.newPath();
      this.paths[index] = to;
      tree.set(to, tree.get(from)!);
      tree.delete(from);
      return this.out(`R ${from} ${to}\n`);
    }
    if (roll < 0.014 && this.paths.length > 100) {
      const index = this.int(0, this.paths.length - 1);
      const path = this.paths[index]!;
      this.paths.splice(index, 1);
      tree.delete(path);
      return this.out(`D ${path}\n`);
    }
    if (roll < 0.016 && tree === this.tree) {
      const path = `assets/${this.word(2)}-${this.fileCounter++}.bin`;
      const bytes = Buffer.alloc(this.int(100, 3000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(this.rand() * 256);
      bytes[0] = 0;
      await this.out(`M 100644 inline ${path}\n`);
      return this.data(bytes);
    }
    const count = Math.min(this.paths.length, 1 + Math.floor(Math.pow(this.rand(), 3) * 6));
    const touched = new Set<string>();
    while (touched.size < count) touched.add(this.pick(this.paths));
    for (const path of touched) {
      const lines = [...tree.get(path)!];
      const edits = this.int(1, 4);
      for (let e = 0; e < edits; e++) {
        const at = this.int(0, lines.length);
        const removed = lines.length ? this.int(0, Math.min(3, lines.length - at)) : 0;
        const added = Array.from({ length: this.int(removed ? 0 : 1, 4) }, () => this.line());
        lines.splice(at, removed, ...added);
      }
      tree.set(path, lines);
      await this.modify(path, lines);
    }
  }

  /** Writes the whole stream; returns the mark of each commit position listed in `tagsAt`. */
  async run(): Promise<void> {
    const tags = new Map<number, number>();
    let made = 0;
    const made1 = (mark: number) => {
      made++;
      if (this.p.tagsAt.includes(made)) tags.set(made, mark);
    };
    // The root commit holds the initial files.
    let main = await this.header('refs/heads/main', this.author());
    for (let i = 0; i < this.p.files; i++) {
      const path = this.newPath();
      const lines = Array.from({ length: this.int(5, 80) }, () => this.line());
      this.tree.set(path, lines);
      this.paths.push(path);
      await this.modify(path, lines);
    }
    made1(main);
    while (made < this.p.commits) {
      const left = this.p.commits - made;
      if (left >= 3 && this.rand() < 0.03) {
        // A topic branch of 1-3 commits from main's tip, merged back with a merge commit.
        const topic = this.int(1, Math.min(3, left - 1));
        const branchTree = new Map(this.tree);
        await this.out(`reset refs/heads/topic\nfrom :${main}\n`);
        let tip = main;
        for (let i = 0; i < topic; i++) {
          tip = await this.header('refs/heads/topic', this.author());
          await this.changes(branchTree);
          made1(tip);
        }
        const merger = this.pick(this.maintainers);
        main = await this.header('refs/heads/main', merger);
        await this.out(`merge :${tip}\n`);
        // The merge result is the topic's tree (main did not move meanwhile).
        for (const [path, lines] of branchTree) {
          if (this.tree.get(path) !== lines) await this.modify(path, lines);
        }
        for (const path of this.tree.keys()) {
          if (!branchTree.has(path)) await this.out(`D ${path}\n`);
        }
        this.tree.clear();
        for (const [path, lines] of branchTree) this.tree.set(path, lines);
        made1(main);
        continue;
      }
      main = await this.header('refs/heads/main', this.author());
      await this.changes(this.tree);
      made1(main);
    }
    for (const [position, mark] of tags) {
      await this.out(`reset refs/tags/bench-${position}\nfrom :${mark}\n\n`);
    }
    await this.out('done\n');
  }
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function git(args: string[], cwd?: string): Promise<string> {
  const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (out += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
  return once(child, 'close').then(([code]) => {
    if (code !== 0) throw new Error(`git ${args.join(' ')} failed: ${err.trim()}`);
    return out.trim();
  });
}

/** Writes to a stream, waiting when its buffer is full (memory stays flat). */
function writer(stream: Writable): (chunk: string | Buffer) => Promise<void> {
  return async (chunk) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
}

function cacheKey(p: Required<HistoryParameters>): string {
  const tags = p.tagsAt.length ? `-t${p.tagsAt.join('.')}` : '';
  return `v${GENERATOR_VERSION}-c${p.commits}-a${p.authors}-f${p.files}-s${p.seed}${tags}`;
}

/**
 * The generated repository for `parameters`, built on first use into `cacheDir` (default: a
 * `barometer-bench` folder in the OS temp folder) and reused afterwards.
 */
export async function generateHistory(
  parameters: HistoryParameters,
  cacheDir = join(tmpdir(), 'barometer-bench'),
): Promise<GeneratedHistory> {
  const p: Required<HistoryParameters> = {
    authors: 1500,
    files: 2000,
    seed: 1,
    tagsAt: [],
    ...parameters,
  };
  if (p.commits < 1) throw new Error(`a history needs at least one commit, not ${p.commits}`);
  const gitdir = join(cacheDir, `history-${cacheKey(p)}.git`);
  let built = false;
  if (!existsSync(join(gitdir, 'barometer-complete'))) {
    built = true;
    mkdirSync(cacheDir, { recursive: true });
    const building = `${gitdir}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    await git(['init', '-q', '--bare', '-b', 'main', building]);
    const child = spawn('git', ['fast-import', '--quiet', '--done'], {
      cwd: building,
      env: { ...process.env, GIT_DIR: building },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (err += t));
    const closed = once(child, 'close');
    await new Generator(writer(child.stdin), p).run();
    child.stdin.end();
    const [code] = await closed;
    if (code !== 0) throw new Error(`git fast-import failed: ${err.trim()}`);
    // A real repository is packed with deltas; fast-import's pack is not.
    await git(['--git-dir', building, 'repack', '-a', '-d', '-q', '--window=10', '--depth=50']);
    await git(['--git-dir', building, 'commit-graph', 'write', '--reachable']);
    await git(['--git-dir', building, 'update-ref', '-d', 'refs/heads/topic']);
    rmSync(gitdir, { recursive: true, force: true });
    renameSync(building, gitdir);
    writeFileSync(join(gitdir, 'barometer-complete'), '');
  }
  const head = await git(['--git-dir', gitdir, 'rev-parse', 'refs/heads/main']);
  const tags = new Map<number, string>();
  for (const position of p.tagsAt) {
    tags.set(
      position,
      await git(['--git-dir', gitdir, 'rev-parse', `refs/tags/bench-${position}`]),
    );
  }
  const count = Number(await git(['--git-dir', gitdir, 'rev-list', '--count', head]));
  if (count !== p.commits) {
    throw new Error(`generated history has ${count} commits, expected ${p.commits}: ${gitdir}`);
  }
  return { gitdir, head, tags, commits: count, built };
}
