/**
 * Observability of the simulated cluster: what metrics-server serves (`kubectl top`, the
 * HorizontalPodAutoscaler), the load learners put on workloads, and a Prometheus snapshot
 * with kube-state-metrics' and cAdvisor's metric names for the monitoring chapter.
 */
import { readerOf } from '../kubelet/replay';
import type { ObjectStore } from '../store/store';
import { cadvisorFamilies } from './cadvisor';
import { renderFamily } from './exposition';
import { kubeStateFamilies } from './kubestate';

export { setLoad, loadAnnotation, loadPodsAnnotation, loadOverlay, type LoadResource, type LoadTarget } from './load';
export { podUsage, nodeUsage, podMetrics, METRIC_RESOLUTION_MS, type PodMetrics, type NodeMetrics, type ContainerMetrics } from './usage';
export { formatTopPods, formatTopNodes, cpuText, memoryText, type TopPodsOptions, type TopNodesOptions } from './printers';
export { goFloat, type Family, type Sample } from './exposition';

/**
 * The cluster's metrics in the Prometheus text format, as a scrape of kube-state-metrics
 * followed by a scrape of the kubelets' cAdvisor endpoint would return them at `now`.
 */
export function prometheusSnapshot(store: ObjectStore, now: number): string {
  return [...kubeStateFamilies(store), ...cadvisorFamilies(readerOf(store), now)].map(renderFamily).join('');
}
