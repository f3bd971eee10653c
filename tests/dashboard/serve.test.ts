/**
 * `barometer serve` as `npm start` runs it: in a git repository with no database yet, it mines
 * the history, resolves organisations, exports and serves — checked over real HTTP. And the static
 * server's rules: no path outside its folders, GET and HEAD only, revalidation by ETag.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, startStaticServer } from '../../src/cli/static-server.ts';
import { parseDataManifest } from '../../src/lib/db/wasm-manifest.ts';
import { createRepository, type GitFixture } from '../helpers/git-fixture.ts';
import { launchBrowser, startBarometer, waitForView } from './browser.ts';
import { writeOneCommitDatabase, writeProjectDatabase } from './dashboard-fixture.ts';

const cleanups: Array<() => unknown> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A raw HTTP request (no URL normalisation, unlike fetch), for path-traversal checks. */
function raw(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('barometer serve in a folder of several databases', () => {
  it('offers the others in the manifest the header reads, each served under /p/<name>/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'barometer-serve-several-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'data'));
    await writeOneCommitDatabase(join(dir, 'data', 'solo.duckdb'));
    await writeProjectDatabase(join(dir, 'data', 'xen.duckdb'));
    const serve = await startBarometer(['serve', 'data/xen.duckdb', '--port', '0'], dir);
    cleanups.push(() => serve.stop());
    const manifest = parseDataManifest(
      await (await fetch(`${serve.url}data/manifest.json`)).json(),
    );
    expect(manifest.project).toBe('xen');
    expect(manifest.projects).toEqual([
      { name: 'xen', href: '/' },
      { name: 'solo', href: '/p/solo/' },
    ]);
    // The other project is exported on its first request, and its page is the dashboard's.
    const other = parseDataManifest(
      await (await fetch(`${serve.url}p/solo/data/manifest.json`)).json(),
    );
    expect(other.project).toBe('solo');
    expect(other.projects.map((p) => p.name)).toEqual(['xen', 'solo']);
    expect(await (await fetch(`${serve.url}p/solo/`)).text()).toContain('<div id="app"></div>');
    expect((await fetch(`${serve.url}p/nothing/data/manifest.json`)).status).toBe(404);
    // The header links to it.
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    await page.goto(serve.url);
    expect(await waitForView(page)).toBe('ready');
    const link = page.locator('nav.projects a[data-project="solo"]');
    expect(await link.getAttribute('href')).toBe('/p/solo/');
    await link.click();
    expect(await waitForView(page)).toBe('ready');
    expect(await page.locator('h1').textContent()).toBe('solo');
  });
});

describe('barometer serve in a repository with no database yet', () => {
  it('mines the history, resolves organisations, exports and serves the dashboard', async () => {
    const repo: GitFixture = createRepository();
    cleanups.push(() => repo.cleanup());
    repo.commit({
      message: 'First\n',
      author: { name: 'Ada', email: 'ada@citrix.com' },
      date: { at: '2020-03-01T10:00:00Z' },
      files: { 'a.c': 'int a;\n' },
    });
    repo.commit({
      message: 'Second\n\nReviewed-by: Bob <bob@suse.com>\n',
      author: { name: 'Cy', email: 'cy@example.net' },
      date: { at: '2021-04-01T10:00:00Z' },
      files: { 'b.c': 'int b;\n' },
    });
    const serve = await startBarometer(['serve', '--port', '0'], repo.dir);
    cleanups.push(() => serve.stop());
    expect(serve.output()).toMatch(/collect/);
    const manifest = parseDataManifest(
      await (await fetch(`${serve.url}data/manifest.json`)).json(),
    );
    expect(manifest.project).toBe('work');
    expect(manifest.repositories).toEqual(['work']);
    expect(manifest.dataFrom).toBe('2020-03-01');
    expect(manifest.dataUntil).toBe('2021-04-02');
    const rows = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    // Two commits and the one review trailer.
    expect(rows).toMatchObject({ commits: 2, contributions: 3, repositories: 1 });
    const page = await fetch(serve.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<div id="app"></div>');
  });
});

describe('the static server', () => {
  it('serves only files under its folders, GET and HEAD, and revalidates by ETag', async () => {
    const root = mkdtempSync(join(tmpdir(), 'barometer-static-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'app', 'assets'), { recursive: true });
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'app', 'index.html'), '<p>app</p>');
    writeFileSync(join(root, 'app', 'assets', 'x-1a2b.wasm'), Buffer.from([0, 97, 115, 109]));
    writeFileSync(join(root, 'data', 'manifest.json'), '{}');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    const server = await startStaticServer(
      [
        { prefix: '/data/', dir: join(root, 'data') },
        { prefix: '/', dir: join(root, 'app') },
      ],
      { port: 0 },
    );
    cleanups.push(() => server.close());

    const index = await raw(server.url, '/');
    expect(index).toMatchObject({ status: 200, body: '<p>app</p>' });
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-cache');
    const wasm = await raw(server.url, '/assets/x-1a2b.wasm');
    expect(wasm.headers['content-type']).toBe('application/wasm');
    expect(wasm.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await raw(server.url, '/data/manifest.json')).body).toBe('{}');

    for (const path of [
      '/../secret.txt',
      '/data/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/data/..%2f..%2fsecret.txt',
      '/%00',
      '/nothing',
    ]) {
      const response = await raw(server.url, path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('secret');
    }
    expect((await raw(server.url, '/', { method: 'POST' })).status).toBe(405);
    const head = await raw(server.url, '/data/manifest.json', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    const again = await raw(server.url, '/data/manifest.json', {
      headers: { 'if-none-match': String(head.headers.etag) },
    });
    expect(again.status).toBe(304);

    await expect(startStaticServer([], { port: server.port })).rejects.toMatchObject({
      code: 'bad-input',
      message: expect.stringContaining(`port ${server.port}`),
    });
  });
});
