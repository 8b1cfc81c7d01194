/**
 * The cluster's default StorageClass, as kind ships it (`standard`, served by the
 * rancher.io/local-path provisioner), and the DefaultStorageClass admission plugin that
 * gives it to claims which name no class.
 *
 * kind's class binds in WaitForFirstConsumer mode: a local-path volume lives on one Node's
 * disk, so it must be created where the first Pod using it is scheduled. The simulator
 * follows kind rather than Immediate so that learners see what they will see on kind
 * (`kubectl get pvc` says Pending with the `WaitForFirstConsumer` event until a Pod uses it).
 */
import { isJsonObject } from '../store/json';
import type { KubeObject } from '../store/store';

/** The annotation that marks a StorageClass as the default one. */
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** The pre-GA beta annotation, still honoured by storageutil.IsDefaultAnnotation. */
export const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
/** kind's provisioner. */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const DEFAULT_STORAGE_CLASS_NAME = 'standard';

/** The `standard` StorageClass a kind cluster starts with; the lead creates it at cluster start. */
export function defaultStorageClass(): KubeObject {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: DEFAULT_STORAGE_CLASS_NAME, annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}

/** Mirrors storageutil.IsDefaultAnnotation: the GA or the beta annotation, set to "true". */
export function isDefaultClass(storageClass: KubeObject): boolean {
  const meta = isJsonObject(storageClass.metadata) ? storageClass.metadata : {};
  const annotations = isJsonObject(meta.annotations) ? meta.annotations : {};
  return annotations[DEFAULT_CLASS_ANNOTATION] === 'true' || annotations[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
}

/**
 * Mirrors storageutil.GetDefaultClass (v1.30): of the classes marked default, the newest
 * (creationTimestamp, then name) wins; undefined when none is marked.
 */
export function defaultClassName(storageClasses: readonly KubeObject[]): string | undefined {
  let best: { name: string; created: string } | undefined;
  for (const storageClass of storageClasses) {
    if (!isDefaultClass(storageClass)) continue;
    const meta = storageClass.metadata as { name?: string; creationTimestamp?: string };
    const candidate = { name: meta.name ?? '', created: meta.creationTimestamp ?? '' };
    if (!best || candidate.created > best.created || (candidate.created === best.created && candidate.name < best.name)) best = candidate;
  }
  return best?.name;
}

/**
 * Mirrors the DefaultStorageClass admission plugin: the class a new claim gets when it
 * names none (spec.storageClassName absent, and no beta annotation). An explicit `""`
 * means "no class" and is kept. Returns undefined when the claim keeps what it has.
 *
 * The lead calls it from the store's `beforeCreate` hook for `v1/PersistentVolumeClaim`:
 * `const name = defaultStorageClassName(object, store.list(STORAGECLASSES)); if (name)
 * object.spec.storageClassName = name`. Without the hook, the PV controller assigns the
 * class a moment later (RetroactiveDefaultStorageClass, GA in v1.28): same end state.
 */
export function defaultStorageClassName(pvc: KubeObject, storageClasses: readonly KubeObject[]): string | undefined {
  const spec = isJsonObject(pvc.spec) ? pvc.spec : {};
  if (spec.storageClassName !== undefined && spec.storageClassName !== null) return undefined;
  const meta = isJsonObject(pvc.metadata) ? pvc.metadata : {};
  const annotations = isJsonObject(meta.annotations) ? meta.annotations : {};
  if (annotations['volume.beta.kubernetes.io/storage-class'] !== undefined) return undefined;
  return defaultClassName(storageClasses);
}
