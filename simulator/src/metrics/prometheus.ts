/**
 * What the monitoring images serve from the simulated cluster:
 * - kube-state-metrics (registry.k8s.io/kube-state-metrics/kube-state-metrics) answers its
 *   `/metrics` with the cluster's kube-state-metrics families;
 * - prom/prometheus answers `/api/v1/query` (instant queries, promql.ts) and `/federate`
 *   with the series it would hold, its own `/metrics` staying its own.
 *
 * Simplified, said here: the simulated Prometheus does not read its scrape configuration.
 * It holds what a kube-prometheus-stack-like setup collects: its own `up`, the
 * kube-state-metrics series while a kube-state-metrics container runs in the cluster
 * (job "kube-state-metrics", instance its Pod's address) and the kubelets' cAdvisor
 * series (job "kubernetes-cadvisor", instance the node), all computed from the current
 * state (no history: see promql.ts for what that means for rate()).
 */
import { kindInfo } from '../api/catalog';
import type { StateReader } from '../kubelet/replay';
import { isJsonObject, type JsonObject } from '../store/json';
import { cadvisorFamilies } from './cadvisor';
import { goFloat, renderFamily, type Family } from './exposition';
import { kubeStateFamilies } from './kubestate';
import { instantQuery, parseSelector, PromQLError, type Series } from './promql';

const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;

/** The kube-state-metrics image, as its containers' status names it. */
export const KUBE_STATE_METRICS_IMAGE = 'registry.k8s.io/kube-state-metrics/kube-state-metrics';

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export interface MetricsAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** kube-state-metrics' /metrics: the text format of its families for the cluster. */
export function kubeStateMetricsText(reader: StateReader): string {
  return kubeStateFamilies(reader).map(renderFamily).join('');
}

/** The addresses (`podIP:8080`) of the kube-state-metrics containers that run now. */
function kubeStateTargets(reader: StateReader): string[] {
  return reader.list(PODS).flatMap((pod) => {
    const status = obj(pod.status);
    const running = list(status.containerStatuses).some((container) => text(container.image).includes(KUBE_STATE_METRICS_IMAGE) && isJsonObject(obj(container.state).running));
    return running && text(status.podIP) !== '' ? [`${text(status.podIP)}:8080`] : [];
  });
}

/** Samples of families as series, with the target's labels added. */
function seriesOf(families: readonly Family[], target: (labels: Record<string, string>) => Record<string, string>): Series[] {
  return families.flatMap((family) =>
    family.samples.map((sample) => {
      const labels: Record<string, string> = { __name__: family.name, ...Object.fromEntries(sample.labels) };
      return { labels: { ...labels, ...target(labels) }, value: sample.value };
    }),
  );
}

/** The series the simulated Prometheus holds at `at` (epoch ms). */
export function prometheusSeries(reader: StateReader, at: number): Series[] {
  const up: Series[] = [{ labels: { __name__: 'up', instance: 'localhost:9090', job: 'prometheus' }, value: 1 }];
  const out: Series[] = [];
  const [ksm] = kubeStateTargets(reader);
  if (ksm) {
    up.push({ labels: { __name__: 'up', instance: ksm, job: 'kube-state-metrics' }, value: 1 });
    out.push(...seriesOf(kubeStateFamilies(reader), () => ({ instance: ksm, job: 'kube-state-metrics' })));
  }
  for (const node of reader.list(NODES)) {
    const ready = list(obj(node.status).conditions).some((condition) => condition.type === 'Ready' && condition.status === 'True');
    up.push({ labels: { __name__: 'up', instance: text(obj(node.metadata).name), job: 'kubernetes-cadvisor' }, value: ready ? 1 : 0 });
  }
  const nodeOf = (labels: Record<string, string>): string => text(obj(reader.get(PODS, labels.namespace ?? '', labels.pod ?? '')?.spec).nodeName);
  out.push(...seriesOf(cadvisorFamilies(reader, at), (labels) => ({ instance: nodeOf(labels), job: 'kubernetes-cadvisor' })));
  return [...up, ...out];
}

/** strconv.FormatFloat(v, 'f', -1, 64), as the query API writes sample values. */
function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  const shortest = String(value);
  if (!/e/.test(shortest)) return shortest;
  return Math.abs(value) >= 1 ? BigInt(Math.round(value)).toString() : value.toFixed(20).replace(/0+$/, '');
}

/** The query string parameters of a path (`?query=up&time=1`), decoded; repeated ones in order. */
function parameters(path: string): [string, string][] {
  const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const [key, value = ''] = part.split('=') as [string, string?];
      const decode = (s: string): string => {
        try {
          return decodeURIComponent(s.replace(/\+/g, ' '));
        } catch {
          return s;
        }
      };
      return [decode(key), decode(value)];
    });
}

const json = (status: number, body: unknown): MetricsAnswer => ({ status, contentType: 'application/json', body: JSON.stringify(body) });
const badData = (error: string): MetricsAnswer => json(400, { status: 'error', errorType: 'bad_data', error });

/** GET /api/v1/query?query=EXPR: an instant vector at now, in the HTTP API's JSON. */
function query(reader: StateReader, now: number, path: string): MetricsAnswer {
  const expression = parameters(path).find(([key]) => key === 'query')?.[1];
  if (expression === undefined || expression === '') return badData('invalid parameter "query": 1:1: parse error: no expression found in input');
  try {
    const result = instantQuery(expression, (at) => prometheusSeries(reader, at), now);
    const time = Math.round(now) / 1000;
    return json(200, { status: 'success', data: { resultType: 'vector', result: result.map((one) => ({ metric: one.labels, value: [time, formatValue(one.value)] })) } });
  } catch (error) {
    if (error instanceof PromQLError) return badData(`invalid parameter "query": ${error.message}`);
    throw error;
  }
}

/** GET /federate?match[]=SELECTOR: the matching series in the text format, untyped, labels sorted, with their timestamp. */
function federate(reader: StateReader, now: number, path: string): MetricsAnswer {
  const plain = (status: number, body: string): MetricsAnswer => ({ status, contentType: 'text/plain; version=0.0.4; charset=utf-8', body });
  let filters: ((labels: Record<string, string>) => boolean)[];
  try {
    filters = parameters(path).filter(([key]) => key === 'match[]').map(([, value]) => parseSelector(value));
  } catch (error) {
    if (error instanceof PromQLError) return plain(400, `${error.message}\n`);
    throw error;
  }
  const byName = new Map<string, Series[]>();
  for (const one of prometheusSeries(reader, now)) {
    if (!filters.some((filter) => filter(one.labels))) continue;
    const name = one.labels.__name__ ?? '';
    byName.set(name, [...(byName.get(name) ?? []), one]);
  }
  let body = '';
  for (const [name, series] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
    body += `# TYPE ${name} untyped\n`;
    for (const one of series) {
      const labels = Object.entries(one.labels)
        .filter(([key]) => key !== '__name__')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
      body += `${name}{${labels.join(',')}} ${goFloat(one.value)} ${Math.round(now)}\n`;
    }
  }
  return plain(200, body);
}

/** The simulated Prometheus' answer to the cluster paths it serves, or undefined for the others. */
export function prometheusAnswer(reader: StateReader, now: number, path: string): MetricsAnswer | undefined {
  const route = path.split('?')[0];
  if (route === '/api/v1/query') return query(reader, now, path);
  if (route === '/federate') return federate(reader, now, path);
  return undefined;
}
