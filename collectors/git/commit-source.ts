/**
 * The contract between the collection pipeline and the engines that read a repository's history:
 * isomorphic-git (needs nothing installed) and the git CLI (fast where git is installed).
 */

/** An author or committer line as the commit object states it, decoded to UTF-8. */
export interface MinedPerson {
  name: string;
  email: string;
  /** The instant, in UTC. */
  time: Date;
  /** The original offset from UTC, in minutes (`+0530` → 330, `-1200` → -720). */
  utcOffsetMinutes: number;
}

/** One changed file of a non-merge commit, against its parent (or the empty tree for a root). */
export interface MinedFile {
  /** Path after the change (for a deletion: the deleted path). */
  path: string;
  /** Path before a rename or copy; null otherwise. */
  oldPath: string | null;
  /** Lines added and deleted; null for binary files. */
  linesAdded: number | null;
  linesDeleted: number | null;
  isBinary: boolean;
}

/** A commit as mined. */
export interface MinedCommit {
  id: string;
  parents: string[];
  author: MinedPerson;
  committer: MinedPerson;
  /** The full message, decoded to UTF-8 (honouring the commit's `encoding` header). */
  message: string;
  /** Changed files; null for merges and for metadata-only walks. */
  files: MinedFile[] | null;
}

/** What to walk. */
export interface WalkOptions {
  /** The repository's git directory (`.git` of a work tree, or a bare repository). */
  gitdir: string;
  /** The commit id to walk from. */
  head: string;
  /** Commits whose whole ancestry is already stored (the previous mined head); never yielded. */
  exclude: string[];
  /** True for commits already stored; the engine skips them (a run that was killed resumes). */
  isKnown: (id: string) => boolean;
  /**
   * True when the stored commits are closed under ancestry (every run so far finished), so an
   * engine may stop walking at a known commit. False after an interrupted run: engines store in
   * whatever order they read, so its commits can be newer than commits it never reached.
   * Default: false.
   */
  knownClosed?: boolean;
  /** Count changed lines per file. Default: true. False gives metadata only (faster). */
  withFiles: boolean;
  /**
   * Walk exactly these commits instead (one part of a history split across processes; see
   * mine-in-parts.ts): no ancestry is walked, `exclude`, `isKnown` and `knownClosed` are not
   * consulted, and `head` only names the walk in messages. Default: walk from `head`.
   */
  commits?: readonly string[];
  /**
   * Called once, before the first commit, with how many commits the walk will yield, by engines
   * that know it up front (isomorphic-git); the progress bar's time left comes from it. Optional.
   */
  onTotal?: (commits: number) => void;
  /**
   * Called with each commit that cannot be stored (its author or committer line has no readable
   * time; see read-person.ts) and why; the engine does not yield it. Optional.
   */
  onUnreadable?: (id: string, reason: string, parents: readonly string[]) => void;
}

/** An engine that reads history. */
export interface CommitSource {
  /** Which path a run took; printed in the summary line and stored in collect_runs.engine. */
  readonly engine: 'git-cli' | 'isomorphic-git';
  /**
   * Yields every commit reachable from `head` and not from `exclude`, skipping `isKnown` ones, each
   * once, in the engine's own order (git-cli: newest first, as git streams it; isomorphic-git:
   * parents before children).
   */
  walk(options: WalkOptions): AsyncIterable<MinedCommit>;
  /**
   * The same walk in groups of commits, as the engine reads them: one `await` per group instead of
   * one per commit. Optional; the pipeline prefers it when present.
   */
  walkBatches?(options: WalkOptions): AsyncIterable<MinedCommit[]>;
}
