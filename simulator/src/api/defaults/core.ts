/**
 * Defaults of the core kinds that are neither pods nor services nor storage: Namespace,
 * Node, Secret and LimitRange (pkg/apis/core/v1/defaults.go). ConfigMap, ServiceAccount,
 * Event and ResourceQuota have none that show: SetDefaults_ConfigMap makes an empty
 * `data` map, which is never serialized (omitempty).
 */
import { deepCopy, ensureObj, isEmpty, isNil, objAt, objsAt, setIfZero, type Obj } from './util';

/** The finalizer a namespace keeps until the namespace controller has emptied it. */
const KUBERNETES_FINALIZER = 'kubernetes';

/**
 * Mirrors SetDefaults_Namespace (the `kubernetes.io/metadata.name` label, which makes a
 * namespace selectable by name in NetworkPolicies), SetDefaults_NamespaceStatus (phase
 * Active) and the `kubernetes` finalizer that the namespace registry's PrepareForCreate
 * adds (pkg/registry/core/namespace/strategy.go).
 */
export function defaultNamespace(namespace: Obj): void {
  const metadata = ensureObj(namespace, 'metadata');
  // A name still to be generated (generateName) gets its label when read back.
  if (typeof metadata?.name === 'string' && metadata.name !== '') {
    const labels = ensureObj(metadata, 'labels');
    if (labels !== undefined) labels['kubernetes.io/metadata.name'] = metadata.name;
  }
  const spec = ensureObj(namespace, 'spec');
  if (spec !== undefined) {
    if (isNil(spec.finalizers)) spec.finalizers = [KUBERNETES_FINALIZER];
    else if (Array.isArray(spec.finalizers) && !spec.finalizers.includes(KUBERNETES_FINALIZER)) {
      spec.finalizers = [...(spec.finalizers as unknown[]), KUBERNETES_FINALIZER];
    }
  }
  setIfZero(ensureObj(namespace, 'status'), 'phase', 'Active');
}

/** Mirrors SetDefaults_NodeStatus: without a reported allocatable, all the capacity is. */
export function defaultNode(node: Obj): void {
  const status = objAt(node, 'status');
  const capacity = objAt(status, 'capacity');
  if (status !== undefined && capacity !== undefined && isNil(status.allocatable)) {
    status.allocatable = deepCopy(capacity);
  }
}

/** Mirrors SetDefaults_Secret: a Secret without a type holds arbitrary data. */
export function defaultSecret(secret: Obj): void {
  setIfZero(secret, 'type', 'Opaque');
}

/** Adds to the map `item[key]` the entries of `from` it lacks (never leaves an empty map behind). */
function fillMissing(item: Obj, key: string, from: Obj | undefined): void {
  if (from === undefined || isEmpty(from)) return;
  const target = ensureObj(item, key);
  if (target === undefined) return;
  for (const [name, quantity] of Object.entries(from)) if (!Object.hasOwn(target, name)) target[name] = quantity;
}

/**
 * Mirrors SetDefaults_LimitRangeItem: for containers, the default limit falls back to
 * max, the default request to the default limit, then to min.
 */
export function defaultLimitRange(limitRange: Obj): void {
  for (const item of objsAt(objAt(limitRange, 'spec'), 'limits')) {
    if (item.type !== 'Container') continue;
    fillMissing(item, 'default', objAt(item, 'max'));
    fillMissing(item, 'defaultRequest', objAt(item, 'default'));
    fillMissing(item, 'defaultRequest', objAt(item, 'min'));
  }
}
