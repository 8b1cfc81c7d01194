/**
 * The status bar's summary of the cluster: nodes (ready / all) and Pods (ready / all),
 * counted with the same rules as the tree's colours.
 */
import type { ObjectStore } from '../../../simulator/src/store/store';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { nodeStatus } from '../../../simulator/src/kubectl/get/cluster';
import { statusOf, type StatusContext } from './objectStatus';

export interface ClusterSummary {
  nodes: number;
  readyNodes: number;
  pods: number;
  readyPods: number;
  failingPods: number;
}

const NODES = kindInfo('v1', 'Node')!;
const PODS = kindInfo('v1', 'Pod')!;
export function summarize(store: ObjectStore, now: number, l10n: StatusContext['l10n']): ClusterSummary {
  const nodes = store.list(NODES);
  const pods = store.list(PODS).map((pod) => statusOf('Pod', pod, { now, l10n, endpoints: () => undefined }).state);
  return {
    nodes: nodes.length,
    readyNodes: nodes.filter((node) => nodeStatus(node).startsWith('Ready')).length,
    pods: pods.length,
    readyPods: pods.filter((state) => state === 'ready').length,
    failingPods: pods.filter((state) => state === 'failing').length,
  };
}
