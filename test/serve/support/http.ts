/**
 * Plain HTTPS requests to a facade (its certificate trusted, its token sent), for the
 * tests that look at the API itself: status codes, headers, bodies, streamed lines.
 */
import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Facade } from '../../../simulator/serve/facade';

export interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): Record<string, unknown>;
}

export interface RequestOptions {
  headers?: Record<string, string | string[]>;
  body?: string | Buffer | object;
  /** Send no Authorization header. */
  anonymous?: boolean;
}

function open(facade: Facade, method: string, path: string, options: RequestOptions) {
  const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) || typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string | string[]> = { ...(options.anonymous ? {} : { Authorization: `Bearer ${facade.token}` }), ...options.headers };
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const req = httpsRequest({ host: '127.0.0.1', port: facade.port, method, path, headers, ca: facade.ca });
  if (body !== undefined) req.write(body);
  req.end();
  return req;
}

/** One request, its whole answer. */
export function call(facade: Facade, method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = open(facade, method, path, options);
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
      });
    });
  });
}

export interface Stream {
  status: Promise<number>;
  /** The lines received so far. */
  lines: string[];
  /** Resolves when `predicate` holds for the lines received (checked on each chunk). */
  until(predicate: (lines: readonly string[]) => boolean): Promise<readonly string[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** A streamed answer (watch, logs with follow), line by line. */
export function stream(facade: Facade, path: string, options: RequestOptions = {}): Stream {
  const lines: string[] = [];
  const waiters: { predicate: (lines: readonly string[]) => boolean; resolve: (lines: readonly string[]) => void }[] = [];
  let buffer = '';
  let resolveStatus: (status: number) => void = () => undefined;
  let resolveEnded: () => void = () => undefined;
  const status = new Promise<number>((resolve) => (resolveStatus = resolve));
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const check = (): void => {
    for (const waiter of [...waiters]) {
      if (!waiter.predicate(lines)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve([...lines]);
    }
  };
  const req = open(facade, 'GET', path, options);
  req.on('error', () => resolveEnded());
  req.on('response', (res) => {
    resolveStatus(res.statusCode ?? 0);
    res.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      lines.push(...parts);
      check();
    });
    res.on('end', () => {
      if (buffer !== '') lines.push(buffer);
      check();
      resolveEnded();
    });
    res.on('error', () => resolveEnded());
  });
  return {
    status,
    lines,
    until: (predicate) =>
      new Promise((resolve) => {
        waiters.push({ predicate, resolve });
        check();
      }),
    ended,
    close: () => req.destroy(),
  };
}
