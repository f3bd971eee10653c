// A worker thread that parses raw messages for the mail collector (see parse-pool.ts): it loads
// TypeScript support itself, since a worker does not inherit the main thread's loader hooks.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { parseMessage } = await import('./parse-message.ts');

parentPort.on('message', async ({ id, raw, archiveTime }) => {
  const parsed = await parseMessage(Buffer.from(raw), archiveTime);
  parentPort.postMessage({ id, parsed });
});
