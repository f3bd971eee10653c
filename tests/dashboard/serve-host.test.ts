/**
 * The static server behind `serve` answers only requests addressed to this machine, so a web page
 * that rebinds its own name to 127.0.0.1 (DNS rebinding) cannot read the dashboard's data.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startStaticServer } from '../../src/cli/static-server.ts';
import { cleanupAfterAll } from '../helpers/cleanups.ts';
import { makeTempDir } from '../helpers/git-fixture.ts';

const defer = cleanupAfterAll();

/** GET `path` with the given Host header over a real connection to 127.0.0.1:`port`. */
function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ hostname: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server and the Host header', () => {
  it('answers loopback hosts and names, and refuses every other name', async () => {
    const root = makeTempDir();
    defer(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'manifest.json'), '{"secret": true}');
    const server = await startStaticServer([{ prefix: '/data/', dir: join(root, 'data') }], {
      port: 0,
    });
    defer(() => server.close());
    const port = server.port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `dashboard.localhost:${port}`,
      `[::1]:${port}`,
      `127.1.2.3:${port}`,
      'localhost',
    ]) {
      expect(await get(port, '/data/manifest.json', host), host).toEqual({
        status: 200,
        body: '{"secret": true}',
      });
    }
    for (const host of [
      `evil.example:${port}`,
      `127.0.0.1.evil.example:${port}`,
      `localhost.evil.example:${port}`,
      `0.0.0.0:${port}`,
      `192.168.1.1:${port}`,
    ]) {
      const response = await get(port, '/data/manifest.json', host);
      expect(response.status, host).toBe(421);
      expect(response.body).not.toContain('secret');
    }
  });
});
