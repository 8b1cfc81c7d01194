/**
 * The DaemonSet controller (kube-controller-manager's `daemonset` controller, v1.30): one
 * Pod per eligible Node (nodeSelector, node affinity, taints against tolerations), created
 * with that Node as required affinity so the scheduler binds it there; it follows Nodes
 * as they come, go or change labels and taints. Each template version is a
 * ControllerRevision (`fluentd-<hash>`); RollingUpdate replaces the Pods Node by Node
 * within maxUnavailable (or maxSurge), OnDelete waits for manual deletions. The status
 * counts desired, current, misscheduled, ready, updated and available daemon Pods.
 *
 * The steps live in daemonset/: nodes.ts (eligibility, tolerations, affinity), history.ts
 * (ControllerRevisions), context.ts (Pods and their writes), manage.ts (Pods per Node,
 * status), update.ts (rolling update).
 */
import { kindInfo } from '../api/catalog';
import { deepEqual } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { claim, OwnershipIndex, podEventKeys, SelectorCache } from './deployment/ownership';
import { annotationsOf, isBeingDeleted, isPodAvailable, isPodReady, labelsOf, namespaceOf, podReadyTime, specOf, uidOf } from './deployment/pods';
import { cleanupHistory, constructHistory } from './daemonset/history';
import { COMPONENT, FailedPodBackoff, type DaemonContext } from './daemonset/context';
import { daemonSetStatus, manage } from './daemonset/manage';
import { rollingUpdate } from './daemonset/update';
import { daemonPlacement, NodeCache } from './daemonset/nodes';
import { CONTROLLER_REVISION_HASH_LABEL, revisionOf } from './statefulset/history';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult, type Trigger } from './types';

export { TEMPLATE_GENERATION_LABEL } from './daemonset/context';

const DAEMON_SETS = kindInfo('apps/v1', 'DaemonSet')!;
const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;
const REVISIONS = kindInfo('apps/v1', 'ControllerRevision')!;
/** apps.DeprecatedTemplateGeneration: the template generation the API server keeps on a DaemonSet. */
const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

interface Caches {
  pods: OwnershipIndex;
  revisions: OwnershipIndex;
  selectors: SelectorCache;
  nodes: NodeCache;
  /** Every DaemonSet's key: a Node change may concern each of them. */
  keys: Set<string>;
  backoff: FailedPodBackoff;
}

/**
 * Creates a DaemonSet controller. Wire one instance per cluster runtime: it keeps the Nodes
 * and indexes of Pods and ControllerRevisions by owner, fed by its own triggers.
 */
export function createDaemonSetController(): Controller {
  const caches: Caches = {
    pods: new OwnershipIndex(),
    revisions: new OwnershipIndex(),
    selectors: new SelectorCache(),
    nodes: new NodeCache(),
    keys: new Set(),
    backoff: new FailedPodBackoff(),
  };
  const dsTrigger: Trigger = {
    info: DAEMON_SETS,
    keys(event: WatchEvent) {
      caches.selectors.observe(event);
      const key = keyOf(event.object);
      if (event.type === 'DELETED') caches.keys.delete(key);
      else caches.keys.add(key);
      return [key];
    },
  };
  const podTrigger: Trigger = {
    info: PODS,
    // Mirrors getDaemonSetsForPod: the DaemonSets selecting an orphan may adopt it.
    keys: (event: WatchEvent) => podEventKeys(event, caches.pods, caches.selectors, 'DaemonSet'),
  };
  // Mirrors addNode / updateNode / deleteNode: a Node added, removed, or relabelled or retainted.
  const nodeTrigger: Trigger = { info: NODES, keys: (event: WatchEvent) => (caches.nodes.observe(event) ? [...caches.keys] : []) };
  // Mirrors addHistory / updateHistory / deleteHistory: the owner looks again.
  const revisionTrigger: Trigger = {
    info: REVISIONS,
    keys(event: WatchEvent) {
      const { before, after } = caches.revisions.observe(event);
      const ref = after ?? before;
      return ref?.kind === 'DaemonSet' ? [`${namespaceOf(event.object)}/${ref.name}`] : [];
    },
  };
  return { name: COMPONENT, triggers: [dsTrigger, podTrigger, nodeTrigger, revisionTrigger], reconcile: (key, reader) => syncDaemonSet(key, reader, caches) };
}

/** Mirrors syncDaemonSet: history, then the Pods per Node, the rolling update, history cleanup and status. */
function syncDaemonSet(key: string, reader: Reader, caches: Caches): ReconcileResult {
  const { namespace, name } = splitKey(key);
  const ds = reader.get(DAEMON_SETS, namespace, name);
  if (!ds) return { actions: [] };
  const selector = caches.selectors.of(ds);
  if (!selector) return { actions: [] };
  const actions: Action[] = [];
  if (selector.length === 0) {
    const message = 'This daemon set is selecting all pods. A non-empty selector is required.';
    return { actions: [{ type: 'event', event: { involved: ds, type: 'Warning', reason: 'SelectingAll', message, component: COMPONENT } }] };
  }
  // Mirrors the early return for a DaemonSet being deleted: the garbage collector takes over.
  if (isBeingDeleted(ds)) return { actions: [] };

  const pods = claimed(ds, PODS, caches.pods, selector, reader, actions);
  const histories = claimed(ds, REVISIONS, caches.revisions, selector, reader, actions);
  const { cur, old } = constructHistory(reader, ds, histories, pods, actions);
  if (!cur) return { actions };
  const now = reader.now();
  const ctx: DaemonContext = {
    reader,
    ds,
    hash: labelsOf(cur)[CONTROLLER_REVISION_HASH_LABEL] ?? '',
    generation: templateGeneration(ds, cur),
    nodes: caches.nodes.list(),
    daemon: daemonPlacement(ds),
    backoff: caches.backoff,
    actions,
    now,
  };
  const status = daemonSetStatus(ctx, pods);
  // Mirrors the expectations: the rolling update waits until the Pods manage just wrote are seen.
  const wrote = manage(ctx, pods);
  if (!wrote && (specOf(ds).updateStrategy as { type?: unknown } | undefined)?.type === 'RollingUpdate') rollingUpdate(ctx, pods);
  cleanupHistory(ds, old, pods, actions);
  if (!deepEqual(status, ds.status)) actions.push({ type: 'updateStatus', object: { ...ds, status } });
  const availableIn = nextAvailability(ds, pods, now);
  if (availableIn !== undefined) ctx.requeueAfter = Math.min(ctx.requeueAfter ?? availableIn, availableIn);
  return ctx.requeueAfter === undefined ? { actions } : { actions, requeueAfter: ctx.requeueAfter };
}

/**
 * What the DaemonSet controls or may adopt (ClaimPods, ClaimControllerRevisions): its own,
 * and the orphans its selector matches; owned objects that no longer match are released.
 */
function claimed(ds: KubeObject, info: typeof PODS, index: OwnershipIndex, selector: NonNullable<ReturnType<SelectorCache['of']>>, reader: Reader, actions: Action[]): KubeObject[] {
  const namespace = namespaceOf(ds);
  const candidates = [...index.ownedBy(namespace, uidOf(ds)), ...index.orphansIn(namespace, selector)]
    .map((name) => reader.get(info, namespace, name))
    .filter((object): object is KubeObject => object !== undefined);
  const result = claim(ds, candidates, selector);
  for (const { name, patch } of [...result.adopt, ...result.release]) actions.push({ type: 'patch', info, namespace, name, patch });
  return result.claimed;
}

/**
 * Mirrors GetTemplateGeneration: the `deprecated.daemonset.template.generation` annotation
 * the API server maintains (1, then one more at each template change). When the store does
 * not write it, the current revision's number stands in: it counts template changes too.
 */
function templateGeneration(ds: KubeObject, cur: KubeObject): number | undefined {
  const annotation = annotationsOf(ds)[TEMPLATE_GENERATION_ANNOTATION];
  if (annotation !== undefined) return /^-?\d+$/.test(annotation) ? Number(annotation) : undefined;
  const revision = revisionOf(cur);
  return revision > 0 ? revision : undefined;
}

/** Mirrors the requeue after minReadySeconds: when a ready Pod will become available, look again then. */
function nextAvailability(ds: KubeObject, pods: readonly KubeObject[], now: number): number | undefined {
  const minReadySeconds = typeof specOf(ds).minReadySeconds === 'number' ? (specOf(ds).minReadySeconds as number) : 0;
  if (minReadySeconds <= 0) return undefined;
  let next: number | undefined;
  for (const pod of pods) {
    if (!isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) continue;
    const at = podReadyTime(pod) + minReadySeconds * 1000 + 1000;
    if (at > now && (next === undefined || at < next)) next = at;
  }
  return next === undefined ? undefined : next - now;
}
