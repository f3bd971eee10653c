/**
 * Parses messages off the main thread: a worker thread runs {@link parseMessage} while the main
 * thread reads the archive and writes the database, so on two cores parsing (most of the work)
 * overlaps the rest. Results come back in the order asked. With no worker, it parses in place; the
 * rows are the same either way.
 */
import { Worker } from 'node:worker_threads';
import { parseMessage, type ParsedMessage } from './parse-message.ts';

/** Parses raw messages, in order. */
export interface MessageParser {
  /** Starts parsing `raw`; the promise settles with the parsed message. */
  parse(raw: Buffer, archiveTime: number): Promise<ParsedMessage>;
  /** Ends the worker (if any). */
  close(): Promise<void>;
}

/** A parser in this thread. */
export const inPlaceParser: MessageParser = {
  parse: (raw, archiveTime) => parseMessage(raw, archiveTime),
  close: async () => {},
};

/** A parser running in one worker thread, started at the first message. */
export function workerParser(): MessageParser {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (m: ParsedMessage) => void; reject: (e: unknown) => void }
  >();
  const fail = (error: unknown) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const start = () => {
    const started = new Worker(new URL('./parse-worker.js', import.meta.url));
    started.on('message', ({ id, parsed }: { id: number; parsed: ParsedMessage }) => {
      pending.get(id)?.resolve(parsed);
      pending.delete(id);
    });
    started.on('error', fail);
    started.on('exit', (code) => {
      if (pending.size > 0) fail(new Error(`the message parser stopped (exit ${code})`));
    });
    return started;
  };
  return {
    parse(raw, archiveTime) {
      worker ??= start();
      const id = next++;
      // A copy of its own: `raw` may share its memory with other buffers, which a transfer would take.
      const copy = new Uint8Array(raw);
      const result = new Promise<ParsedMessage>((resolve, reject) =>
        pending.set(id, { resolve, reject }),
      );
      worker.postMessage({ id, raw: copy.buffer, archiveTime }, [copy.buffer]);
      return result;
    },
    async close() {
      if (worker) await worker.terminate();
      worker = null;
    },
  };
}
