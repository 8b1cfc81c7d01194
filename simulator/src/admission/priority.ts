/**
 * The Priority admission plugin (plugin/pkg/admission/priority, v1.30). On Pod creation it
 * resolves spec.priorityClassName into spec.priority and spec.preemptionPolicy: without a
 * class, the globalDefault PriorityClass if there is one, else priority 0 and
 * PreemptLowerPriority (what `kubectl describe pod` shows as `Priority:         0`). A class
 * that does not exist refuses the Pod:
 * `pods "web" is forbidden: no PriorityClass with name gold was found`.
 * On update, a Pod sent without them keeps the ones admission set. A second PriorityClass
 * marked globalDefault is refused (`PriorityClass high is already marked as default. Only
 * one default can exist`).
 *
 * The API server creates the two system classes at start (system-node-critical and
 * system-cluster-critical); the simulated one does not store them, so they are known here
 * when no stored PriorityClass has their name.
 */
import { kindInfo } from '../api/catalog';
import { forbiddenError } from '../api/errors';
import { isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, ObjectStore } from '../store/store';

const PODS = kindInfo('v1', 'Pod')!;
const PRIORITY_CLASSES = kindInfo('scheduling.k8s.io/v1', 'PriorityClass')!;

/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
export const DEFAULT_PRIORITY = 0;
const PREEMPT_LOWER_PRIORITY = 'PreemptLowerPriority';

/** scheduling.SystemPriorityClasses(): SystemCriticalPriority (2e9) and 1000 more for the node-critical one. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

interface Resolved {
  className: string;
  priority: number;
  preemptionPolicy: string | undefined;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function fromClass(pc: Readonly<JsonObject>): Resolved {
  const value = typeof pc.value === 'number' ? pc.value : 0;
  const policy = typeof pc.preemptionPolicy === 'string' ? pc.preemptionPolicy : undefined;
  return { className: text(isJsonObject(pc.metadata) ? pc.metadata.name : ''), priority: value, preemptionPolicy: policy };
}

/** getDefaultPriorityClass: the globalDefault class (the lowest value, should a race have made two). */
function defaultClass(store: ObjectStore): Readonly<JsonObject> | undefined {
  let chosen: Readonly<JsonObject> | undefined;
  for (const pc of store.view(PRIORITY_CLASSES)) {
    if (pc.globalDefault !== true) continue;
    if (!chosen || Number(chosen.value) > Number(pc.value)) chosen = pc;
  }
  return chosen;
}

/** getDefaultPriority: the default class's, else 0 and PreemptLowerPriority. */
function defaultPriority(store: ObjectStore): Resolved {
  const chosen = defaultClass(store);
  return chosen ? fromClass(chosen) : { className: '', priority: DEFAULT_PRIORITY, preemptionPolicy: PREEMPT_LOWER_PRIORITY };
}

function namedPriority(store: ObjectStore, name: string, requested: string): Resolved {
  const pc = store.peek(PRIORITY_CLASSES, '', name);
  if (pc) return fromClass(pc);
  const system = SYSTEM_PRIORITY_CLASSES[name];
  if (system !== undefined) return { className: name, priority: system, preemptionPolicy: PREEMPT_LOWER_PRIORITY };
  throw forbiddenError(
    PODS,
    requested,
    `no PriorityClass with name ${name} was found`,
    `Le Pod demande la PriorityClass « ${name} », qui n'existe pas (kubectl get priorityclasses). Crée-la d'abord, ou corrige spec.priorityClassName.`,
  );
}

/**
 * Admit for a Pod being created (the store's own copy, changed in place): sets
 * spec.priority and spec.preemptionPolicy, and spec.priorityClassName from a global
 * default class. Throws the plugin's Forbidden errors; `requested` is the name admission
 * knows (or the generateName).
 */
export function admitPriority(store: ObjectStore, pod: KubeObject, requested: string): void {
  const spec = isJsonObject(pod.spec) ? pod.spec : (pod.spec = {});
  const className = text(spec.priorityClassName);
  const resolved = className === '' ? defaultPriority(store) : namedPriority(store, className, requested);
  if (className === '' && resolved.className !== '') spec.priorityClassName = resolved.className;
  if (typeof spec.priority === 'number' && spec.priority !== resolved.priority) {
    throw forbiddenError(
      PODS,
      requested,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${resolved.priority} from the given PriorityClass name`,
      "spec.priority se calcule à partir de la PriorityClass : retire spec.priority du manifeste et choisis la priorité avec spec.priorityClassName.",
    );
  }
  spec.priority = resolved.priority;
  if (resolved.preemptionPolicy === undefined) return;
  if (typeof spec.preemptionPolicy === 'string' && spec.preemptionPolicy !== resolved.preemptionPolicy) {
    throw forbiddenError(
      PODS,
      requested,
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`,
      'spec.preemptionPolicy vient de la PriorityClass : retire-le du manifeste, ou choisis une PriorityClass qui a la politique voulue.',
    );
  }
  spec.preemptionPolicy = resolved.preemptionPolicy;
}

/**
 * validatePriorityClass, on create and update of a PriorityClass: only one may be the
 * global default.
 */
export function admitPriorityClass(store: ObjectStore, priorityClass: KubeObject, operation: 'create' | 'update'): void {
  if (priorityClass.globalDefault !== true) return;
  const current = defaultClass(store);
  if (!current) return;
  const name = text(isJsonObject(priorityClass.metadata) ? priorityClass.metadata.name : '');
  const currentName = text(isJsonObject(current.metadata) ? current.metadata.name : '');
  if (operation === 'update' && currentName === name) return;
  throw forbiddenError(
    PRIORITY_CLASSES,
    name,
    `PriorityClass ${currentName} is already marked as default. Only one default can exist`,
    `La PriorityClass « ${currentName} » est déjà celle par défaut (globalDefault: true) : il ne peut y en avoir qu'une. Retire globalDefault de l'une des deux.`,
  );
}

/** On update: a Pod sent without priority or preemptionPolicy keeps the stored ones (in place). */
export function keepPriority(pod: KubeObject, old: KubeObject): void {
  const oldSpec = isJsonObject(old.spec) ? old.spec : {};
  if (!isJsonObject(pod.spec)) return;
  for (const field of ['priority', 'preemptionPolicy']) {
    if ((pod.spec[field] === undefined || pod.spec[field] === null) && oldSpec[field] !== undefined) pod.spec[field] = oldSpec[field];
  }
}
