/**
 * Collects the mailing lists of a project: each archive of each list is read from where the last
 * run stopped (the last epoch commit, or the mbox byte offset), its messages parsed and stored in
 * batches. Bad input never stops a run: a message without a Message-ID is skipped, one with an
 * unreadable date, broken MIME, an unknown charset or over the size limit is kept with what could
 * be read; each is counted, per archive in `mail_collect_runs` and in the result.
 */
import type * as NodeFs from 'node:fs';
import type { ListConfig } from '../../src/lib/config/project-config.ts';
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import { ensureSchema } from '../../src/lib/db/schema.ts';
import type { Clock, Logger } from '../../src/lib/effects.ts';
import { findGit } from '../git/engine-git-cli.ts';
import type { ArchiveRead } from './archive-entry.ts';
import { epochHeadGitCli, readEpochGitCli } from './epoch-git-cli.ts';
import { epochHeadObjectStore, readEpochObjectStore } from './epoch-object-store.ts';
import { listArchives, type ListArchive } from './list-archives.ts';
import { KnownMessages, MailWriter } from './mail-writer.ts';
import { readMbox } from './mbox-reader.ts';
import type { ArchiveEntry } from './archive-entry.ts';
import { inPlaceParser, workerParser, type MessageParser } from './parse-pool.ts';
import type { ParsedMessage } from './parse-message.ts';

/** Messages parsed ahead of the one being stored. */
const LOOKAHEAD = 64;
/** Entries from which `auto` parses in a worker thread (its start costs about 0.3 s). */
const WORKER_FROM = 1000;

/** Which engine reads (and fetches) public-inbox epochs: `auto` takes git when installed. */
export type MailEngineChoice = 'auto' | 'git-cli' | 'isomorphic-git';

/** Messages that could not be read whole, by kind. */
export interface MailProblemCounts {
  /** Skipped: no Message-ID. */
  noMessageId: number;
  /** Kept at the archive's time. */
  unreadableDate: number;
  brokenMime: number;
  unknownCharset: number;
  /** Kept with headers only. */
  huge: number;
}

/** What a run did for one list (all its archives). */
export interface ListCollectResult {
  list: string;
  archives: number;
  /** Engines that read something (`git-cli`, `isomorphic-git`, `mbox`); empty when nothing was new. */
  engines: string[];
  /** Archive entries read (messages and removals). */
  read: number;
  added: number;
  /** Messages whose Message-ID was already stored (cross-posts, repeats): counted once. */
  duplicates: number;
  removed: number;
  problems: MailProblemCounts;
  /** True when an archive's stored position was gone (a rewritten epoch) and it was read again. */
  restarted: boolean;
  seconds: number;
}

/** Where a run is, for progress bars. */
export interface MailProgress {
  list: string;
  phase: 'fetching' | 'reading';
  /** Entries read so far from the current archive. */
  done: number;
  total: number | null;
}

/** Options for {@link collectLists}. */
export interface CollectListsOptions {
  db: NodeDatabase;
  lists: readonly ListConfig[];
  engine?: MailEngineChoice;
  fs: typeof NodeFs;
  logger: Logger;
  clock: Clock;
  /** Folder of fetched epochs (`data/repos`). */
  cacheDir: string;
  onProgress?: (progress: MailProgress) => void;
  /**
   * Where messages are parsed: `worker` (a worker thread, beside the reading and writing), `in-place`,
   * or `auto` (default): the worker for an archive read of more than 1,000 entries.
   */
  parser?: 'auto' | 'worker' | 'in-place';
  /** Messages per transaction. Default 2000. */
  batchSize?: number;
  /** Called after each stored batch with the messages stored from the archive so far (tests stop a run here). */
  onBatchCommitted?: (stored: number) => void | Promise<void>;
}

/** No problems yet. */
export function noProblems(): MailProblemCounts {
  return { noMessageId: 0, unreadableDate: 0, brokenMime: 0, unknownCharset: 0, huge: 0 };
}

interface Stored {
  last_commit_id: string | null;
  bytes_read: number | null;
}

/** Opens the read of one archive from its stored position, or null when nothing is new. */
async function openRead(
  archive: ListArchive,
  stored: Stored | undefined,
  useGit: boolean,
  fs: typeof NodeFs,
): Promise<{ read: ArchiveRead; head: string | null } | null> {
  if (archive.kind === 'mbox') {
    const since = stored?.bytes_read ?? null;
    if (since !== null && fs.statSync(archive.path).size === since) return null;
    return { read: readMbox(fs, archive.path, since), head: null };
  }
  const head =
    archive.head ??
    (useGit ? await epochHeadGitCli(archive.path) : await epochHeadObjectStore(fs, archive.path));
  const since = stored?.last_commit_id ?? null;
  if (head === null || head === since) return null;
  const read = useGit
    ? await readEpochGitCli(archive.path, head, since)
    : await readEpochObjectStore(fs, archive.path, head, since);
  return { read, head };
}

/**
 * Reads every archive of `lists` (in config order; entries sharing a name are one list) into the
 * raw mail tables. Throws `not-found`, `bad-input` or `source` for a source that cannot be read at
 * all; whatever was stored before stays and is resumed.
 */
export async function collectLists(options: CollectListsOptions): Promise<ListCollectResult[]> {
  const { db, fs, clock } = options;
  await ensureSchema(db);
  const engine = options.engine ?? 'auto';
  const useGit = engine === 'git-cli' || (engine === 'auto' && (await findGit()) !== null);
  let known: KnownMessages | null = null;
  const worker = workerParser();
  const choice = options.parser ?? 'auto';
  try {
    const results = new Map<string, ListCollectResult>();
    for (const config of options.lists) {
      const started = clock();
      let result = results.get(config.name);
      if (!result) {
        result = {
          list: config.name,
          archives: 0,
          engines: [],
          read: 0,
          added: 0,
          duplicates: 0,
          removed: 0,
          problems: noProblems(),
          restarted: false,
          seconds: 0,
        };
        results.set(config.name, result);
      }
      options.onProgress?.({ list: config.name, phase: 'fetching', done: 0, total: null });
      const archives = await listArchives(config, { fs, cacheDir: options.cacheDir, useGit });
      for (const archive of archives) {
        const archiveStarted = clock();
        result.archives++;
        const key = {
          list: archive.list,
          source: archive.source,
          epoch: archive.epoch,
          kind: archive.kind,
        };
        const [stored] = await db.query<Stored>(
          `SELECT last_commit_id, CAST(bytes_read AS DOUBLE) AS bytes_read FROM mail_sources
         WHERE list = $list AND source = $source AND epoch = $epoch`,
          { list: key.list, source: key.source, epoch: key.epoch },
        );
        const opened = await openRead(archive, stored, useGit, fs);
        const problems = noProblems();
        let read = 0;
        const writer = opened
          ? new MailWriter(
              db,
              key,
              (known ??= await KnownMessages.load(db)),
              options.onBatchCommitted,
              options.batchSize,
            )
          : null;
        if (opened && writer) {
          const { read: archiveRead, head } = opened;
          if (archiveRead.restarted) {
            result.restarted = true;
            options.logger.info(
              `${archive.list}: ${archive.path} no longer holds the point the last run stopped at; reading it again`,
            );
          }
          if (!result.engines.includes(archiveRead.engine)) result.engines.push(archiveRead.engine);
          const parser: MessageParser =
            choice === 'worker' ||
            (choice === 'auto' && (archiveRead.total === null || archiveRead.total > WORKER_FROM))
              ? worker
              : inPlaceParser;
          const store = async (entry: ArchiveEntry, message: ParsedMessage) => {
            if (entry.kind === 'removal') {
              await writer.remove(message.messageId, entry.resumeAt);
              return;
            }
            if (message.problems.unreadableDate) problems.unreadableDate++;
            if (message.problems.brokenMime) problems.brokenMime++;
            if (message.problems.unknownCharset) problems.unknownCharset++;
            if (message.problems.huge) problems.huge++;
            if (message.messageId === null) {
              problems.noMessageId++;
              writer.skip(entry.resumeAt);
              return;
            }
            await writer.add(message, entry.blobId, entry.resumeAt);
          };
          const queue: Array<{ entry: ArchiveEntry; parsed: Promise<ParsedMessage> }> = [];
          for await (const entry of archiveRead.entries) {
            read++;
            if (read % 256 === 0) {
              options.onProgress?.({
                list: archive.list,
                phase: 'reading',
                done: read,
                total: archiveRead.total,
              });
            }
            const parsed = parser.parse(entry.raw, entry.archiveTime);
            // Seen as handled now; the failure still surfaces where it is awaited, in order.
            parsed.catch(() => {});
            queue.push({ entry, parsed });
            if (queue.length >= LOOKAHEAD) {
              const next = queue.shift()!;
              await store(next.entry, await next.parsed);
            }
          }
          for (const next of queue.splice(0)) await store(next.entry, await next.parsed);
          await writer.flush(head ?? undefined);
        }
        const finished = clock();
        const seconds = Math.max(0, (finished.getTime() - archiveStarted.getTime()) / 1000);
        const counts = writer?.counts ?? { added: 0, duplicates: 0, removed: 0 };
        await db.query(
          `INSERT INTO mail_collect_runs VALUES ($started, $finished, $list, $source, $epoch, $engine,
           $read, $added, $duplicates, $removed, $noId, $date, $mime, $charset, $huge, $seconds)`,
          {
            started: archiveStarted,
            finished,
            list: key.list,
            source: key.source,
            epoch: key.epoch,
            engine: opened?.read.engine ?? 'none',
            read,
            added: counts.added,
            duplicates: counts.duplicates,
            removed: counts.removed,
            noId: problems.noMessageId,
            date: problems.unreadableDate,
            mime: problems.brokenMime,
            charset: problems.unknownCharset,
            huge: problems.huge,
            seconds,
          },
        );
        result.read += read;
        result.added += counts.added;
        result.duplicates += counts.duplicates;
        result.removed += counts.removed;
        for (const name of Object.keys(problems) as (keyof MailProblemCounts)[]) {
          result.problems[name] += problems[name];
        }
      }
      result.seconds += Math.max(0, (clock().getTime() - started.getTime()) / 1000);
    }
    return [...results.values()];
  } finally {
    await worker.close();
  }
}
