/**
 * The NoSchedule half of kube-controller-manager's node lifecycle controller
 * (`doNoScheduleTaintingPass`, TaintNodesByCondition): a cordoned Node gets the
 * `node.kubernetes.io/unschedulable:NoSchedule` taint, a NotReady one `not-ready`, a Node
 * under memory, disk or PID pressure the matching taint; they go away with their cause.
 * The kubelet's `NodeNotSchedulable` / `NodeSchedulable` events come along, as
 * `kubectl describe node` shows them after a cordon. NoExecute taints and evictions of
 * Pods from unreachable Nodes are not modelled here.
 */
import { formatTimestamp } from '../clock';
import { kindInfo } from '../api/catalog';
import { isJsonObject, type JsonObject } from '../store/json';
import { self, type Action, type Controller, type Reader } from '../controllers/types';

const NODE = kindInfo('v1', 'Node')!;

export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/** Mirrors nodeConditionToTaintKeyStatusMap: condition type and status -> taint key. */
const CONDITION_TAINTS: readonly [string, string, string][] = [
  ['Ready', 'False', 'node.kubernetes.io/not-ready'],
  ['Ready', 'Unknown', 'node.kubernetes.io/unreachable'],
  ['MemoryPressure', 'True', 'node.kubernetes.io/memory-pressure'],
  ['DiskPressure', 'True', 'node.kubernetes.io/disk-pressure'],
  ['NetworkUnavailable', 'True', 'node.kubernetes.io/network-unavailable'],
  ['PIDPressure', 'True', 'node.kubernetes.io/pid-pressure'],
];
const MANAGED_KEYS = new Set([UNSCHEDULABLE_TAINT_KEY, ...CONDITION_TAINTS.map(([, , key]) => key)]);

const objectAt = (object: JsonObject, field: string): JsonObject => (isJsonObject(object[field]) ? object[field] : {});

/** The NoSchedule taint keys a Node should carry, in upstream's order (conditions, then cordon). */
function wantedKeys(node: JsonObject): string[] {
  const keys: string[] = [];
  const conditions = objectAt(node, 'status').conditions;
  for (const condition of Array.isArray(conditions) ? conditions.filter(isJsonObject) : []) {
    const row = CONDITION_TAINTS.find(([type, status]) => condition.type === type && condition.status === status);
    if (row) keys.push(row[2]);
  }
  if (objectAt(node, 'spec').unschedulable === true) keys.push(UNSCHEDULABLE_TAINT_KEY);
  return keys;
}

function reconcile(key: string, reader: Reader) {
  const node = reader.get(NODE, '', key);
  if (!node) return { actions: [] };
  const taints = objectAt(node, 'spec').taints;
  const current = Array.isArray(taints) ? taints.filter(isJsonObject) : [];
  const managed = (taint: JsonObject): boolean => taint.effect === 'NoSchedule' && MANAGED_KEYS.has(String(taint.key));
  const wanted = wantedKeys(node);
  const have = new Set(current.filter(managed).map((taint) => String(taint.key)));
  const toAdd = wanted.filter((k) => !have.has(k));
  const toRemove = [...have].filter((k) => !wanted.includes(k));
  if (toAdd.length === 0 && toRemove.length === 0) return { actions: [] };
  // Mirrors SwapNodeControllerTaint: added taints carry the time they were added.
  const timeAdded = formatTimestamp(reader.now());
  const next = [
    ...current.filter((taint) => !(managed(taint) && toRemove.includes(String(taint.key)))),
    ...toAdd.map((k) => ({ effect: 'NoSchedule', key: k, timeAdded })),
  ];
  const actions: Action[] = [{ type: 'patch', info: NODE, namespace: '', name: key, patch: { spec: { taints: next.length > 0 ? next : null } } }];
  const cordoned = toAdd.includes(UNSCHEDULABLE_TAINT_KEY);
  if (cordoned || toRemove.includes(UNSCHEDULABLE_TAINT_KEY)) {
    // The kubelet notices spec.unschedulable and records it against its Node (uid = name).
    const status = cordoned ? 'NodeNotSchedulable' : 'NodeSchedulable';
    const involved = { ...node, metadata: { ...objectAt(node, 'metadata'), uid: key } };
    actions.push({ type: 'event', event: { involved, type: 'Normal', reason: status, message: `Node ${key} status is now: ${status}`, component: 'kubelet', host: key } });
  }
  return { actions };
}

/** The controller, named `node-lifecycle-controller`; it reconciles Nodes by name. */
export function createNodeLifecycleController(): Controller {
  return { name: 'node-lifecycle-controller', triggers: [self(NODE)], reconcile };
}
