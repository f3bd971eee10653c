/**
 * A real HTTP server on 127.0.0.1 that answers the GitHub REST endpoints the collector uses, with
 * JSON in the shape GitHub gives (recorded field sets, trimmed of URLs nobody reads), pagination
 * through `Link` headers, and faults queued by the test: rate limits, 5xx, dropped connections,
 * and a server misbehaving: a body trickled byte by byte, a body without end, a `Link` to the
 * same page or to another server.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitHubShapes } from './github-shapes.ts';

/** A user as the test describes it. */
export interface FakeUser {
  login: string;
  id: number;
  name: string | null;
  company: string | null;
}

/** A review as the test describes it. */
export interface FakeReview {
  id: number;
  user: string | null;
  state: string;
  submitted_at?: string;
}

/** A commit of a pull request as the test describes it. */
export interface FakeCommit {
  sha: string;
  login: string | null;
  name: string;
  email: string;
  date: string;
}

/** A pull request as the test describes it; `detail` overrides fields of the single-PR answer. */
export interface FakePull {
  number: number;
  user: string | null;
  state: 'open' | 'closed';
  title: string;
  base: string;
  created_at: string;
  updated_at: string;
  merged_at: string | null;
  closed_at: string | null;
  additions: number;
  deletions: number;
  review_comments: number;
  reviews: FakeReview[];
  commits: FakeCommit[];
  detail?: Record<string, unknown>;
  /** Listed, but its own endpoints answer 404 (GitHub removed it). */
  gone?: boolean;
}

/** A repository; `refuse` answers every request about it with that status. */
export interface FakeRepository {
  full_name: string;
  pulls: FakePull[];
  refuse?: 403 | 404;
}

/** What the server knows. Tests change it between runs. */
export interface FakeState {
  token: string;
  orgs: Record<string, string[]>;
  repositories: Record<string, FakeRepository>;
  users: Record<string, FakeUser>;
  /** Items per page of every list endpoint (GitHub's per_page is ignored, as a server may). */
  pageSize: number;
}

/** A fault served instead of the answer to the next request(s) whose path matches. */
export interface Fault {
  /** Exact pathname (no query), e.g. `/repos/acme/widgets/pulls`. */
  path: string;
  /**
   * `hang`: never answer. `trickle`: answer 200, then one byte of the body every `intervalMs`,
   * without end. `endless`: answer 200 and stream a body without end. `self-link`: the normal
   * answer with `Link: rel="next"` to the same page. `foreign-link`: the normal answer with
   * `Link: rel="next"` to the same path on the server `to`.
   */
  kind:
    | 'primary'
    | 'secondary'
    | 'status'
    | 'drop'
    | 'hang'
    | 'trickle'
    | 'endless'
    | 'self-link'
    | 'foreign-link';
  /** For `trickle`: milliseconds between bytes. Default: 100. */
  intervalMs?: number;
  /** For `foreign-link`: the other server's base URL. */
  to?: string;
  /** For `primary` and `secondary`: 403 or 429; for `status`: the status to answer. */
  status?: number;
  /** Seconds after the test clock's "now" when a primary limit resets. Default: 2. */
  resetIn?: number;
  /** Seconds of `retry-after` for a secondary limit. Default: 3. */
  retryAfter?: number;
  /** How many matching requests get the fault. Default: 1. */
  times?: number;
}

/** One request as the server saw it. */
export interface SeenRequest {
  method: string;
  /** Pathname and query, as sent. */
  url: string;
  /** Pathname only. */
  path: string;
  authorization: string | undefined;
}

/** The running server. */
export interface FakeGitHub {
  url: string;
  state: FakeState;
  faults: Fault[];
  requests: SeenRequest[];
  /** Requests as `GET /path` (no query), in order. */
  paths(): string[];
  /** Resolves when a request for the pathname `path` arrives (or has arrived). */
  requested(path: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 (a free port). `now` is the test clock, for reset times. */
export async function startFakeGitHub(state: FakeState, now: () => Date): Promise<FakeGitHub> {
  const faults: Fault[] = [];
  const requests: SeenRequest[] = [];
  let base = '';
  const shapes = new GitHubShapes(state, () => base);
  const waiting: Array<{ path: string; resolve: () => void }> = [];
  /** Headers a fault adds to the normal answer of a request. */
  const extraHeaders = new WeakMap<ServerResponse, Record<string, string>>();

  function send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) {
    const reset = String(Math.floor(now().getTime() / 1000) + 3600);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': `ABCD:${requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4990',
      'x-ratelimit-reset': reset,
      'x-ratelimit-resource': 'core',
      ...headers,
      ...extraHeaders.get(res),
    });
    res.end(JSON.stringify(body));
  }

  function sendPage(res: ServerResponse, url: URL, items: unknown[]) {
    const page = Math.max(1, Number(url.searchParams.get('page') ?? '1'));
    const pages = Math.max(1, Math.ceil(items.length / state.pageSize));
    const link = (n: number, rel: string) => {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(n));
      return `<${base}${next.pathname}${next.search}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < pages) links.push(link(page + 1, 'next'), link(pages, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    const slice = items.slice((page - 1) * state.pageSize, page * state.pageSize);
    send(res, 200, slice, links.length ? { link: links.join(', ') } : {});
  }

  const notFound = {
    message: 'Not Found',
    documentation_url: 'https://docs.github.example/rest',
    status: '404',
  };

  function answer(req: IncomingMessage, res: ServerResponse, url: URL) {
    const auth = req.headers.authorization;
    if (auth !== `token ${state.token}` && auth !== `Bearer ${state.token}`) {
      // A hostile server may echo what it was sent; the collector must scrub it.
      send(res, 401, {
        message: `Bad credentials (${auth ?? 'none'})`,
        documentation_url: 'https://docs.github.example/rest',
        status: '401',
      });
      return;
    }
    const path = url.pathname;
    let m: RegExpMatchArray | null;
    if ((m = path.match(/^\/(orgs|users)\/([^/]+)\/repos$/))) {
      const names = state.orgs[decodeURIComponent(m[2]!)];
      if (!names || m[1] === 'users') return send(res, 404, notFound);
      return sendPage(
        res,
        url,
        names.map((n, i) => shapes.repository(n, 500 + i)),
      );
    }
    if ((m = path.match(/^\/users\/([^/]+)$/))) {
      const login = decodeURIComponent(m[1]!);
      return state.users[login] ? send(res, 200, shapes.profile(login)) : send(res, 404, notFound);
    }
    if ((m = path.match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/))) {
      const fullName = `${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`;
      const key = Object.keys(state.repositories).find(
        (k) => k.toLowerCase() === fullName.toLowerCase(),
      );
      const repository = key ? state.repositories[key] : undefined;
      if (!repository || repository.refuse === 404) return send(res, 404, notFound);
      if (repository.refuse === 403) {
        return send(res, 403, {
          message: `Resource not accessible by personal access token (${auth})`,
          documentation_url: 'https://docs.github.example/rest',
          status: '403',
        });
      }
      const rest = m[3] ?? '';
      if (rest === '') return send(res, 200, shapes.repository(repository.full_name, 700));
      if (rest === '/pulls') {
        const pulls = [...repository.pulls].sort((a, b) =>
          b.updated_at.localeCompare(a.updated_at),
        );
        return sendPage(
          res,
          url,
          pulls.map((p) => shapes.pull(repository, p)),
        );
      }
      const p = rest.match(/^\/pulls\/(\d+)(\/reviews|\/commits)?$/);
      const pull = p ? repository.pulls.find((x) => x.number === Number(p[1])) : undefined;
      if (!p || !pull || pull.gone) return send(res, 404, notFound);
      if (p[2] === '/reviews') {
        return sendPage(
          res,
          url,
          pull.reviews.map((r) => shapes.review(repository, pull, r)),
        );
      }
      if (p[2] === '/commits')
        return sendPage(
          res,
          url,
          pull.commits.map((c) => shapes.commit(c)),
        );
      return send(res, 200, shapes.detail(repository, pull));
    }
    send(res, 404, notFound);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({
      method: req.method ?? 'GET',
      url: `${url.pathname}${url.search}`,
      path: url.pathname,
      authorization: req.headers.authorization,
    });
    for (const waiter of waiting.filter((w) => w.path === url.pathname)) waiter.resolve();
    const index = faults.findIndex((f) => f.path === url.pathname);
    if (index >= 0) {
      const fault = faults[index]!;
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.splice(index, 1);
      if (fault.kind === 'hang') return;
      if (fault.kind === 'self-link' || fault.kind === 'foreign-link') {
        const target = `${fault.kind === 'self-link' ? base : fault.to}${url.pathname}${url.search}`;
        extraHeaders.set(res, { link: `<${target}>; rel="next"` });
        return answer(req, res, url);
      }
      if (fault.kind === 'trickle' || fault.kind === 'endless') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        const chunk = fault.kind === 'trickle' ? '[' : `[${' '.repeat(64 * 1024)}`;
        const timer = setInterval(
          () => {
            if (!res.destroyed && res.writableLength < 1 << 20) res.write(chunk);
          },
          fault.kind === 'trickle' ? (fault.intervalMs ?? 100) : 1,
        );
        res.on('close', () => clearInterval(timer));
        return;
      }
      if (fault.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'primary') {
        const reset = Math.floor(now().getTime() / 1000) + (fault.resetIn ?? 2);
        return send(
          res,
          fault.status ?? 403,
          {
            message: 'API rate limit exceeded for user ID 1.',
            documentation_url: 'https://docs.github.example/rest/rate-limit',
          },
          { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
        );
      }
      if (fault.kind === 'secondary') {
        return send(
          res,
          fault.status ?? 403,
          {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes.',
            documentation_url: 'https://docs.github.example/rest/secondary-rate-limits',
          },
          { 'retry-after': String(fault.retryAfter ?? 3) },
        );
      }
      const status = fault.status ?? 502;
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(`<html><body><h1>${status} ${STATUS_CODES[status]}</h1></body></html>`);
      return;
    }
    answer(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    state,
    faults,
    requests,
    paths: () => requests.map((r) => `${r.method} ${r.path}`),
    requested: (path) =>
      requests.some((r) => r.path === path)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiting.push({ path, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
