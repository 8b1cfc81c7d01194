/**
 * What the facade's handlers take and give: a request already authenticated (who asks,
 * impersonation applied) and a response that is JSON, text, or a stream (watch, logs
 * with follow). Handlers know nothing of node:http; facade.ts adapts them.
 */
import type { Cluster } from '../src/cluster';
import type { UserInfo } from '../src/rbac/authorizer';
import { badRequest } from './status';
import type { WatchSink } from './watch';
import type { WatchLog } from './watchlog';

export interface ApiRequest {
  method: string;
  /** The URL path, without the query. */
  path: string;
  query: URLSearchParams;
  /** The Accept header ('' when absent). */
  accept: string;
  /** The Content-Type header ('' when absent). */
  contentType: string;
  /** The body as text (JSON, YAML). */
  body: string;
  /** The body's bytes (protobuf). */
  raw: Buffer;
  /** Who the request runs as (the token's administrator, or who Impersonate-User names). */
  user: UserInfo;
}

export type ApiResponse =
  | { kind: 'json'; status: number; body: unknown; contentType?: string; warnings?: readonly string[] }
  | { kind: 'text'; status: number; text: string; contentType?: string }
  | { kind: 'stream'; status: number; contentType: string; start(sink: WatchSink): () => void };

/** What the handlers reach: the cluster of the moment and its watch log. */
export interface ServeContext {
  cluster(): Cluster;
  log(): WatchLog;
  /** `127.0.0.1:PORT`, for /api's serverAddressByClientCIDRs. */
  serverAddress(): string;
  /** Called after a write: settles the controllers and tells the owner (saving, views). */
  changed(): void;
  /** Real-time timers, for log follow and watch timeouts (tests may stub them). */
  timers: Timers;
}

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const json = (body: unknown, status = 200, contentType?: string, warnings?: readonly string[]): ApiResponse => ({
  kind: 'json',
  status,
  body,
  ...(contentType === undefined ? {} : { contentType }),
  ...(warnings === undefined || warnings.length === 0 ? {} : { warnings }),
});

/** The query parameter, or '' when absent. */
export const param = (request: ApiRequest, name: string): string => request.query.get(name) ?? '';

/** `dryRun=All` (the only value the API server accepts), or the 400 for another. */
export function dryRunOf(request: ApiRequest): boolean {
  const values = request.query.getAll('dryRun');
  for (const value of values) {
    if (value !== 'All') {
      throw badRequest(`dryRun: Unsupported value: ${JSON.stringify(value)}: supported values: "All"`, 'dryRun accepte une seule valeur : All (le serveur vérifie tout et n’enregistre rien).');
    }
  }
  return values.length > 0;
}
