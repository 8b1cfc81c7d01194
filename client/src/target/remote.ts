/**
 * Requests to a real API server, for one kubeconfig context, through
 * @kubernetes/client-node: it applies the context's credentials (token, client
 * certificate, exec plugin, impersonation) and trusts its certificate authority. Bodies
 * stay plain JSON, as the server sent them (client-node's typed models would turn
 * timestamps into Dates and drop fields they do not know), so the simulator's printers
 * read them like the objects of the simulated store.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { Writable } from 'node:stream';
import { Log, Watch, type KubeConfig } from '@kubernetes/client-node';
import type { KindInfo } from '../../../simulator/src/api/catalog';
import type { KubeObject } from '../../../simulator/src/store/store';
import { connectionFailure, credentialsFailure, statusFailure, RemoteError } from './remoteErrors';

export interface RequestOptions {
  query?: Record<string, string>;
  body?: string;
  contentType?: string;
  accept?: string;
}

export interface RemoteResponse {
  status: number;
  text: string;
  /** The Warning headers' texts (`299 - "text"` → `text`). */
  warnings: string[];
}

/** How long a request may wait for an answer before the server counts as unreachable. */
const DEFAULT_TIMEOUT_MS = 15_000;

/** `299 - "text"` (RFC 7234), as the API server writes its warnings. */
function warningTexts(header: string | string[] | undefined): string[] {
  const values = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return values.map((value) => /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(value)?.[1]?.replace(/\\(.)/g, '$1') ?? value);
}

export class RemoteClient {
  constructor(
    /** The context's name, for messages. */
    readonly context: string,
    /** A configuration whose current context is `context`. */
    readonly config: KubeConfig,
    private readonly timeoutMs = DEFAULT_TIMEOUT_MS,
  ) {}

  /** The API server's URL. */
  get server(): string {
    return this.config.getCurrentCluster()?.server ?? '';
  }

  /** The context's namespace, where objects without one go (kubectl's rule). */
  get namespace(): string {
    return this.config.getContextObject(this.context)?.namespace || 'default';
  }

  /** `/apis/apps/v1/namespaces/default/deployments/web`: where an object (or a list) lives. */
  resourcePath(info: Pick<KindInfo, 'group' | 'version' | 'resource' | 'namespaced'>, namespace = '', name = ''): string {
    const base = info.group === '' ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
    const scope = info.namespaced && namespace !== '' ? `/namespaces/${encodeURIComponent(namespace)}` : '';
    return `${base}${scope}/${info.resource}${name === '' ? '' : `/${encodeURIComponent(name)}`}`;
  }

  /** One request; resolves with any 2xx answer, rejects with a RemoteError otherwise. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<RemoteResponse> {
    const url = new URL(this.server + path);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', 'User-Agent': 'atelier-kubernetes' };
    if (options.contentType) headers['Content-Type'] = options.contentType;
    // Node frames the body of a DELETE only when told its length.
    if (options.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(options.body));
    const request: https.RequestOptions = { method, headers };
    try {
      await this.config.applyToHTTPSOptions(request);
    } catch (error) {
      throw credentialsFailure(error, this.context);
    }
    const response = await new Promise<RemoteResponse>((resolve, reject) => {
      const send = url.protocol === 'http:' ? http.request : https.request;
      const req = send(url, request, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), warnings: warningTexts(res.headers.warning) }));
        res.on('error', (error) => reject(connectionFailure(error, this.server, this.context)));
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(Object.assign(new Error(`dial tcp ${url.host}: i/o timeout`), { code: 'ETIMEDOUT' })));
      req.on('error', (error) => reject(connectionFailure(error, this.server, this.context)));
      req.end(options.body);
    });
    if (response.status < 200 || response.status > 299) throw statusFailure(response.status, response.text, this.context);
    return response;
  }

  /** A request whose answer is a JSON object. */
  async json(method: string, path: string, options: RequestOptions = {}): Promise<KubeObject> {
    const { text } = await this.request(method, path, options);
    return JSON.parse(text) as KubeObject;
  }

  /**
   * The objects of a kind, in one namespace or all ('' ), with their apiVersion and kind
   * set (a List's items carry neither), and the list's resourceVersion to watch from.
   */
  async list(info: KindInfo, namespace = ''): Promise<{ apiVersion: string; kind: string; metadata: { resourceVersion: string }; items: KubeObject[] }> {
    const list = await this.json('GET', this.resourcePath(info, namespace));
    const items = Array.isArray(list.items) ? (list.items as KubeObject[]) : [];
    const version = (list.metadata as { resourceVersion?: unknown } | undefined)?.resourceVersion;
    const resourceVersion = typeof version === 'string' ? version : '';
    return { apiVersion: info.apiVersion, kind: `${info.kind}List`, metadata: { resourceVersion }, items: items.map((item) => ({ ...item, apiVersion: info.apiVersion, kind: info.kind })) };
  }

  /** client-node's watcher (one streamed request per call), for its informers. */
  watcher(): Watch {
    return new Watch(this.config);
  }

  /**
   * A container's log (`kubectl logs POD -c CONTAINER --tail=N`), through client-node's
   * Log. Its errors carry no server text, so on a failure the same request is made again
   * to read the server's Status (`container "web" ... is waiting to start: ContainerCreating`).
   */
  async logs(namespace: string, pod: string, container: string, tailLines: number): Promise<string> {
    const chunks: Buffer[] = [];
    const done = new Promise<void>((resolve, reject) => {
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          chunks.push(Buffer.from(chunk));
          callback();
        },
      });
      sink.on('finish', resolve);
      sink.on('error', reject);
      new Log(this.config).log(namespace, pod, container, sink, { follow: false, tailLines, pretty: false, timestamps: false }).catch(reject);
    });
    try {
      await done;
    } catch (error) {
      if (error instanceof RemoteError) throw error;
      const path = `${this.resourcePath({ group: '', version: 'v1', resource: 'pods', namespaced: true }, namespace, pod)}/log`;
      // Throws the server's own refusal (or the connection's).
      const { text } = await this.request('GET', path, { query: { container, tailLines: String(tailLines) }, accept: '*/*' });
      return text;
    }
    return Buffer.concat(chunks).toString('utf8');
  }
}
