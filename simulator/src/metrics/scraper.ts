/**
 * Wires the simulated Prometheus' scrapes to a cluster: before the clock moves, every scrape
 * time it passes over is scraped (history.ts), while a prom/prometheus container runs.
 */
import { kindInfo } from '../api/catalog';
import type { ManualClock } from '../clock';
import { readerOf, type StateReader } from '../kubelet/replay';
import { isJsonObject, type JsonObject } from '../store/json';
import { setPrometheusHistory } from './attach';
import { PrometheusHistory } from './history';
import { prometheusSeries } from './prometheus';

const PODS = kindInfo('v1', 'Pod')!;
/** The Prometheus image, as its containers' status names it. */
export const PROMETHEUS_IMAGE = 'prom/prometheus';

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});

/** Whether a prom/prometheus container runs in the cluster. */
export function prometheusRuns(reader: StateReader): boolean {
  return reader.list(PODS).some((pod) =>
    (Array.isArray(obj(pod.status).containerStatuses) ? (obj(pod.status).containerStatuses as unknown[]) : []).some(
      (container) => isJsonObject(container) && typeof container.image === 'string' && /(^|\/)prom\/prometheus(:|@|$)/.test(container.image) && isJsonObject(obj(container.state).running),
    ),
  );
}

/** One scrape of everything the simulated Prometheus collects at `t`, or undefined when it does not run. */
export const scrapeAt = (reader: StateReader) => (t: number) => (prometheusRuns(reader) ? prometheusSeries(reader, t) : undefined);

/** Gives the cluster whose store is `store` its Prometheus history, scraped as `clock` moves. */
export function attachPrometheus(store: Parameters<typeof readerOf>[0], clock: ManualClock): PrometheusHistory {
  const history = new PrometheusHistory(clock.now());
  setPrometheusHistory(store, history);
  clock.onAdvance((_from, to) => history.scrapeUntil(to, scrapeAt(readerOf(store))));
  return history;
}
