/**
 * What an archive reader yields: each message (or public-inbox removal) in archive order, with the
 * archive's own time for it and where a later run resumes once it is stored.
 */

/** One entry of an archive. */
export interface ArchiveEntry {
  /** `message`: a message added; `removal`: public-inbox removed the message `raw` holds. */
  kind: 'message' | 'removal';
  /** The raw message (RFC 5322 bytes). */
  raw: Buffer;
  /** The archive's time for it, in milliseconds (the epoch commit's committer date; the mbox `From ` line's date). */
  archiveTime: number;
  /** public-inbox: the blob holding it; null in an mbox. */
  blobId: string | null;
  /** Where the archive has been read to once this entry is stored: an epoch commit id, or an mbox byte offset. */
  resumeAt: string | number;
}

/** A read of one archive from where the last run stopped. */
export interface ArchiveRead {
  /** `git-cli`, `isomorphic-git` (no git binary needed) or `mbox`. */
  engine: 'git-cli' | 'isomorphic-git' | 'mbox';
  /** Entries this read will yield, when known up front (for progress). */
  total: number | null;
  /** True when the stored position was not found (a rewritten epoch, a replaced mbox): read from the start. */
  restarted: boolean;
  /** The entries, in order. */
  entries: AsyncIterable<ArchiveEntry>;
}
