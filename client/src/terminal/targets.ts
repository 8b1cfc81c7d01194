/**
 * The Pod behind `TYPE/NAME` for exec and port-forward, as kubectl's polymorphic helpers
 * choose it (AttachablePodForObject: the Pod itself, or among the Pods a workload's or a
 * Service's selector selects, ready and running ones first, then the oldest), and the Pod
 * port a port-forward reaches (a Service's port goes to its targetPort, named ports are
 * looked up in the Pod). Texts are kubectl's own.
 */
import { findResource, kindInfo, type KindInfo } from '../../../simulator/src/api/catalog';
import { formatLabelSelector } from '../../../simulator/src/store/selectors';
import { isJsonObject, type JsonObject } from '../../../simulator/src/store/json';
import type { ObjectStore } from '../../../simulator/src/store/store';
import { containerPort } from './network';

const PODS = kindInfo('v1', 'Pod')!;

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const list = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const nameOf = (object: JsonObject): string => text(obj(object.metadata).name);

export type Found<T> = { ok: true; value: T } | { ok: false; error: string };

/** `pod/web`, `deploy/web`, `svc/web` or a bare Pod name, to its kind and name. */
export function parseTarget(word: string): Found<{ info: KindInfo; name: string }> {
  const slash = word.indexOf('/');
  if (slash === -1) return { ok: true, value: { info: PODS, name: word } };
  const info = findResource(word.slice(0, slash));
  if (!info) return { ok: false, error: `error: the server doesn't have a resource type ${JSON.stringify(word.slice(0, slash))}` };
  return { ok: true, value: { info, name: word.slice(slash + 1) } };
}

/** Mirrors podutils.ActivePods' order, reversed: ready, then running, then scheduled, then oldest. */
function rank(pod: JsonObject): [number, number, number, string] {
  const status = obj(pod.status);
  const ready = list(status.conditions).some((c) => c.type === 'Ready' && c.status === 'True') ? 0 : 1;
  return [ready, status.phase === 'Running' ? 0 : 1, text(obj(pod.spec).nodeName) === '' ? 1 : 0, text(obj(pod.metadata).creationTimestamp)];
}

/** The Pod kubectl attaches to for `info/name`. */
export function attachablePod(store: ObjectStore, namespace: string, info: KindInfo, name: string): Found<JsonObject> {
  const object = store.find(info, info.namespaced ? namespace : '', name);
  const plural = info.group === '' ? info.resource : `${info.resource}.${info.group}`;
  if (!object) return { ok: false, error: `Error from server (NotFound): ${plural} ${JSON.stringify(name)} not found` };
  if (info.kind === 'Pod') return { ok: true, value: object };
  const selector = obj(object.spec).selector;
  if (!isJsonObject(selector)) return { ok: false, error: `error: cannot attach to ${info.kind}: selector for ${plural} not implemented` };
  const labelSelector = info.kind === 'Service' || info.kind === 'ReplicationController' ? formatLabelSelector({ matchLabels: selector }) : formatLabelSelector(selector);
  const pods = store.list(PODS, { namespace, labelSelector }).sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < 4; i++) if (ra[i] !== rb[i]) return ra[i]! < rb[i]! ? -1 : 1;
    return nameOf(a) < nameOf(b) ? -1 : 1;
  });
  const pod = pods[0];
  return pod ? { ok: true, value: pod } : { ok: false, error: `error: no matching resources found` };
}

/**
 * The Pod and its port for `kubectl port-forward info/name REMOTE` (kubectl's
 * translateServicePortToTargetPort for Services); the Pod must be running.
 */
export function forwardTarget(store: ObjectStore, namespace: string, info: KindInfo, name: string, remote: number): Found<{ pod: JsonObject; port: number }> {
  const found = attachablePod(store, namespace, info, name);
  if (!found.ok) return found;
  const pod = found.value;
  let port = remote;
  if (info.kind === 'Service') {
    const service = store.find(info, namespace, name)!;
    const servicePort = list(obj(service.spec).ports).find((p) => Number(p.port) === remote);
    if (!servicePort) return { ok: false, error: `error: Service ${name} does not have a service port ${remote}` };
    const target = containerPort(pod, servicePort.targetPort ?? servicePort.port);
    if (target === undefined) return { ok: false, error: `error: Pod '${nameOf(pod)}' does not have a named port '${text(servicePort.targetPort)}'` };
    port = target;
  }
  const phase = text(obj(pod.status).phase);
  if (phase !== 'Running') return { ok: false, error: `error: unable to forward port because pod is not running. Current status=${phase || 'Pending'}` };
  return { ok: true, value: { pod, port } };
}
