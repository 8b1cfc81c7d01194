/**
 * The taint-eviction controller (kube-controller-manager's `taint-eviction-controller`,
 * v1.30, pkg/controller/tainteviction): a Pod on a Node with NoExecute taints is deleted
 * at once if it does not tolerate one of them, after the shortest tolerationSeconds of
 * the tolerations it uses otherwise (300 s for the defaults DefaultTolerationSeconds adds),
 * or never when they set none. It records `TaintManagerEviction` `Marking for deletion Pod
 * default/web-x`, marks the Pod `DisruptionTarget` (DeletionByTaintManager) and deletes
 * it; its controller then replaces it on a healthy Node. When the taint goes first, the
 * eviction is cancelled (`Cancelling deletion of Pod default/web-x`).
 */
import { kindInfo } from '../api/catalog';
import { formatTimestamp } from '../clock';
import { readTaints, readTolerations, tolerates } from '../scheduler/affinity';
import { isJsonObject, type JsonObject } from '../store/json';
import type { WatchEvent } from '../store/store';
import { keyOf, type Action, type Controller, type Reader, type ReconcileResult, type Trigger } from './types';

const NODES = kindInfo('v1', 'Node')!;
const PODS = kindInfo('v1', 'Pod')!;
const COMPONENT = 'taint-eviction-controller';

type Obj = JsonObject;
const objAt = (object: unknown, field: string): Obj => (isJsonObject(object) && isJsonObject(object[field]) ? object[field] : {});
const listAt = (object: unknown, field: string): Obj[] => {
  const value = isJsonObject(object) ? object[field] : undefined;
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
};
const noExecuteTaints = (node: Obj | undefined): Obj[] => listAt(objAt(node, 'spec'), 'taints').filter((taint) => taint.effect === 'NoExecute');

/**
 * GetMatchingTolerations then getMinTolerationTime: undefined when a taint is not
 * tolerated (evict now), -1 when tolerated forever, else the shortest seconds.
 */
export function tolerationSeconds(taints: readonly Obj[], tolerations: readonly Obj[]): number | undefined {
  const parsedTaints = readTaints(taints);
  const parsed = readTolerations(tolerations);
  const used: Obj[] = [];
  for (const taint of parsedTaints) {
    const index = parsed.findIndex((toleration) => tolerates(toleration, taint));
    if (index < 0) return undefined;
    used.push(tolerations[index]!);
  }
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const toleration of used) {
    if (typeof toleration.tolerationSeconds !== 'number') continue;
    if (toleration.tolerationSeconds <= 0) return 0;
    min = Math.min(min, toleration.tolerationSeconds);
  }
  return min === Infinity ? -1 : min;
}

/** What the controller keeps between passes: the evictions it scheduled, by Pod. */
interface Scheduled {
  node: string;
  start: number;
}

function evict(pod: Obj, now: number): Action[] {
  const meta = objAt(pod, 'metadata');
  const namespace = String(meta.namespace);
  const name = String(meta.name);
  const conditions = listAt(objAt(pod, 'status'), 'conditions').filter((c) => c.type !== 'DisruptionTarget');
  const target = { lastProbeTime: null, lastTransitionTime: formatTimestamp(now), type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
  return [
    { type: 'event', event: { involved: pod, type: 'Normal', reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${namespace}/${name}`, component: COMPONENT } },
    { type: 'updateStatus', object: { ...pod, status: { ...objAt(pod, 'status'), conditions: [...conditions, target] } } },
    { type: 'delete', info: PODS, namespace, name },
  ];
}

function cancel(pod: Obj): Action {
  const meta = objAt(pod, 'metadata');
  return { type: 'event', event: { involved: pod, type: 'Normal', reason: 'TaintManagerEviction', message: `Cancelling deletion of Pod ${String(meta.namespace)}/${String(meta.name)}`, component: COMPONENT } };
}

/** The controller; it reconciles Nodes by name (the Pods bound to them). */
export function createTaintEvictionController(): Controller {
  const scheduled = new Map<string, Scheduled>();
  /** Nodes with NoExecute taints, from the Node watch. */
  const tainted = new Set<string>();

  function reconcile(nodeName: string, reader: Reader): ReconcileResult {
    const node = reader.get(NODES, '', nodeName);
    const taints = noExecuteTaints(node);
    const now = reader.now();
    const actions: Action[] = [];
    let next: number | undefined;
    const pods = reader.list(PODS, { fieldSelector: `spec.nodeName=${nodeName}` });
    const seen = new Set<string>();
    for (const pod of pods) {
      const key = keyOf(pod);
      seen.add(key);
      if (objAt(pod, 'metadata').deletionTimestamp !== undefined) {
        scheduled.delete(key);
        continue;
      }
      const seconds = taints.length === 0 ? -1 : tolerationSeconds(taints, listAt(objAt(pod, 'spec'), 'tolerations'));
      if (seconds === -1) {
        if (scheduled.delete(key)) actions.push(cancel(pod));
        continue;
      }
      // processPodOnNode: an eviction keeps the time it was first scheduled at.
      const start = scheduled.get(key)?.start ?? now;
      const due = start + (seconds ?? 0) * 1000;
      if (due <= now) {
        scheduled.delete(key);
        actions.push(...evict(pod, now));
        continue;
      }
      scheduled.set(key, { node: nodeName, start });
      if (next === undefined || due < next) next = due;
    }
    // Pods that left the Node (deleted, moved) have nothing scheduled any more.
    for (const [key, entry] of scheduled) if (entry.node === nodeName && !seen.has(key)) scheduled.delete(key);
    return next === undefined ? { actions } : { actions, requeueAfter: next - now };
  }

  const nodeTrigger: Trigger = {
    info: NODES,
    keys(event: WatchEvent) {
      const name = keyOf(event.object);
      const was = tainted.has(name);
      const is = event.type !== 'DELETED' && noExecuteTaints(event.object).length > 0;
      if (is) tainted.add(name);
      else tainted.delete(name);
      return is || was ? [name] : [];
    },
  };
  // A Pod bound to a tainted Node (or with an eviction scheduled) is looked at with its Node.
  const podTrigger: Trigger = {
    info: PODS,
    keys(event: WatchEvent) {
      const nodeName = objAt(event.object, 'spec').nodeName;
      if (typeof nodeName === 'string' && tainted.has(nodeName)) return [nodeName];
      const entry = scheduled.get(keyOf(event.object));
      return entry ? [entry.node] : [];
    },
  };
  return { name: COMPONENT, triggers: [nodeTrigger, podTrigger], reconcile };
}
