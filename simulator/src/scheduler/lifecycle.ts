/**
 * kube-controller-manager's node lifecycle controller (v1.30), the part that reacts to a
 * Node's conditions:
 * - the NoSchedule pass (`doNoScheduleTaintingPass`, TaintNodesByCondition): a cordoned
 *   Node gets `node.kubernetes.io/unschedulable:NoSchedule`, a NotReady one `not-ready`, an
 *   unreachable one `unreachable`, a Node under memory, disk or PID pressure the matching
 *   taint; they go away with their cause, with the kubelet's `NodeNotSchedulable` /
 *   `NodeSchedulable` events for a cordon;
 * - the NoExecute pass (`doNoExecuteTaintingPass`): Ready=False gives
 *   `node.kubernetes.io/not-ready:NoExecute`, Ready=Unknown (the kubelet stopped posting)
 *   `node.kubernetes.io/unreachable:NoExecute`; the taint-eviction controller then deletes
 *   the Pods that do not tolerate it (after their 300 s for the default tolerations);
 * - `monitorNodeHealth`: when a Node stops being Ready, the `NodeNotReady` event and
 *   MarkPodsNotReady (its Pods' Ready condition turns False, `Node is not ready`), so that
 *   Services stop sending them traffic.
 * Here the kubelet's heartbeat is not simulated: a failed Node has its conditions set to
 * Unknown directly (nodeops.setNodeHealth), where the real controller would after 40 s.
 */
import { formatTimestamp } from '../clock';
import { kindInfo } from '../api/catalog';
import { isJsonObject, type JsonObject } from '../store/json';
import { self, type Action, type Controller, type Reader } from '../controllers/types';

const NODE = kindInfo('v1', 'Node')!;
const POD = kindInfo('v1', 'Pod')!;

export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';
export const NOT_READY_TAINT_KEY = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';
const COMPONENT = 'node-controller';

/** Mirrors nodeConditionToTaintKeyStatusMap: condition type and status -> taint key. */
const CONDITION_TAINTS: readonly [string, string, string][] = [
  ['Ready', 'False', NOT_READY_TAINT_KEY],
  ['Ready', 'Unknown', UNREACHABLE_TAINT_KEY],
  ['MemoryPressure', 'True', 'node.kubernetes.io/memory-pressure'],
  ['DiskPressure', 'True', 'node.kubernetes.io/disk-pressure'],
  ['NetworkUnavailable', 'True', 'node.kubernetes.io/network-unavailable'],
  ['PIDPressure', 'True', 'node.kubernetes.io/pid-pressure'],
];
const MANAGED_KEYS = new Set([UNSCHEDULABLE_TAINT_KEY, ...CONDITION_TAINTS.map(([, , key]) => key)]);
const NO_EXECUTE_KEYS = new Set([NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY]);

const objectAt = (object: JsonObject, field: string): JsonObject => (isJsonObject(object[field]) ? object[field] : {});
const conditionsOf = (object: JsonObject): JsonObject[] => {
  const conditions = objectAt(object, 'status').conditions;
  return Array.isArray(conditions) ? conditions.filter(isJsonObject) : [];
};

/** The Node's Ready condition status: `True`, `False`, `Unknown` (Unknown when absent). */
export function nodeReadyStatus(node: JsonObject): string {
  const ready = conditionsOf(node).find((condition) => condition.type === 'Ready');
  return typeof ready?.status === 'string' ? ready.status : 'Unknown';
}

/** The NoSchedule taint keys a Node should carry, in upstream's order (conditions, then cordon). */
function wantedNoSchedule(node: JsonObject): string[] {
  const keys: string[] = [];
  for (const condition of conditionsOf(node)) {
    const row = CONDITION_TAINTS.find(([type, status]) => condition.type === type && condition.status === status);
    if (row) keys.push(row[2]);
  }
  if (objectAt(node, 'spec').unschedulable === true) keys.push(UNSCHEDULABLE_TAINT_KEY);
  return keys;
}

/** The NoExecute taint the Node should carry (doNoExecuteTaintingPass), if any. */
function wantedNoExecute(node: JsonObject): string | undefined {
  const ready = nodeReadyStatus(node);
  return ready === 'False' ? NOT_READY_TAINT_KEY : ready === 'Unknown' ? UNREACHABLE_TAINT_KEY : undefined;
}

/** An event about the Node, recorded as the controllers record them (uid = the Node's name). */
function nodeEvent(node: JsonObject, name: string, reason: string, component: string): Action {
  const involved = { ...node, metadata: { ...objectAt(node, 'metadata'), uid: name } };
  return { type: 'event', event: { involved, type: 'Normal', reason, message: `Node ${name} status is now: ${reason}`, component, ...(component === 'kubelet' ? { host: name } : {}) } };
}

/** Mirrors MarkPodsNotReady: Ready flips to False (the transition time is kept), with a Warning on each Pod. */
function markPodsNotReady(reader: Reader, name: string): Action[] {
  const actions: Action[] = [];
  for (const pod of reader.list(POD, { fieldSelector: `spec.nodeName=${name}` })) {
    const conditions = conditionsOf(pod);
    if (!conditions.some((condition) => condition.type === 'Ready' && condition.status === 'True')) continue;
    const status = { ...objectAt(pod, 'status'), conditions: conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False' } : c)) };
    actions.push({ type: 'updateStatus', object: { ...pod, status } });
    actions.push({ type: 'event', event: { involved: pod, type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', component: COMPONENT } });
  }
  return actions;
}

function reconcile(key: string, reader: Reader) {
  const node = reader.get(NODE, '', key);
  if (!node) return { actions: [] };
  const taints = objectAt(node, 'spec').taints;
  const current = Array.isArray(taints) ? taints.filter(isJsonObject) : [];
  const managed = (taint: JsonObject): boolean =>
    (taint.effect === 'NoSchedule' && MANAGED_KEYS.has(String(taint.key))) || (taint.effect === 'NoExecute' && NO_EXECUTE_KEYS.has(String(taint.key)));
  const wanted = [...wantedNoSchedule(node).map((k) => `${k}:NoSchedule`)];
  const noExecute = wantedNoExecute(node);
  if (noExecute) wanted.push(`${noExecute}:NoExecute`);
  const id = (taint: JsonObject): string => `${String(taint.key)}:${String(taint.effect)}`;
  const have = new Set(current.filter(managed).map(id));
  const toAdd = wanted.filter((k) => !have.has(k));
  const toRemove = [...have].filter((k) => !wanted.includes(k));
  const actions: Action[] = [];
  if (toAdd.length > 0 || toRemove.length > 0) {
    // Mirrors SwapNodeControllerTaint: added taints carry the time they were added.
    const timeAdded = formatTimestamp(reader.now());
    const next = [
      ...current.filter((taint) => !(managed(taint) && toRemove.includes(id(taint)))),
      ...toAdd.map((k) => {
        const colon = k.lastIndexOf(':');
        return { effect: k.slice(colon + 1), key: k.slice(0, colon), timeAdded };
      }),
    ];
    actions.push({ type: 'patch', info: NODE, namespace: '', name: key, patch: { spec: { taints: next.length > 0 ? next : null } } });
    const cordoned = toAdd.includes(`${UNSCHEDULABLE_TAINT_KEY}:NoSchedule`);
    // The kubelet notices spec.unschedulable and records it against its Node.
    if (cordoned || toRemove.includes(`${UNSCHEDULABLE_TAINT_KEY}:NoSchedule`)) actions.push(nodeEvent(node, key, cordoned ? 'NodeNotSchedulable' : 'NodeSchedulable', 'kubelet'));
    const hadNoExecute = [...have].some((k) => k.endsWith(':NoExecute'));
    if (noExecute && !hadNoExecute) actions.push(nodeEvent(node, key, 'NodeNotReady', COMPONENT));
    // The kubelet, back, reports its Node ready again.
    if (!noExecute && hadNoExecute) actions.push(nodeEvent(node, key, 'NodeReady', 'kubelet'));
  }
  // Only a silent kubelet leaves the Pods' Ready as it was: a running one reports it itself.
  if (noExecute === UNREACHABLE_TAINT_KEY) actions.push(...markPodsNotReady(reader, key));
  return { actions };
}

/** The controller, named `node-lifecycle-controller`; it reconciles Nodes by name. */
export function createNodeLifecycleController(): Controller {
  return { name: 'node-lifecycle-controller', triggers: [self(NODE)], reconcile };
}
