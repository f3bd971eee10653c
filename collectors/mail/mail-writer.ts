/**
 * Writes parsed messages into the raw mail tables in batches, each batch one transaction together
 * with how far its archive has been read, so a run killed at any moment resumes after the last
 * stored batch and never stores a message twice. A Message-ID already stored is not stored again
 * (it only adds the list it came by); a removal deletes the message everywhere.
 */
import type { NodeDatabase } from '../../src/lib/db/node.ts';
import type { ParsedMessage } from './parse-message.ts';

/** Messages per transaction, by default. */
export const BATCH_MESSAGES = 2000;

/** Which archive a writer stores the position of. */
export interface ArchiveKey {
  list: string;
  source: string;
  epoch: string;
  kind: 'public-inbox' | 'mbox';
}

/** The Message-IDs stored, and per list, those read from it (loaded once per run). */
export class KnownMessages {
  private constructor(
    readonly ids: Set<string>,
    private readonly byList: Map<string, Set<string>>,
  ) {}

  /** Loads the stored Message-IDs and list memberships. */
  static async load(db: NodeDatabase): Promise<KnownMessages> {
    const ours = await db.columns('SELECT message_id FROM messages');
    const ids = new Set(ours.columns[0] as string[] | undefined);
    const byList = new Map<string, Set<string>>();
    const lists = await db.columns('SELECT list, message_id FROM message_lists');
    const [names = [], messageIds = []] = lists.columns as string[][];
    for (let i = 0; i < lists.rows; i++) KnownMessages.add(byList, names[i]!, messageIds[i]!);
    return new KnownMessages(ids, byList);
  }

  private static add(byList: Map<string, Set<string>>, list: string, id: string): void {
    let set = byList.get(list);
    if (!set) byList.set(list, (set = new Set()));
    set.add(id);
  }

  onList(list: string, id: string): boolean {
    return this.byList.get(list)?.has(id) ?? false;
  }

  addToList(list: string, id: string): void {
    KnownMessages.add(this.byList, list, id);
  }

  forget(id: string): void {
    this.ids.delete(id);
    for (const set of this.byList.values()) set.delete(id);
  }
}

interface Rows {
  messages: ParsedMessage[];
  blobs: (string | null)[];
  crossPosts: string[];
  removals: string[];
}

/** What a writer stored. */
export interface WriterCounts {
  added: number;
  duplicates: number;
  removed: number;
}

/** Stores the messages of one archive. */
export class MailWriter {
  private rows: Rows = { messages: [], blobs: [], crossPosts: [], removals: [] };
  private position: string | number | null = null;
  /** The last write started, and the one before it (gathering waits for that one). */
  private last: Promise<void> = Promise.resolve();
  private previous: Promise<void> = Promise.resolve();
  /** Messages stored, repeats ignored and removals applied, once committed. */
  readonly counts: WriterCounts = { added: 0, duplicates: 0, removed: 0 };

  constructor(
    private readonly db: NodeDatabase,
    private readonly archive: ArchiveKey,
    private readonly known: KnownMessages,
    private readonly onCommitted?: (stored: number) => void | Promise<void>,
    private readonly batchSize = BATCH_MESSAGES,
  ) {}

  private stored = 0;

  /** Queues a message (a repeat only adds its list); `resumeAt` is the archive position after it. */
  async add(
    message: ParsedMessage,
    blobId: string | null,
    resumeAt: string | number,
  ): Promise<void> {
    const id = message.messageId!;
    const { list } = this.archive;
    if (this.known.ids.has(id)) {
      this.counts.duplicates++;
      if (!this.known.onList(list, id)) {
        this.known.addToList(list, id);
        this.rows.crossPosts.push(id);
      }
    } else {
      this.known.ids.add(id);
      this.known.addToList(list, id);
      this.rows.messages.push(message);
      this.rows.blobs.push(blobId);
    }
    this.position = resumeAt;
    if (this.rows.messages.length + this.rows.crossPosts.length >= this.batchSize) {
      this.startWrite();
      // One batch is written while the next is gathered; a failed write surfaces here.
      await this.previous;
    }
  }

  /** Queues the removal of the message `id` (applied in order with the messages around it). */
  async remove(id: string | null, resumeAt: string | number): Promise<void> {
    if (id !== null && this.known.ids.has(id)) {
      this.known.forget(id);
      this.rows.removals.push(id);
    }
    this.position = resumeAt;
    this.startWrite();
    await this.previous;
  }

  /** Records `resumeAt` as read (nothing else queued), e.g. a skipped message. */
  skip(resumeAt: string | number): void {
    this.position = resumeAt;
  }

  /** Writes what is queued and records the position; waits until committed. */
  async flush(position?: string | number): Promise<void> {
    if (position !== undefined) this.position = position;
    this.startWrite(true);
    await this.last;
  }

  private startWrite(always = false): void {
    const rows = this.rows;
    const empty = rows.messages.length + rows.crossPosts.length + rows.removals.length === 0;
    if (empty && !always) return;
    this.rows = { messages: [], blobs: [], crossPosts: [], removals: [] };
    const position = this.position;
    this.previous = this.last;
    this.last = this.last.then(() => this.write(rows, position));
    // Handled here; whoever awaits it next still sees the failure.
    this.last.catch(() => {});
  }

  private async write(rows: Rows, position: string | number | null): Promise<void> {
    const { db, archive } = this;
    await db.transaction(async () => {
      if (rows.messages.length > 0) await this.appendMessages(rows);
      if (rows.crossPosts.length > 0) {
        await db.appendRows('message_lists', (row) => {
          for (const id of rows.crossPosts) {
            row.varchar(id);
            row.varchar(archive.list);
            row.endRow();
          }
        });
      }
      for (const table of [
        'message_references',
        'message_lists',
        'message_files',
        'message_tags',
        'messages',
      ]) {
        if (rows.removals.length === 0) break;
        await db.query(`DELETE FROM ${table} WHERE list_contains($ids, message_id)`, {
          ids: rows.removals,
        });
      }
      await db.query(
        `INSERT INTO mail_sources (list, source, epoch, kind, last_commit_id, bytes_read, last_collected_at)
         VALUES ($list, $source, $epoch, $kind, $commit, $bytes, now()::TIMESTAMP)
         ON CONFLICT (list, source, epoch) DO UPDATE SET kind = excluded.kind,
           last_commit_id = coalesce(excluded.last_commit_id, mail_sources.last_commit_id),
           bytes_read = coalesce(excluded.bytes_read, mail_sources.bytes_read),
           last_collected_at = excluded.last_collected_at`,
        {
          ...archive,
          commit: typeof position === 'string' ? position : null,
          bytes: typeof position === 'number' ? position : null,
        },
      );
    });
    this.counts.added += rows.messages.length;
    this.counts.removed += rows.removals.length;
    this.stored += rows.messages.length + rows.crossPosts.length;
    await this.onCommitted?.(this.stored);
  }

  private async appendMessages(rows: Rows): Promise<void> {
    const { db, archive } = this;
    const { messages } = rows;
    await db.appendRows('messages', (row) => {
      messages.forEach((m, i) => {
        row.varchar(m.messageId!);
        row.varchar(archive.list);
        row.varchar(rows.blobs[i] ?? null);
        row.varchar(m.fromName);
        row.varchar(m.fromEmail);
        row.timestamp(m.time);
        row.boolean(m.timeFromArchive);
        row.varchar(m.subject);
        row.varchar(m.inReplyTo);
        row.boolean(m.patch !== null);
        row.integer(m.patch?.version);
        row.integer(m.patch?.number);
        row.integer(m.patch?.total);
        row.varchar(m.patch?.text ?? null);
        row.integer(m.bytes);
        row.endRow();
      });
    });
    await db.appendRows('message_references', (row) => {
      for (const m of messages) {
        m.references.forEach((ref, position) => {
          row.varchar(m.messageId!);
          row.integer(position + 1);
          row.varchar(ref);
          row.endRow();
        });
      }
    });
    await db.appendRows('message_lists', (row) => {
      for (const m of messages) {
        row.varchar(m.messageId!);
        row.varchar(archive.list);
        row.endRow();
      }
    });
    await db.appendRows('message_files', (row) => {
      for (const m of messages) {
        for (const path of m.files) {
          row.varchar(m.messageId!);
          row.varchar(path);
          row.endRow();
        }
      }
    });
    await db.appendRows('message_tags', (row) => {
      for (const m of messages) {
        for (const tag of m.tags) {
          row.varchar(m.messageId!);
          row.integer(tag.position);
          row.varchar(tag.key);
          row.varchar(tag.value);
          row.varchar(tag.personName);
          row.varchar(tag.personEmail);
          row.endRow();
        }
      }
    });
  }
}
