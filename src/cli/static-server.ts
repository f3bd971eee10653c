/**
 * A small static file server on 127.0.0.1 for the dashboard: the built app and the data export,
 * nothing else. GET and HEAD only, no directory listings, no path outside its folders, no answer to
 * a `Host` that is not this machine; hashed assets are cached for good, everything else
 * revalidated with an ETag.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { BarometerError } from '../lib/errors.ts';

/** One folder served under a URL prefix (`/data/` → the export; `/` → the app). */
export interface StaticRoot {
  /** URL path prefix, starting and ending with `/`. */
  prefix: string;
  dir: string;
}

/** A running server. */
export interface StaticServer {
  /** `http://127.0.0.1:PORT/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Content types by extension; `application/wasm` lets browsers compile while downloading. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The same policy as index.html's meta tag, also sent as a header. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; " +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'none'";

/** The file a URL path names under `roots`, or null (outside every root, or not a file). */
export function resolveStaticPath(
  roots: readonly StaticRoot[],
  urlPath: string,
): { file: string; stats: Stats } | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  for (const root of roots) {
    if (!path.startsWith(root.prefix)) continue;
    const base = resolve(root.dir);
    const rest = path.slice(root.prefix.length);
    const candidate = resolve(base, `.${sep}${rest}`);
    if (candidate !== base && !candidate.startsWith(base + sep)) return null;
    let file = candidate;
    try {
      let stats = statSync(file);
      if (stats.isDirectory()) {
        file = join(file, 'index.html');
        stats = statSync(file);
      }
      if (stats.isFile()) return { file, stats };
    } catch {
      // Not in this root: try the next one.
    }
  }
  return null;
}

/**
 * True when a request's `Host` header names this machine: `localhost` (or a name under it),
 * 127.x.x.x or `[::1]`, with any port. A page on another site that rebinds its own name to
 * 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    name === '[::1]' ||
    /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(name)
  );
}

/**
 * Work to do before a path is served (exporting another project's data on its first request);
 * a rejection answers 503 with its message.
 */
export type PrepareRequest = (urlPath: string) => Promise<void>;

function handle(
  roots: readonly StaticRoot[],
  request: IncomingMessage,
  response: ServerResponse,
  prepare?: PrepareRequest,
) {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  if (!isLoopbackHost(request.headers.host)) {
    response.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('this server answers only to localhost and 127.0.0.1\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    response.end('method not allowed\n');
    return;
  }
  const urlPath = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  if (prepare) {
    prepare(urlPath).then(
      () => serveFile(roots, urlPath, request, response),
      (error: unknown) => {
        response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end(`${error instanceof Error ? error.message : String(error)}\n`);
      },
    );
    return;
  }
  serveFile(roots, urlPath, request, response);
}

function serveFile(
  roots: readonly StaticRoot[],
  urlPath: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const found = resolveStaticPath(roots, urlPath);
  if (!found) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('not found\n');
    return;
  }
  const { file, stats } = found;
  const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(stats.size),
    ETag: etag,
    // Vite names built assets by their content hash: they never change under their name.
    'Cache-Control': urlPath.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  };
  if (file.endsWith('.html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { ETag: etag, 'Cache-Control': headers['Cache-Control']! });
    response.end();
    return;
  }
  response.writeHead(200, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/**
 * Serves `roots` on 127.0.0.1:`port` (0: any free port). Throws `bad-input` when the port is
 * taken, naming it.
 */
export function startStaticServer(
  roots: readonly StaticRoot[],
  options: { port: number; host?: string; prepare?: PrepareRequest },
): Promise<StaticServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) =>
    handle(roots, request, response, options.prepare),
  );
  return new Promise((resolvePromise, reject) => {
    server.once('error', (cause: NodeJS.ErrnoException) => {
      reject(
        cause.code === 'EADDRINUSE' || cause.code === 'EACCES'
          ? new BarometerError(
              'bad-input',
              `port ${options.port} on ${host} is ${cause.code === 'EACCES' ? 'not allowed' : 'in use'}; choose another with --port N`,
              { field: '--port', value: options.port },
              { cause },
            )
          : cause,
      );
    });
    server.listen(options.port, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      resolvePromise({
        url: `http://${host}:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
