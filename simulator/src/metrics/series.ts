/**
 * The series the simulated Prometheus collects at one moment, as a kube-prometheus-stack-like
 * setup would: its own `up`, the kube-state-metrics series while a kube-state-metrics
 * container runs (job "kube-state-metrics", instance its Pod's address) and the kubelets'
 * cAdvisor series (job "kubernetes-cadvisor", instance the node). It does not read a scrape
 * configuration.
 */
import { kindInfo } from '../api/catalog';
import type { StateReader } from '../kubelet/replay';
import { isJsonObject, type JsonObject } from '../store/json';
import { cadvisorFamilies } from './cadvisor';
import type { Family } from './exposition';
import { kubeStateFamilies } from './kubestate';
import type { Series } from './promql';

const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;

/** The kube-state-metrics image, as its containers' status names it. */
export const KUBE_STATE_METRICS_IMAGE = 'registry.k8s.io/kube-state-metrics/kube-state-metrics';

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

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
