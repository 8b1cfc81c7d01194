/**
 * What happens to Nodes from outside the control plane: `kubectl cordon` and `uncordon`
 * against the simulated API server, with kubectl v1.30's lines of output
 * (k8s.io/kubectl/pkg/drain/cordon.go), and a Node failing or recovering (its kubelet stops
 * or resumes posting status). `kubectl drain` is in drain.ts. An unknown Node throws the
 * store's NotFound (`nodes "worker-9" not found`).
 */
import { kindInfo } from '../api/catalog';
import { StatusError } from '../api/errors';
import { formatTimestamp } from '../clock';
import { isJsonObject } from '../store/json';
import type { ObjectStore, KubeObject } from '../store/store';

const NODE = kindInfo('v1', 'Node')!;

export interface CordonResult {
  /** False when the Node already was in the wanted state. */
  changed: boolean;
  /** `node/worker-1 cordoned`, `node/worker-1 already uncordoned`... */
  message: string;
}

/** How a cordon is sent: for real, as a dry run the API server checks (server), or not at all (client). */
export type CordonStrategy = 'none' | 'client' | 'server';

/** What RunCordonOrUncordon prints for one Node: its line on stdout, or the error on stderr (with the API server's French explanation). */
export interface CordonLine {
  line?: string;
  error?: string;
  fr?: string;
}

/**
 * RunCordonOrUncordon for one Node (k8s.io/kubectl/pkg/cmd/drain/drain.go, v1.30): `already`
 * when nothing is to change, else kubectl's two-way merge patch of spec.unschedulable (`false`
 * is omitted from the Node, hence null). A refused patch is printed `error: unable to cordon
 * node "worker-1": ...` and kubectl goes on with the next Node: the command still succeeds.
 * `suffix` is the printer's dry-run suffix (` (dry run)`, ` (server dry run)`, or nothing).
 * Reading the Node is not covered: kubectl fails before, in Complete.
 */
export function cordonNode(store: ObjectStore, name: string, desired: boolean, strategy: CordonStrategy = 'none', suffix = ''): CordonLine {
  store.get(NODE, '', name);
  try {
    return { line: `${setUnschedulable(store, name, desired, strategy).message}${suffix}` };
  } catch (error) {
    const line = `error: unable to ${desired ? 'cordon' : 'uncordon'} node ${JSON.stringify(name)}: ${error instanceof Error ? error.message : String(error)}`;
    return error instanceof StatusError && error.fr ? { error: line, fr: error.fr } : { error: line };
  }
}

function setUnschedulable(store: ObjectStore, name: string, desired: boolean, strategy: CordonStrategy = 'none'): CordonResult {
  const node = store.get(NODE, '', name);
  const spec = isJsonObject(node.spec) ? node.spec : {};
  const verb = desired ? 'cordoned' : 'uncordoned';
  if ((spec.unschedulable === true) === desired) return { changed: false, message: `node/${name} already ${verb}` };
  if (strategy !== 'client') store.patch(NODE, '', name, { spec: { unschedulable: desired ? true : null } }, strategy === 'server' ? { dryRun: true } : {});
  return { changed: true, message: `node/${name} ${verb}` };
}

/** Cordons a Node, as the administrator (a refused patch throws): no new Pod will be scheduled there. */
export function cordon(store: ObjectStore, name: string): CordonResult {
  return setUnschedulable(store, name, true);
}

/** Uncordons a Node, as the administrator. */
export function uncordon(store: ObjectStore, name: string): CordonResult {
  return setUnschedulable(store, name, false);
}

type Condition = { type?: string; status?: string; reason?: string; message?: string; lastHeartbeatTime?: string; lastTransitionTime?: string };

/** What the kubelet reports when all is well, condition by condition. */
const HEALTHY: Record<string, [status: string, reason: string, message: string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

/**
 * A Node whose kubelet stopped posting its status, or started again. Mirrors the node
 * lifecycle controller's tryUpdateNodeHealth: after the grace period every condition becomes
 * Unknown (`NodeStatusUnknown`, `Kubelet stopped posting node status.`); the controller then
 * taints it `node.kubernetes.io/unreachable` (NoSchedule and NoExecute) and its Pods are
 * evicted 300 s later. The kubelet's next status puts its own conditions back.
 */
export function setNodeHealth(store: ObjectStore, name: string, healthy: boolean, now: number): KubeObject {
  const node = store.get(NODE, '', name);
  const status = (node.status ?? {}) as { conditions?: Condition[] };
  const stamp = formatTimestamp(now);
  const conditions = (status.conditions ?? []).map((condition): Condition => {
    const type = String(condition.type);
    if (!healthy) {
      if (condition.status === 'Unknown') return condition;
      return { ...condition, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: stamp };
    }
    const [wanted, reason, message] = HEALTHY[type] ?? ['False', condition.reason ?? '', condition.message ?? ''];
    return { ...condition, status: wanted, reason, message, lastHeartbeatTime: stamp, ...(condition.status === wanted ? {} : { lastTransitionTime: stamp }) };
  });
  return store.updateStatus({ ...node, status: { ...status, conditions } });
}

/** Go's time.Duration.String() for whole milliseconds: `1m0s`, `30s`, `1h2m3s`, `500ms`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const secondText = `${Number.isInteger(seconds) ? seconds : seconds.toFixed(3).replace(/0+$/, '')}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondText}`;
  if (minutes > 0) return `${minutes}m${secondText}`;
  return secondText;
}
