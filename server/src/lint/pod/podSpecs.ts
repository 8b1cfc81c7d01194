/**
 * Where the PodSpecs of an object are, and the containers inside them, with their paths:
 * the workload rules check the same things in a Pod, a Deployment's template or a
 * CronJob's job template, and report at the path of the object they were found in.
 */
import type { Path } from '../../documents/positions';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Where each kind keeps its PodSpec. */
const POD_SPEC_PATHS: Readonly<Record<string, Path>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Every kind that holds a PodSpec. */
export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

/** Controllers that restart their Pods forever: their containers are meant to run for good. */
export const LONG_RUNNING_KINDS: readonly string[] = ['Pod', 'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet'];

export interface PodSpecAt {
  path: Path;
  spec: JsonObject;
  /** True when its containers are expected to keep running (a server, not a batch task). */
  longRunning: boolean;
}

/** The value at `path` in `object`, or undefined. */
export function valueAt(object: unknown, path: readonly (string | number)[]): unknown {
  let current = object;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(current) : !isObject(current)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * The longest prefix of `path` that exists in `object`: findings point at fields the
 * learner wrote, so the diagnostic lands on them and a quick fix knows where to insert.
 */
export function existingPath(object: unknown, path: Path): Path {
  let current = object;
  const out: Path = [];
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(current) : !isObject(current)) break;
    const next = (current as Record<string | number, unknown>)[segment];
    if (next === undefined) break;
    out.push(segment);
    current = next;
  }
  return out;
}

/** The PodSpec of an object of `kind` (none when the kind has none or it is not written yet). */
export function podSpecsOf(object: unknown, kind: string): PodSpecAt[] {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return [];
  const spec = valueAt(object, path);
  if (!isObject(spec)) return [];
  // A bare Pod restarts its containers unless told otherwise (restartPolicy defaults to Always).
  const longRunning = kind === 'Pod' ? (spec.restartPolicy ?? 'Always') === 'Always' : LONG_RUNNING_KINDS.includes(kind);
  return [{ path: [...path], spec, longRunning }];
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerAt {
  path: Path;
  container: JsonObject;
  list: ContainerList;
  /** Its name, or `n° 2` (1-based) when it has none yet. */
  label: string;
}

/** The containers of a PodSpec, from the given lists (in the order the lists are given). */
export function containersOf(
  pod: PodSpecAt,
  lists: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'],
): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const list of lists) {
    const items = pod.spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((container: unknown, index) => {
      if (!isObject(container)) return;
      const label = typeof container.name === 'string' && container.name !== '' ? container.name : `n° ${index + 1}`;
      out.push({ path: [...pod.path, list, index], container, list, label });
    });
  }
  return out;
}

/** Every container of every PodSpec of the object. */
export function allContainers(object: unknown, kind: string, lists?: readonly ContainerList[]): ContainerAt[] {
  return podSpecsOf(object, kind).flatMap((pod) => containersOf(pod, lists));
}

/**
 * A sidecar: an init container with `restartPolicy: Always` (Kubernetes 1.29+). It runs for
 * the whole life of the Pod, like a regular container, and may have probes.
 */
export function isSidecar(container: ContainerAt): boolean {
  return container.list === 'initContainers' && container.container.restartPolicy === 'Always';
}

const LIST_NOUNS: Readonly<Record<ContainerList, string>> = {
  containers: 'conteneur',
  initContainers: "conteneur d'initialisation",
  ephemeralContainers: 'conteneur éphémère',
};

/**
 * `conteneur « web »`, `conteneur d'initialisation « migrate »`: how messages name a
 * container, after `le`, `au` or `du` (the noun is always `conteneur`).
 */
export function containerPhrase(container: ContainerAt): string {
  return `${LIST_NOUNS[container.list]} « ${container.label} »`;
}
