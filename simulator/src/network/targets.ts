/**
 * The Pod behind `TYPE/NAME` for exec and port-forward, as kubectl's polymorphic helpers
 * choose it (AttachablePodForObject: the Pod itself, or among the Pods a workload's or a
 * Service's selector selects, ready and running ones first, then the oldest), and the Pod
 * port a port-forward reaches (a Service's port goes to its targetPort, named ports are
 * looked up in the Pod), and the container kubectl picks when none is named. Texts are
 * kubectl's own.
 */
import { findResource, kindInfo, type KindInfo } from '../api/catalog';
import { list, obj, text } from '../kubelet/util';
import { formatLabelSelector } from '../store/selectors';
import { isJsonObject, type JsonObject } from '../store/json';
import type { ObjectStore } from '../store/store';
import { containerPort } from './http';

const PODS = kindInfo('v1', 'Pod')!;

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
  // Mirrors GetFirstPod: no Pod yet, it watches for one until --pod-running-timeout (1m).
  return pod ? { ok: true, value: pod } : { ok: false, error: 'error: timed out waiting for the condition' };
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

/** podcmd.AllContainerNames: `init (init), web, sidecar`. */
function allContainerNames(pod: JsonObject): string {
  const spec = obj(pod.spec);
  return [...list(spec.initContainers).map((c) => `${text(c.name)} (init)`), ...list(spec.containers).map((c) => text(c.name)), ...list(spec.ephemeralContainers).map((c) => `${text(c.name)} (ephem)`)].join(', ');
}

/**
 * Mirrors podcmd.FindOrDefaultContainerByName: the `kubectl.kubernetes.io/default-container`
 * annotation's container, else the first one, said on stderr when there was a choice
 * (`Defaulted container "web" out of: web, sidecar`) unless `quiet`.
 */
export function defaultContainer(pod: JsonObject, quiet = false): { name: string; notice: string } {
  const spec = obj(pod.spec);
  const containers = list(spec.containers);
  const annotated = text(obj(obj(pod.metadata).annotations)['kubectl.kubernetes.io/default-container']);
  if (annotated !== '' && containers.some((c) => text(c.name) === annotated)) return { name: annotated, notice: '' };
  const name = text(containers[0]?.name);
  const choice = containers.length > 1 || list(spec.initContainers).length > 0 || list(spec.ephemeralContainers).length > 0;
  return { name, notice: choice && !quiet ? `Defaulted container ${JSON.stringify(name)} out of: ${allContainerNames(pod)}\n` : '' };
}
