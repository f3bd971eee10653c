/**
 * A mining worker process, started by mining-pool.ts with Node's IPC channel: it takes one part at
 * a time ({@link WorkerRequest}), mines it into its part file (mine-part.ts) and answers with a
 * {@link WorkerReply}. It exits when the collecting process disconnects or dies, so a killed
 * `collect` leaves no worker behind.
 */
import { BarometerError } from '../../src/lib/errors.ts';
import { minePart, type PartResult, type PartTask } from './mine-part.ts';

/** A part to mine, as the pool sends it. */
export interface WorkerRequest {
  /** The pool's number for the part, repeated in the reply. */
  id: number;
  task: PartTask;
}

/** What a worker answers. */
export type WorkerReply =
  | {
      id: number;
      ok: true;
      result: PartResult;
      /** The worker's peak resident memory so far, in kilobytes. */
      maxRssKb: number;
    }
  | {
      id: number;
      ok: false;
      /** A `BarometerError`'s code and data, so the pool can throw the same error. */
      error: { code: BarometerError['code'] | null; message: string; data: BarometerError['data'] };
    };

function reply(message: WorkerReply): void {
  process.send?.(message);
}

async function handle(request: WorkerRequest): Promise<void> {
  try {
    const result = await minePart(request.task);
    reply({ id: request.id, ok: true, result, maxRssKb: process.resourceUsage().maxRSS });
  } catch (error) {
    const known = error instanceof BarometerError;
    reply({
      id: request.id,
      ok: false,
      error: {
        code: known ? error.code : null,
        message: error instanceof Error ? error.message : String(error),
        data: known ? error.data : {},
      },
    });
  }
}

if (process.send) {
  let queue = Promise.resolve();
  process.on('message', (request: WorkerRequest) => {
    queue = queue.then(() => handle(request));
  });
  process.on('disconnect', () => process.exit(0));
}
