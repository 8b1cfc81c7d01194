/**
 * GET pods/NAME/log: a container's output as plain text, the lines the simulated kubelet
 * computes (simulator/src/kubelet/logs.ts), with the kubelet's options: container,
 * previous, tailLines, sinceSeconds, sinceTime, timestamps, limitBytes, and follow,
 * which keeps the response open and sends new lines as simulated time passes, until the
 * container stops or the Pod goes.
 */
import { kindInfo } from '../src/api/catalog';
import { str } from '../src/kubectl/fields';
import { logLines, readerOf } from '../src/kubelet/logs';
import type { LogLine } from '../src/kubelet/model';
import { isJsonObject, type JsonObject } from '../src/store/json';
import type { KubeObject } from '../src/store/store';
import { param, type ApiRequest, type ApiResponse, type ServeContext } from './api';
import { badRequest } from './status';

const PODS = kindInfo('v1', 'Pod')!;
/** How often a follower looks for new lines (real milliseconds). */
const FOLLOW_POLL_MS = 500;

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/** RFC 3339 with nanoseconds, as the container runtime stamps each line. */
const stamp = (at: number): string => new Date(at).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');

function intParam(request: ApiRequest, name: string): number | undefined {
  const value = param(request, name);
  if (value === '') return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw badRequest(`${name}: Invalid value: ${value}: must be greater than or equal to 0`, `${name} attend un entier positif.`);
  return number;
}

/** True while the container runs (a follower keeps waiting for lines). */
function running(pod: KubeObject | undefined, container: string): boolean {
  if (!pod) return false;
  const statuses = [...(Array.isArray(obj(pod.status).initContainerStatuses) ? (obj(pod.status).initContainerStatuses as unknown[]) : []), ...(Array.isArray(obj(pod.status).containerStatuses) ? (obj(pod.status).containerStatuses as unknown[]) : [])];
  const status = statuses.map(obj).find((entry) => entry.name === container);
  return status !== undefined && isJsonObject(obj(status.state).running);
}

/** Serves pods/NAME/log. */
export function podLog(context: ServeContext, request: ApiRequest, namespace: string, name: string): ApiResponse {
  const store = context.cluster().store;
  const pod = store.get(PODS, namespace, name);
  const container = param(request, 'container') || undefined;
  const previous = param(request, 'previous') === 'true';
  const tail = intParam(request, 'tailLines');
  const sinceSeconds = intParam(request, 'sinceSeconds');
  const sinceTime = param(request, 'sinceTime');
  const limitBytes = intParam(request, 'limitBytes');
  const timestamps = param(request, 'timestamps') === 'true';
  const read = (from: KubeObject): LogLine[] => {
    const now = context.cluster().clock.now();
    let lines = logLines(readerOf(context.cluster().store), from, { ...(container ? { container } : {}), previous, now });
    const since = sinceSeconds !== undefined ? now - sinceSeconds * 1000 : sinceTime !== '' ? Date.parse(sinceTime) : undefined;
    if (since !== undefined && !Number.isNaN(since)) lines = lines.filter((line) => line.at >= since);
    return lines;
  };
  const format = (lines: readonly LogLine[]): string => lines.map((line) => `${timestamps ? `${stamp(line.at)} ` : ''}${line.text}\n`).join('');
  const first = read(pod);
  const shown = tail !== undefined ? first.slice(Math.max(0, first.length - tail)) : first;
  let text = format(shown);
  if (limitBytes !== undefined) text = Buffer.from(text).subarray(0, limitBytes).toString('utf8');
  if (param(request, 'follow') !== 'true' || previous) return { kind: 'text', status: 200, text, contentType: 'text/plain' };
  const containerName = container ?? str(obj((obj(pod.spec).containers as unknown[] | undefined)?.[0]).name);
  return {
    kind: 'stream',
    status: 200,
    contentType: 'text/plain',
    start(sink) {
      if (text !== '') sink.write(text.replace(/\n$/, ''));
      let sent = first.length;
      const poll = (): void => {
        const current = context.cluster().store.find(PODS, namespace, name);
        let lines: LogLine[] = [];
        try {
          lines = current ? read(current) : [];
        } catch {
          lines = [];
        }
        if (lines.length > sent) sink.write(format(lines.slice(sent)).replace(/\n$/, ''));
        sent = Math.max(sent, lines.length);
        if (!running(current, containerName)) sink.end();
      };
      const timer = context.timers.setInterval(poll, FOLLOW_POLL_MS);
      return () => context.timers.clearInterval(timer);
    },
  };
}
