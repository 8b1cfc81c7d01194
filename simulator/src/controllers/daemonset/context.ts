/**
 * What one sync of a DaemonSet works with, and how it writes Pods (kube-controller-manager's
 * daemon_controller.go and daemon/util): the Pods by target Node, which are up to date,
 * the Pod a Node gets (the template with the daemon tolerations, the Node as required
 * affinity, the hash and generation labels), and syncNodes' creations and deletions with
 * their events.
 */
import { isJsonObject, type JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { kindInfo } from '../../api/catalog';
import { newControllerRef } from '../deployment/ownership';
import { isBeingDeleted, isPodAvailable, labelsOf, metaOf, nameOf, namespaceOf, parseTime, specOf, statusOf, text } from '../deployment/pods';
import { scaledValue } from '../deployment/util';
import { CONTROLLER_REVISION_HASH_LABEL } from '../statefulset/history';
import type { Action, Reader } from '../types';
import { targetNodeName, withDaemonTolerations, withNodeAffinity, type DaemonPlacement, type NodeEntry } from './nodes';

export const COMPONENT = 'daemonset-controller';
/** extensions.DaemonSetTemplateGenerationKey */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
const PODS = kindInfo('v1', 'Pod')!;
/** Mirrors the controller's BurstReplicas: 250 creations or deletions per sync. */
const BURST_REPLICAS = 250;
const MAX_GENERATED_BASE = 58;
// failedPodsBackoff: 1 s doubling up to 15 minutes, per DaemonSet and Node.
const FAILED_BACKOFF_MS = 1_000;
const FAILED_BACKOFF_MAX_MS = 15 * 60_000;

/** client-go's flowcontrol.Backoff, as the controller uses it for failed Pods. */
export class FailedPodBackoff {
  private readonly entries = new Map<string, { backoff: number; lastUpdate: number }>();

  /** Mirrors IsInBackOffSinceUpdate. */
  inBackoff(key: string, now: number): { delay: number } | undefined {
    const entry = this.entries.get(key);
    return entry && now - entry.lastUpdate < entry.backoff ? { delay: entry.backoff } : undefined;
  }

  /** Mirrors Next: the first failure (or one after a long quiet) waits 1 s, each next one twice as long. */
  next(key: string, now: number): void {
    const entry = this.entries.get(key);
    if (!entry || now - entry.lastUpdate > 2 * FAILED_BACKOFF_MAX_MS) this.entries.set(key, { backoff: FAILED_BACKOFF_MS, lastUpdate: now });
    else this.entries.set(key, { backoff: Math.min(entry.backoff * 2, FAILED_BACKOFF_MAX_MS), lastUpdate: now });
  }
}

/** One sync of one DaemonSet. */
export interface DaemonContext {
  reader: Reader;
  ds: KubeObject;
  /** The current revision's hash. */
  hash: string;
  /** The template generation the Pods are labelled with, if known. */
  generation: number | undefined;
  nodes: NodeEntry[];
  daemon: DaemonPlacement;
  backoff: FailedPodBackoff;
  actions: Action[];
  now: number;
  /** Look again after this many milliseconds. */
  requeueAfter?: number;
}

export const requeue = (ctx: DaemonContext, ms: number): void => void (ctx.requeueAfter = ctx.requeueAfter === undefined ? ms : Math.min(ctx.requeueAfter, ms));
const minReadySecondsOf = (ds: JsonObject): number => (typeof specOf(ds).minReadySeconds === 'number' ? (specOf(ds).minReadySeconds as number) : 0);
export const available = (ctx: DaemonContext, pod: JsonObject): boolean => isPodAvailable(pod, minReadySecondsOf(ctx.ds), ctx.now);

/** Mirrors getNodesToDaemonPods: the Pods by target Node; finished Pods being deleted left out unless asked. */
export function podsByNode(pods: readonly KubeObject[], includeDeletedTerminal: boolean): Map<string, KubeObject[]> {
  const map = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    const phase = statusOf(pod).phase;
    if (!includeDeletedTerminal && (phase === 'Succeeded' || phase === 'Failed') && isBeingDeleted(pod)) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = map.get(node);
    if (list) list.push(pod);
    else map.set(node, [pod]);
  }
  return map;
}

/** Mirrors podByCreationTimestampAndPhase: scheduled first, then the oldest, then by name. */
export function byCreation(a: JsonObject, b: JsonObject): number {
  const scheduledA = text(specOf(a).nodeName) !== '';
  const scheduledB = text(specOf(b).nodeName) !== '';
  if (scheduledA !== scheduledB) return scheduledA ? -1 : 1;
  const diff = parseTime(metaOf(a).creationTimestamp) - parseTime(metaOf(b).creationTimestamp);
  if (diff !== 0) return diff;
  return nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0;
}

/** Mirrors IsPodUpdated: the Pod carries the current hash, or the current template generation. */
export function isPodUpdated(ctx: DaemonContext, pod: JsonObject): boolean {
  const labels = labelsOf(pod);
  return (ctx.hash !== '' && labels[CONTROLLER_REVISION_HASH_LABEL] === ctx.hash) || (ctx.generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(ctx.generation));
}


/** The name the API server would generate from `<ds>-`, drawn from the cluster's Random so the event can name it. */
function generatePodName(ctx: DaemonContext, taken: Set<string>): string {
  const prefix = `${nameOf(ctx.ds)}-`;
  const base = prefix.length > MAX_GENERATED_BASE ? prefix.slice(0, MAX_GENERATED_BASE) : prefix;
  let name = base + ctx.reader.random.nameSuffix();
  for (let attempt = 1; attempt < 8 && (taken.has(name) || ctx.reader.get(PODS, namespaceOf(ctx.ds), name)); attempt++) name = base + ctx.reader.random.nameSuffix();
  taken.add(name);
  return name;
}

/**
 * Mirrors CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity + GetPodFromTemplate:
 * the template with the daemon tolerations, the generation and hash labels, the Node as
 * required affinity, `generateName: <ds>-` and the DaemonSet as controller.
 */
export function newDaemonPod(ds: KubeObject, name: string, node: string, hash: string, generation: number | undefined): KubeObject {
  const template = isJsonObject(specOf(ds).template) ? (specOf(ds).template as JsonObject) : {};
  const templateMeta = metaOf(template);
  const labels: Record<string, string> = { ...labelsOf(template) };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash !== '') labels[CONTROLLER_REVISION_HASH_LABEL] = hash;
  const metadata: JsonObject = { name, generateName: `${nameOf(ds)}-`, namespace: namespaceOf(ds), labels };
  if (isJsonObject(templateMeta.annotations)) metadata.annotations = { ...templateMeta.annotations };
  metadata.ownerReferences = [newControllerRef(ds)];
  if (Array.isArray(templateMeta.finalizers)) metadata.finalizers = [...(templateMeta.finalizers as unknown[])];
  const spec = withDaemonTolerations(specOf(template));
  spec.affinity = withNodeAffinity(spec.affinity, node);
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

/** Mirrors syncNodes: the creations (`Created pod: fluentd-x2x7k`), then the deletions, 250 of each at most. */
export function syncNodes(ctx: DaemonContext, remove: readonly KubeObject[], create: readonly string[]): void {
  const taken = new Set<string>();
  for (const node of create.slice(0, BURST_REPLICAS)) {
    const pod = newDaemonPod(ctx.ds, generatePodName(ctx, taken), node, ctx.hash, ctx.generation);
    // RealPodControl: a refused Pod is `FailedCreate: Error creating: ...`, and the sync is retried.
    const onError = (error: unknown): Action[] => [
      { type: 'event', event: { involved: ctx.ds, type: 'Warning', reason: 'FailedCreate', message: `Error creating: ${error instanceof Error ? error.message : String(error)}`, component: COMPONENT } },
    ];
    ctx.actions.push({ type: 'create', object: pod, onError });
    ctx.actions.push({ type: 'event', event: { involved: ctx.ds, type: 'Normal', reason: 'SuccessfulCreate', message: `Created pod: ${nameOf(pod)}`, component: COMPONENT } });
  }
  for (const pod of remove.slice(0, BURST_REPLICAS)) {
    ctx.actions.push({ type: 'delete', info: PODS, namespace: namespaceOf(pod), name: nameOf(pod) });
    ctx.actions.push({ type: 'event', event: { involved: ctx.ds, type: 'Normal', reason: 'SuccessfulDelete', message: `Deleted pod: ${nameOf(pod)}`, component: COMPONENT } });
  }
}

export const rollingUpdateOf = (ds: JsonObject): JsonObject | undefined => {
  const strategy = isJsonObject(specOf(ds).updateStrategy) ? (specOf(ds).updateStrategy as JsonObject) : {};
  return strategy.type === 'RollingUpdate' && isJsonObject(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
};

/** Mirrors SurgeCount: maxSurge of `total`, rounded up; 0 without RollingUpdate. */
export const surgeCount = (ds: JsonObject, total: number): number => scaledValue(rollingUpdateOf(ds)?.maxSurge ?? 0, total, true);
