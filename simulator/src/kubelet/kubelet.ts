/**
 * The kubelet: one controller standing for the kubelet of every node. It reconciles the
 * Pods bound to a node (spec.nodeName set, never the others): admits them, creates their
 * sandbox (pod IP from the node's podCIDR), runs their containers through the stage table
 * (stages.ts), writes their status, records its events (`kubelet`, with the node as host),
 * reports pulled images in node.status.images, stops containers of deleted Pods and then
 * removes those Pods with grace 0. Delays come back as requeueAfter.
 */
import { kindInfo } from '../api/catalog';
import type { Action, Controller, Reader, ReconcileResult, Trigger } from '../controllers/types';
import { keyOf, splitKey } from '../controllers/types';
import type { WatchEvent } from '../store/store';
import { deepEqual, type JsonObject } from '../store/json';
import { containerEnv, serviceEnv } from './config';
import { fnv32, hexDigits } from './hash';
import { PodIPAllocator } from './ips';
import type { Sync } from './lifecycle';
import type { LocalImages } from './localImages';
import { NodeRuntimes } from './nodes';
import { containerKinds, rebuildRecord } from './rebuild';
import { runStages } from './stages';
import { newContainer, type PodRecord } from './state';
import { podStatus } from './status';
import { list, obj, text } from './util';
import { failedMountMessage, nextMountRetry, unmountedVolumes } from './volumes';

const PODS = kindInfo('v1', 'Pod')!;
const NODES = kindInfo('v1', 'Node')!;
/** A failed sandbox is retried after this long. */
const SANDBOX_RETRY_MS = 10_000;


/** The node's InternalIP (status.addresses), the address the kubelet reports as hostIP. */
export function nodeInternalIP(node: JsonObject): string {
  const address = list(obj(node.status).addresses).find((entry) => entry.type === 'InternalIP');
  return typeof address?.address === 'string' ? address.address : '';
}

/** The node's pod CIDR (spec.podCIDR, or the first of spec.podCIDRs). */
export function nodePodCIDR(node: JsonObject): string {
  const spec = obj(node.spec);
  if (typeof spec.podCIDR === 'string') return spec.podCIDR;
  return Array.isArray(spec.podCIDRs) && typeof spec.podCIDRs[0] === 'string' ? spec.podCIDRs[0] : '';
}

/** The node's kubelet stopped posting its status (Ready Unknown: the node failed). */
/**
 * True when `status` is the one the last sync wrote (its watch echo). Stored objects are
 * never changed in place, so a status found equal once is remembered and not hashed again.
 */
function wroteStatus(synced: NonNullable<PodRecord['synced']>, status: unknown): boolean {
  if (synced.seen !== undefined && synced.seen === status) return true;
  if (fnv32(JSON.stringify(status)) !== synced.status) return false;
  synced.seen = status;
  return true;
}

/**
 * True when `spec` is the one the last sync read. A Pod has no metadata.generation in v1.30
 * (that came with v1.33's PodObservedGenerationTracking), so the spec itself is compared:
 * by identity first (a status write keeps the stored spec), then by value.
 */
function sameSpec(synced: NonNullable<PodRecord['synced']>, spec: unknown): boolean {
  if (synced.spec === spec) return true;
  if (!deepEqual(synced.spec, spec)) return false;
  synced.spec = spec;
  return true;
}

function kubeletDown(node: JsonObject): boolean {
  return list(obj(node.status).conditions).some((condition) => condition.type === 'Ready' && condition.status === 'Unknown');
}

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  /**
   * Pods bound to a node, except the watch's echo of the kubelet's own status writes
   * (same spec, same status as written): those would only wake it for nothing.
   */
  readonly triggers: Trigger[] = [
    { info: PODS, keys: (event) => (this.concerns(event) ? [keyOf(event.object)] : []) },
    // A node that appears after its Pods were bound, or whose kubelet answers again: it takes them up now.
    { info: NODES, keys: (event) => (event.type === 'ADDED' || (event.type === 'MODIFIED' && !kubeletDown(event.object)) ? this.takeWaiting(keyOf(event.object)) : []) },
  ];
  /** Pods bound to a node that does not exist (yet), by node. */
  private readonly waitingForNode = new Map<string, Set<string>>();

  private takeWaiting(node: string): string[] {
    const keys = this.waitingForNode.get(node);
    this.waitingForNode.delete(node);
    return keys ? [...keys] : [];
  }
  /** Images the nodes hold without a registry (the cluster's Docker engine), set by the cluster. */
  localImages: LocalImages | undefined;
  private readonly records = new Map<string, PodRecord>();
  private readonly ips = new PodIPAllocator();
  private readonly runtimes = new NodeRuntimes();
  private adopted = false;

  private concerns(event: WatchEvent): boolean {
    const key = keyOf(event.object);
    const record = this.records.get(key);
    if (event.type === 'DELETED') return record !== undefined;
    const nodeName = obj(event.object.spec).nodeName;
    if (typeof nodeName !== 'string' || nodeName === '') return record !== undefined;
    const meta = obj(event.object.metadata);
    const synced = record?.synced;
    return !synced || record.uid !== meta.uid || meta.deletionTimestamp !== undefined || !sameSpec(synced, event.object.spec) || !wroteStatus(synced, event.object.status);
  }

  reconcile(key: string, reader: Reader): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const pod = reader.get(PODS, namespace, name);
    const meta = obj(pod?.metadata);
    let record = this.records.get(key);
    if (record && (!pod || record.uid !== meta.uid)) {
      this.forget(key, record);
      record = undefined;
    }
    const nodeName = obj(pod?.spec).nodeName;
    if (!pod || typeof nodeName !== 'string' || nodeName === '') return { actions: [] };
    const synced = record?.synced;
    if (synced && meta.deletionTimestamp === undefined && sameSpec(synced, pod.spec) && (synced.due === undefined || reader.now() < synced.due) && wroteStatus(synced, pod.status)) {
      // The watch echoing the kubelet's own status write: nothing new to look at.
      return synced.due === undefined ? { actions: [] } : { actions: [], requeueAfter: synced.due - reader.now() };
    }
    const node = reader.get(NODES, '', nodeName);
    // A failed node's kubelet does nothing: its Pods keep their last status, a deleted one stays Terminating.
    if (!node || kubeletDown(node)) {
      const waiting = this.waitingForNode.get(nodeName) ?? new Set<string>();
      this.waitingForNode.set(nodeName, waiting.add(key));
      return { actions: [] };
    }
    if (!this.adopted) this.adopt(reader);
    const now = reader.now();
    const deleting = meta.deletionTimestamp !== undefined;
    const phase = obj(pod.status).phase;
    if (!record && (phase === 'Succeeded' || phase === 'Failed')) {
      // A finished Pod: nothing runs; a deleted one can go at once.
      return { actions: deleting ? [{ type: 'delete', info: PODS, namespace, name, options: { gracePeriodSeconds: 0 } }] : [] };
    }
    const events: Action[] = [];
    const sync = this.sync(pod, node, reader, deleting, events);
    // RunPodSandbox happens in the first sync; its network is there by the time the pull starts.
    const sandboxDue = now;
    if (!record) {
      record = obj(pod.status).startTime ? rebuildRecord(pod, nodeName, sync, sandboxDue) : this.admit(pod, nodeName, now, sandboxDue);
      this.records.set(key, record);
    }
    sync.record = record;
    if (!record.sandbox && !deleting && !record.finished && now >= record.sandboxDue && this.volumesMounted(record, sync, reader)) this.createSandbox(record, node, sync);
    let next = record.finished ? undefined : runStages(record.containers, sync);
    if (!record.finished && !deleting && this.regularsFinished(record, sync.restartPolicy)) {
      // The Pod reached a terminal phase: sidecars are stopped, the sandbox goes.
      sync.deleting = true;
      next = runStages(record.containers, sync);
      sync.deleting = false;
      if (record.containers.every((c) => c.step === 'done' || c.step === 'waiting')) {
        record.finished = true;
        this.ips.release(record.uid);
      }
    }
    if (!record.sandbox && !deleting && !record.finished) next = Math.min(next ?? Infinity, record.sandboxDue);
    const actions: Action[] = [...events];
    const status = podStatus(pod, record, now, nodeInternalIP(node), deleting);
    if (!deepEqual(status, pod.status)) actions.push({ type: 'updateStatus', object: { ...pod, status } });
    const nodeUpdate = this.runtimes.statusUpdate(node);
    if (nodeUpdate) actions.push({ type: 'updateStatus', object: nodeUpdate });
    if (deleting && record.containers.every((c) => c.step !== 'running' && c.step !== 'stopping')) {
      // Mirrors the status manager: once the containers are gone, the Pod is deleted with grace 0.
      actions.push({ type: 'delete', info: PODS, namespace, name, options: { gracePeriodSeconds: 0 } });
      this.forget(key, record);
      return { actions };
    }
    const due = next === undefined || !Number.isFinite(next) ? undefined : next;
    record.synced = { status: fnv32(JSON.stringify(status)), spec: pod.spec, due };
    return due === undefined ? { actions } : { actions, requeueAfter: Math.max(0, due - now) };
  }

  /** A Pod seen for the first time: admitted now, its sandbox on the way. */
  private admit(pod: JsonObject, node: string, now: number, sandboxDue: number): PodRecord {
    const containers = containerKinds(obj(pod.spec)).map(({ name, kind }) => newContainer(name, kind, now));
    return { uid: text(obj(pod.metadata).uid), node, admittedAt: now, sandboxDue, containers, finished: false };
  }

  /**
   * WaitForAttachAndMount, before the sandbox: every configMap and secret volume must mount.
   * Each failed round is a FailedMount warning per volume; the next round waits out the back-off.
   */
  private volumesMounted(record: PodRecord, sync: Sync, reader: Reader): boolean {
    const failed = unmountedVolumes(reader, sync.pod);
    if (failed.length === 0) {
      delete record.mountRetry;
      return true;
    }
    for (const { volume, error } of failed) sync.event('Warning', 'FailedMount', failedMountMessage(volume, error));
    record.mountRetry = nextMountRetry(record.mountRetry, sync.now);
    record.sandboxDue = record.mountRetry.next;
    return false;
  }

  /** RunPodSandbox: the pause container and its network (host-local IPAM), or the CNI's error. */
  private createSandbox(record: PodRecord, node: JsonObject, sync: Sync): void {
    if (obj(sync.pod.spec).hostNetwork === true) {
      record.sandbox = { ip: nodeInternalIP(node) };
      return;
    }
    const allocation = this.ips.allocate(record.node, nodePodCIDR(node), record.uid);
    if (allocation.ok) {
      record.sandbox = { ip: allocation.ip };
      return;
    }
    const sandboxID = hexDigits(`sandbox:${record.uid}`);
    sync.event('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxID}": plugin type="host-local" failed (add): ${allocation.error}`);
    record.sandboxDue = sync.now + SANDBOX_RETRY_MS;
  }

  /** Under restartPolicy Never or OnFailure, every regular container is done (or an init container failed under Never). */
  private regularsFinished(record: PodRecord, restartPolicy: string): boolean {
    if (restartPolicy === 'Always') return false;
    const regular = record.containers.filter((c) => c.kind === 'regular');
    if (regular.every((c) => c.step === 'done')) return true;
    return restartPolicy === 'Never' && record.containers.some((c) => c.kind === 'init' && c.step === 'done' && (c.terminated?.exitCode ?? 0) !== 0);
  }

  private forget(key: string, record: PodRecord): void {
    this.ips.release(record.uid);
    this.records.delete(key);
  }

  /** Once: the addresses Pods already hold (a kubelet started over a loaded cluster). */
  private adopt(reader: Reader): void {
    this.adopted = true;
    const cidrs = new Map<string, string>();
    for (const pod of reader.list(PODS)) {
      const spec = obj(pod.spec);
      const status = obj(pod.status);
      if (typeof spec.nodeName !== 'string' || typeof status.podIP !== 'string' || spec.hostNetwork === true) continue;
      if (status.phase === 'Succeeded' || status.phase === 'Failed') continue;
      if (!cidrs.has(spec.nodeName)) cidrs.set(spec.nodeName, nodePodCIDR(reader.get(NODES, '', spec.nodeName) ?? {}));
      this.ips.adopt(spec.nodeName, cidrs.get(spec.nodeName)!, String(obj(pod.metadata).uid), status.podIP);
    }
  }

  /** What the stages may read and do for this Pod during this reconcile. */
  private sync(pod: JsonObject, node: JsonObject, reader: Reader, deleting: boolean, actions: Action[]): Sync {
    const meta = obj(pod.metadata);
    const spec = obj(pod.spec);
    const hostIP = nodeInternalIP(node);
    const namespace = text(meta.namespace, 'default');
    const specs = new Map([...list(spec.initContainers), ...list(spec.containers)].map((c) => [String(c.name), c]));
    const sync: Sync = {
      now: reader.now(),
      pod,
      record: undefined as unknown as PodRecord,
      deleting,
      restartPolicy: text(spec.restartPolicy, 'Always'),
      podRef: `${String(meta.name)}_${namespace}(${String(meta.uid)})`,
      spec: (c) => specs.get(c.name) ?? {},
      event: (type, reason, message) => actions.push({ type: 'event', event: { involved: pod, type, reason, message, component: 'kubelet', host: String(spec.nodeName) } }),
      imagePresent: (normalized) => this.runtimes.present(node, normalized),
      ...(this.localImages ? { localImages: this.localImages } : {}),
      schedulePull: (pulled, normalized, key) => this.runtimes.schedule(node, sync.now, pulled, normalized, key),
      imagePulled: (pulled) => this.runtimes.add(node, pulled),
      env: (container) => containerEnv({ reader, pod, container, podIP: sync.podIP(), hostIP, allocatable: obj(obj(node.status).allocatable) }),
      serviceEnv: () => serviceEnv(reader, namespace, spec.enableServiceLinks !== false),
      podIP: () => sync.record?.sandbox?.ip ?? '',
      graceMs: (_c, probe) => {
        if (deleting && typeof meta.deletionGracePeriodSeconds === 'number') return meta.deletionGracePeriodSeconds * 1000;
        const seconds = typeof probe?.terminationGracePeriodSeconds === 'number' ? probe.terminationGracePeriodSeconds : spec.terminationGracePeriodSeconds;
        return (typeof seconds === 'number' ? seconds : 30) * 1000;
      },
    };
    return sync;
  }
}

/** A kubelet for the cluster (one controller for all nodes). */
export function createKubelet(): Kubelet {
  return new Kubelet();
}
