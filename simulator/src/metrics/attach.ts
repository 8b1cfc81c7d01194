/**
 * The simulated Prometheus' history of each cluster, by its store: the one handle every
 * reader of the cluster has (readerOf(store) carries it to the query API), as the local
 * images are found (kubelet/localImages.ts). No imports: the kubelet's replay reads it.
 */
import type { PrometheusHistory } from './history';

const BY_STORE = new WeakMap<object, PrometheusHistory>();

export function setPrometheusHistory(store: object, history: PrometheusHistory): void {
  BY_STORE.set(store, history);
}

/** The scraped history of the cluster whose store is `store`, if it has one. */
export function prometheusHistoryOf(store: object): PrometheusHistory | undefined {
  return BY_STORE.get(store);
}
