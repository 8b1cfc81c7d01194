/**
 * The Kubernetes HTTP API over a simulated cluster, on 127.0.0.1: what lets the real
 * kubectl (or any client: @kubernetes/client-node, k9s...) talk to the Atelier. It speaks
 * HTTPS with a certificate made at start (kubectl sends credentials over TLS only), and a
 * bearer token, generated per facade, is required on every request. After each write the
 * controllers run what is due (settleMs of simulated time, 0 by default: progress then
 * shows as simulated time passes), and a ticker moves simulated time along with the
 * real one, as the extension does. The cluster may be a getter, so that an owner that
 * replaces its cluster (reset, import) keeps one facade; open watches then end, and
 * clients list again.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Cluster } from '../src/cluster';
import type { ApiRequest, ApiResponse, ServeContext, Timers } from './api';
import { selfSignedIdentity } from './certificate';
import { dispatch } from './dispatch';
import { hasToken, identityOf, unauthorized } from './identity';
import { kubeconfigText } from './kubeconfig';
import { route } from './routes';
import { statusOf, type StatusSubject } from './status';
import { Ticker, REAL_CLOCK, type TickerClock } from './ticker';
import { WatchLog } from './watchlog';

export interface FacadeOptions {
  /** The cluster, or a getter for an owner that replaces it. */
  cluster: Cluster | (() => Cluster);
  /** 0 (default): a free port. */
  port?: number;
  /** Default: a new random token (32 bytes, hex). */
  token?: string;
  /** Simulated milliseconds the controllers may take after each write (default 0). */
  settleMs?: number;
  /** The ticker moving simulated time (default: running at ×1); false when the owner has its own. */
  ticker?: false | { speed?: number; paused?: boolean; clock?: TickerClock };
  /** Serve aggregated discovery when asked (default true). */
  aggregatedDiscovery?: boolean;
  /** Called after every change the facade made (a write, a tick): for saving, for views. */
  onChange?: () => void;
  /** A tick that failed (a controller bug): the facade goes on serving. */
  onError?: (error: unknown) => void;
  timers?: Timers;
}

export interface Facade {
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** The PEM certificate the facade serves, which clients trust as their CA. */
  readonly ca: string;
  /** Absent when the owner ticks itself (options.ticker false). */
  readonly ticker?: Ticker;
  /** How many responses are streaming now (watches, logs with follow). */
  readonly openStreams: number;
  /** A kubeconfig (cluster, user and context `atelier`) pointing at this facade. */
  kubeconfig(existing?: string): string;
  /** Stops serving: open streams end, the ticker stops. */
  close(): Promise<void>;
}

const REAL_TIMERS: Timers = {
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The Warning header's value: `299 - "text"` (RFC 7234), as the API server writes it. */
const warningHeader = (text: string): string => `299 - ${JSON.stringify(text)}`;

/** What a failed request was about, for the Status details (name, group, resource, kind). */
function subjectOf(url: string): StatusSubject | undefined {
  let target;
  try {
    target = route(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (target.type !== 'resource') return undefined;
  const { info, name } = target.target;
  return { ...(name ? { name } : {}), group: info.group, resource: info.resource, kind: info.kind };
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Starts serving; resolves once the port is open. */
export async function startFacade(options: FacadeOptions): Promise<Facade> {
  const getCluster = typeof options.cluster === 'function' ? options.cluster : ((cluster: Cluster) => () => cluster)(options.cluster);
  const token = options.token ?? randomBytes(32).toString('hex');
  const timers = options.timers ?? REAL_TIMERS;
  const streams = new Set<() => void>();
  /** Set by close(): a stream that starts afterwards (its request was still being read) ends at once. */
  let closed = false;
  let logged: { cluster: Cluster; log: WatchLog } | undefined;
  let address = '127.0.0.1:0';

  const log = (): WatchLog => {
    const cluster = getCluster();
    if (logged?.cluster !== cluster) {
      // A new cluster: the old one's watches end, their clients list again.
      logged?.log.dispose();
      for (const end of [...streams]) end();
      logged = { cluster, log: new WatchLog(cluster.store) };
    }
    return logged.log;
  };
  const notify = (): void => options.onChange?.();
  const context: ServeContext = {
    cluster: () => {
      log();
      return getCluster();
    },
    log,
    serverAddress: () => address,
    changed() {
      try {
        getCluster().settle({ maxSimulatedMs: options.settleMs ?? 0 });
      } catch (error) {
        // The write itself succeeded: a controller's failure is the simulator's, not the request's.
        options.onError?.(error);
      }
      notify();
    },
    timers,
  };
  log();

  const identity = selfSignedIdentity();
  const server = createServer({ cert: identity.cert, key: identity.key }, (req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let response: ApiResponse;
    try {
      const raw = await readBody(req);
      if (!hasToken(req.headers.authorization, token)) throw unauthorized();
      const url = new URL(req.url ?? '/', 'http://localhost');
      const request: ApiRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        accept: req.headers.accept ?? '',
        contentType: req.headers['content-type'] ?? '',
        body: raw.toString('utf8'),
        raw,
        user: identityOf(req.headersDistinct['impersonate-user'] ?? [], req.headersDistinct['impersonate-group'] ?? []),
      };
      response = dispatch(context, request, { aggregatedDiscovery: options.aggregatedDiscovery ?? true });
    } catch (error) {
      const { code, body } = statusOf(error, subjectOf(req.url ?? '/'));
      response = { kind: 'json', status: code, body };
    }
    try {
      send(req, res, response);
    } catch (error) {
      options.onError?.(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  }

  function send(req: IncomingMessage, res: ServerResponse, response: ApiResponse): void {
    if (response.kind === 'stream') {
      res.writeHead(response.status, { 'Content-Type': response.contentType, 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
      res.flushHeaders();
      let stopped = false;
      const handle: { stop?: () => void } = {};
      const end = (): void => {
        if (stopped) return;
        stopped = true;
        streams.delete(end);
        handle.stop?.();
        res.end();
      };
      streams.add(end);
      handle.stop = response.start({ write: (line) => void res.write(`${line}\n`), end });
      if (stopped) handle.stop();
      req.on('close', end);
      // The client went away, or close() ran, while this request was still being read:
      // its 'close' event has passed, so end now or the watch's timer would keep Node alive.
      if (closed || req.socket.destroyed) end();
      return;
    }
    const text = response.kind === 'json' ? JSON.stringify(response.body) : response.text;
    const headers: Record<string, string | string[]> = {
      'Content-Type': response.contentType ?? (response.kind === 'json' ? 'application/json' : 'text/plain'),
      'Content-Length': String(Buffer.byteLength(text)),
      'Cache-Control': 'no-cache, private',
    };
    if (response.kind === 'json' && response.warnings) headers.Warning = response.warnings.map(warningHeader);
    res.writeHead(response.status, headers);
    res.end(req.method === 'HEAD' ? undefined : text);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  address = `127.0.0.1:${port}`;
  const url = `https://${address}`;

  let ticker: Ticker | undefined;
  if (options.ticker !== false) {
    ticker = new Ticker(
      (ms) => {
        try {
          getCluster().advance(ms);
        } catch (error) {
          options.onError?.(error);
        }
        notify();
      },
      options.ticker?.clock ?? REAL_CLOCK,
    );
    ticker.speed = options.ticker?.speed ?? 1;
    if (!options.ticker?.paused) ticker.resume();
  }

  return {
    url,
    port,
    token,
    ca: identity.cert,
    get openStreams() {
      return streams.size;
    },
    ...(ticker ? { ticker } : {}),
    kubeconfig: (existing?: string) => kubeconfigText({ server: url, token, ca: identity.cert }, existing),
    close: () =>
      new Promise<void>((resolve) => {
        closed = true;
        ticker?.dispose();
        for (const end of [...streams]) end();
        logged?.log.dispose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
