/**
 * Walkthrough steps that check the cluster. A step states, as data, what the cluster must
 * hold for it to be done; the checks are evaluated after every change and each result is
 * published as a context key, `atelierKubernetes.step.<walkthrough>.<step>`, which the
 * step's `onContext:` completion event waits for. The language (walkthroughs/checks.json):
 *
 *   { "kind": "Deployment", "namespace": "default", "name": "web", "readyReplicas": 3 }
 *   { "kind": "Pod", "labelSelector": "app=web", "phase": "Running", "count": 2 }
 *   { "kind": "Service", "name": "web", "type": "NodePort" }
 *   { "kind": "PersistentVolumeClaim", "phase": "Bound" }
 *   { "kind": "Deployment", "name": "web", "field": "spec.replicas", "equals": 5 }
 *   { "dockerImage": "monimage:1.0" }
 *   { "dockerContainer": "monimage:1.0", "running": true }
 *   { "anyOf": [ CHECK, ... ] }   { "allOf": [ CHECK, ... ] }   { "not": CHECK }
 *
 * `kind` is what kubectl accepts (`Deployment`, `deploy`, `deployments.apps`). Without
 * `namespace`, every namespace but the system ones (kube-*). An object matches when every
 * condition given holds; the check holds when at least `count` objects (default 1) match.
 * `field` is a path (`status.conditions[0].type`, `metadata.labels['app.kubernetes.io/name']`)
 * compared to `equals` (any JSON value), or only required to exist with `"exists": true`.
 * The Docker forms read the cluster's simulated Docker engine: `dockerImage` holds when an
 * image of that reference was built locally (`docker build -t`, a pulled image does not
 * count); `dockerContainer` when a container of that image exists, running (`"running":
 * true`), stopped (`false`), or in any state (no `running`).
 * Pure: no `vscode` (register.ts publishes the keys).
 */
import { findResource } from '../../../simulator/src/api/catalog';
import { stateOf } from '../../../simulator/src/docker/containers';
import type { DockerEngine } from '../../../simulator/src/docker/engine';
import { parseReference } from '../../../simulator/src/kubelet/reference';
import { ObjectStore, type KubeObject } from '../../../simulator/src/store/store';

export interface ObjectCheck {
  kind: string;
  namespace?: string;
  name?: string;
  labelSelector?: string;
  /** status.phase (Pods, PersistentVolumeClaims, Namespaces). */
  phase?: string;
  /** spec.type (Services). */
  type?: string;
  /** status.readyReplicas, exactly (an absent value counts as 0). */
  readyReplicas?: number;
  /** spec.replicas, exactly. */
  replicas?: number;
  field?: string;
  equals?: unknown;
  exists?: boolean;
  /** How many objects must match, at least (default 1). */
  count?: number;
}

export interface DockerImageCheck {
  /** An image reference (`monimage:1.0`, `monimage` for `monimage:latest`). */
  dockerImage: string;
}

export interface DockerContainerCheck {
  /** The image reference the container was run from. */
  dockerContainer: string;
  /** true: running; false: created or exited; absent: any state. */
  running?: boolean;
}

export type Check = ObjectCheck | DockerImageCheck | DockerContainerCheck | { anyOf: Check[] } | { allOf: Check[] } | { not: Check };

/** What checks read: the cluster's store and its Docker engine (a Cluster is one). A store alone: Docker checks do not hold. */
export interface CheckContext {
  store: ObjectStore;
  docker?: DockerEngine;
}

export interface StepCheck {
  walkthrough: string;
  step: string;
  /** The context key the step's completion event waits for. */
  key: string;
  check: Check;
}

/** The context key of a step. */
export const stepKey = (walkthrough: string, step: string): string => `atelierKubernetes.step.${walkthrough}.${step}`;

const OBJECT_KEYS = new Set(['kind', 'namespace', 'name', 'labelSelector', 'phase', 'type', 'readyReplicas', 'replicas', 'field', 'equals', 'exists', 'count']);
const STRINGS = ['kind', 'namespace', 'name', 'labelSelector', 'phase', 'type', 'field'] as const;
const NUMBERS = ['readyReplicas', 'replicas', 'count'] as const;
const SYSTEM_NAMESPACE = /^kube-/;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** What is wrong with a check (in English, for the output channel), or [] when it is well formed. */
export function checkProblems(value: unknown, where: string): string[] {
  if (!isRecord(value)) return [`${where}: a check is an object`];
  if ('anyOf' in value || 'allOf' in value) {
    const list = value.anyOf ?? value.allOf;
    if (!Array.isArray(list) || list.length === 0 || Object.keys(value).length !== 1) return [`${where}: anyOf/allOf take a non-empty list, alone`];
    return list.flatMap((item, index) => checkProblems(item, `${where}[${index}]`));
  }
  if ('not' in value) return Object.keys(value).length === 1 ? checkProblems(value.not, `${where}.not`) : [`${where}: not stands alone`];
  if ('dockerImage' in value || 'dockerContainer' in value) return dockerProblems(value, where);
  const problems = Object.keys(value).filter((key) => !OBJECT_KEYS.has(key)).map((key) => `${where}: unknown key ${JSON.stringify(key)}`);
  for (const key of STRINGS) if (key in value && typeof value[key] !== 'string') problems.push(`${where}.${key}: a string`);
  for (const key of NUMBERS) if (key in value && (typeof value[key] !== 'number' || !Number.isInteger(value[key]))) problems.push(`${where}.${key}: an integer`);
  if (typeof value.kind !== 'string' || !findResource(value.kind)) problems.push(`${where}.kind: ${JSON.stringify(value.kind)} is not a resource type of the cluster`);
  if (('equals' in value || 'exists' in value) && typeof value.field !== 'string') problems.push(`${where}: equals/exists need a field`);
  if (typeof value.field === 'string' && !('equals' in value) && !('exists' in value)) problems.push(`${where}: field needs equals or exists`);
  return problems;
}

function dockerProblems(value: Record<string, unknown>, where: string): string[] {
  const key = 'dockerImage' in value ? 'dockerImage' : 'dockerContainer';
  const allowed = key === 'dockerImage' ? ['dockerImage'] : ['dockerContainer', 'running'];
  const problems = Object.keys(value).filter((k) => !allowed.includes(k)).map((k) => `${where}: unknown key ${JSON.stringify(k)} with ${key}`);
  const reference = value[key];
  if (typeof reference !== 'string' || !parseReference(reference).ok) problems.push(`${where}.${key}: ${JSON.stringify(reference)} is not an image reference`);
  if ('running' in value && typeof value.running !== 'boolean') problems.push(`${where}.running: a boolean`);
  return problems;
}

/** The normalized form of an image reference (`monimage` -> `docker.io/library/monimage:latest`). */
function normalized(reference: string): string | undefined {
  const parsed = parseReference(reference);
  return parsed.ok ? parsed.reference.normalized : undefined;
}

function dockerHolds(check: DockerImageCheck | DockerContainerCheck, docker: DockerEngine | undefined): boolean {
  if (!docker) return false;
  if ('dockerImage' in check) {
    const image = docker.imageNamed(normalized(check.dockerImage) ?? '');
    return image?.config !== undefined;
  }
  const wanted = normalized(check.dockerContainer);
  const image = docker.imageNamed(wanted ?? '');
  const now = docker.clock.now();
  return docker.containers.some((container) => {
    if (container.reference !== wanted && container.imageId !== image?.id) return false;
    if (check.running === undefined) return true;
    return (stateOf(docker, container, now).status === 'running') === check.running;
  });
}

/** The steps of checks.json (`{ walkthrough: { step: CHECK } }`) and what is wrong in it. */
export function parseChecks(data: unknown): { steps: StepCheck[]; problems: string[] } {
  if (!isRecord(data)) return { steps: [], problems: ['checks.json: an object of walkthroughs'] };
  const steps: StepCheck[] = [];
  const problems: string[] = [];
  for (const [walkthrough, byStep] of Object.entries(data)) {
    if (walkthrough.startsWith('$')) continue;
    if (!isRecord(byStep)) {
      problems.push(`${walkthrough}: an object of steps`);
      continue;
    }
    for (const [step, check] of Object.entries(byStep)) {
      const found = checkProblems(check, `${walkthrough}.${step}`);
      if (found.length > 0) problems.push(...found);
      else steps.push({ walkthrough, step, key: stepKey(walkthrough, step), check: check as Check });
    }
  }
  return { steps, problems };
}

/** `a.b[0].c`, `metadata.labels['app.kubernetes.io/name']`: the value at the path, or undefined. */
export function valueAt(object: unknown, path: string): unknown {
  const parts = [...path.matchAll(/\[(?:'([^']*)'|"([^"]*)"|(\d+))\]|([^.[\]]+)/g)].map((m) => m[1] ?? m[2] ?? (m[3] !== undefined ? Number(m[3]) : m[4]!));
  let value: unknown = object;
  for (const part of parts) {
    if (typeof part === 'number') value = Array.isArray(value) ? value[part] : undefined;
    else value = isRecord(value) ? value[part] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/** JSON equality (key order does not matter). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isRecord(a) && isRecord(b)) return Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((key) => equal(a[key], b[key]));
  return false;
}

const namespaceOf = (object: KubeObject): string => {
  const namespace = valueAt(object, 'metadata.namespace');
  return typeof namespace === 'string' ? namespace : '';
};

function matches(check: ObjectCheck, object: KubeObject): boolean {
  if (check.phase !== undefined && valueAt(object, 'status.phase') !== check.phase) return false;
  if (check.type !== undefined && (valueAt(object, 'spec.type') ?? 'ClusterIP') !== check.type) return false;
  if (check.readyReplicas !== undefined && (valueAt(object, 'status.readyReplicas') ?? 0) !== check.readyReplicas) return false;
  if (check.replicas !== undefined && valueAt(object, 'spec.replicas') !== check.replicas) return false;
  if (check.field !== undefined) {
    const value = valueAt(object, check.field);
    if ('equals' in check && !equal(value, check.equals)) return false;
    if (check.exists !== undefined && (value !== undefined) !== check.exists) return false;
  }
  return true;
}

/** Whether the cluster's state (a Cluster, `{ store, docker }`, or a store alone) satisfies the check now. */
export function evaluate(check: Check, state: CheckContext | ObjectStore): boolean {
  const context: CheckContext = state instanceof ObjectStore ? { store: state } : state;
  if ('anyOf' in check) return check.anyOf.some((item) => evaluate(item, context));
  if ('allOf' in check) return check.allOf.every((item) => evaluate(item, context));
  if ('not' in check) return !evaluate(check.not, context);
  if ('dockerImage' in check || 'dockerContainer' in check) return dockerHolds(check, context.docker);
  const { store } = context;
  const info = findResource(check.kind);
  if (!info) return false;
  const namespace = info.namespaced ? check.namespace : undefined;
  let objects = store.list(info, { ...(namespace ? { namespace } : {}), ...(check.labelSelector ? { labelSelector: check.labelSelector } : {}) });
  if (info.namespaced && !namespace) objects = objects.filter((object) => !SYSTEM_NAMESPACE.test(namespaceOf(object)));
  if (check.name !== undefined) objects = objects.filter((object) => valueAt(object, 'metadata.name') === check.name);
  return objects.filter((object) => matches(check, object)).length >= (check.count ?? 1);
}

/**
 * Evaluates the steps' checks after each change and publishes the keys whose value changed
 * (all of them the first time): one `setContext` per key and change, however many objects
 * the change wrote.
 */
export class StepChecks {
  private readonly published = new Map<string, boolean>();

  constructor(
    private readonly steps: readonly StepCheck[],
    private readonly publish: (key: string, value: boolean) => void,
  ) {}

  /** The values published so far, by key. */
  get values(): ReadonlyMap<string, boolean> {
    return this.published;
  }

  update(state: CheckContext | ObjectStore): void {
    for (const step of this.steps) {
      let value: boolean;
      try {
        value = evaluate(step.check, state);
      } catch {
        // A label selector the store refuses: the step is simply not done.
        value = false;
      }
      if (this.published.get(step.key) === value) continue;
      this.published.set(step.key, value);
      this.publish(step.key, value);
    }
  }
}
