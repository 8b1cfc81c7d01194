/**
 * What the monitoring images serve from the simulated cluster:
 * - kube-state-metrics (registry.k8s.io/kube-state-metrics/kube-state-metrics) answers its
 *   `/metrics` with the cluster's kube-state-metrics families;
 * - prom/prometheus answers `/api/v1/query` and `/api/v1/query_range` (queryApi.ts) from the
 *   series it scraped (history.ts, series.ts), and `/federate` with the series it holds now,
 *   its own `/metrics` staying its own.
 */
import type { StateReader } from '../kubelet/replay';
import { goFloat, renderFamily } from './exposition';
import { kubeStateFamilies } from './kubestate';
import { parseSelector, PromQLError, type Series } from './promql';
import { parameters, queryApi, type MetricsAnswer } from './queryApi';
import { prometheusSeries } from './series';

export { KUBE_STATE_METRICS_IMAGE, prometheusSeries } from './series';
export type { MetricsAnswer } from './queryApi';

/** kube-state-metrics' /metrics: the text format of its families for the cluster. */
export function kubeStateMetricsText(reader: StateReader): string {
  return kubeStateFamilies(reader).map(renderFamily).join('');
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
  if (route === '/api/v1/query' || route === '/api/v1/query_range') return queryApi(reader, now, path);
  if (route === '/federate') return federate(reader, now, path);
  return undefined;
}
