/**
 * The simulated API server's admission chain on create, in kube-apiserver's order (v1.30
 * default plugins): the mutating plugins LimitRanger, ServiceAccount, Priority,
 * DefaultTolerationSeconds and DefaultStorageClass change the object, then, once it is
 * valid, the validating ones (LimitRanger again, ResourceQuota last) may refuse it with a
 * 403 Forbidden (`pods "web-7d4b9c8f5-" is forbidden: exceeded quota: ...`).
 * NamespaceLifecycle stays in the store. On update, only Priority has something to do.
 * Priority also checks PriorityClasses: one global default at most.
 * The cluster plugs the chain into the store's beforeCreate and beforeUpdate hooks;
 * objects the simulator writes as trusted (Events) skip it.
 */
import { kindInfo, type KindInfo } from '../api/catalog';
import { forbiddenError, invalidError } from '../api/errors';
import { defaultStorageClassName } from '../controllers/storageclass';
import { isJsonObject, type JsonObject } from '../store/json';
import { check } from '../store/requests';
import type { KubeObject, ObjectStore, WriteOptions } from '../store/store';
import { applyLimitRangeDefaults, limitRangeRefusal } from './limitranger';
import { admitPriority, admitPriorityClass, keepPriority } from './priority';
import { quotaRefusal } from './quota';
import { admitServiceAccount } from './serviceaccount';
import { addDefaultTolerations } from './tolerations';

const PODS = kindInfo('v1', 'Pod')!;
const CLAIMS = kindInfo('v1', 'PersistentVolumeClaim')!;
const LIMIT_RANGES = kindInfo('v1', 'LimitRange')!;
const PRIORITY_CLASSES = kindInfo('scheduling.k8s.io/v1', 'PriorityClass')!;
const STORAGE_CLASSES = kindInfo('storage.k8s.io/v1', 'StorageClass')!;

const metaOf = (object: JsonObject): JsonObject => (isJsonObject(object.metadata) ? object.metadata : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * admission.extractResourceName: the name asked for, or the generateName prefix when the
 * name is to be generated. The ReplicaSet and Job controllers here pick their Pods' names
 * themselves (to name them in their events) where the API server would generate them after
 * admission, so a generateName wins: `pods "web-7d4b9c8f5-" is forbidden`, as on a cluster.
 */
function requestedName(object: JsonObject): string {
  const meta = metaOf(object);
  if (typeof meta.generateName === 'string' && meta.generateName !== '') return meta.generateName;
  return typeof meta.name === 'string' ? meta.name : '';
}

const LIMIT_RANGE_FR = (namespace: string): string =>
  `Une LimitRange du namespace « ${namespace} » fixe des bornes (min, max, rapport limite/demande) que cet objet ne respecte pas : ajuste ses resources.requests et resources.limits (kubectl describe limitrange -n ${namespace}).`;

function quotaFr(reason: string, namespace: string): string {
  const name = /^(?:exceeded|failed) quota: ([^,:]+)/.exec(reason)?.[1] ?? '';
  if (reason.startsWith('failed quota')) {
    return `Le ResourceQuota « ${name} » limite ces ressources : chaque conteneur doit alors les déclarer dans resources.requests et resources.limits (ou une LimitRange du namespace doit les fournir par défaut).`;
  }
  return `Le ResourceQuota « ${name} » du namespace « ${namespace} » n'a plus assez de place pour cet objet. Regarde ce qui est déjà consommé (kubectl describe quota ${name} -n ${namespace}), puis libère des ressources ou augmente son spec.hard.`;
}

/**
 * Runs the chain on an object about to be created (the store's own copy, changed in
 * place); throws the plugins' Forbidden errors, or Invalid when a default made the object
 * invalid (a default limit below the request).
 */
export function admitCreate(store: ObjectStore, info: KindInfo, object: KubeObject, options: WriteOptions): KubeObject {
  if (options.trusted) return object;
  if (info === PRIORITY_CLASSES) admitPriorityClass(store, object, 'create');
  if (!info.namespaced) return object;
  const namespace = text(metaOf(object).namespace);
  if (info === PODS || info === CLAIMS) {
    const ranges = store.view(LIMIT_RANGES, { namespace });
    // Only a default request or limit can make a valid Pod invalid (a request above its limit).
    let mutated = false;
    if (info === PODS) {
      mutated = applyLimitRangeDefaults(object, ranges);
      admitServiceAccount(store, object, requestedName(object), options);
      admitPriority(store, object, requestedName(object));
      addDefaultTolerations(object);
    } else {
      const className = defaultStorageClassName(object, store.view(STORAGE_CLASSES));
      if (className) object.spec = { ...(isJsonObject(object.spec) ? object.spec : {}), storageClassName: className };
    }
    if (mutated) {
      const findings = check(info, object, undefined);
      if (findings.length > 0) throw invalidError(info, text(metaOf(object).name), findings);
    }
    const refusal = limitRangeRefusal(info === PODS ? 'Pod' : 'PersistentVolumeClaim', object, ranges);
    if (refusal) throw forbiddenError(info, requestedName(object), refusal, LIMIT_RANGE_FR(namespace));
  }
  return quotaAndReturn(store, info, object);
}

function quotaAndReturn(store: ObjectStore, info: KindInfo, object: KubeObject): KubeObject {
  const refusal = quotaRefusal(info, object, (kind, namespace) => store.view(kind, { namespace }), store.clock.now());
  if (refusal) throw forbiddenError(info, requestedName(object), refusal, quotaFr(refusal, text(metaOf(object).namespace)));
  return object;
}

/**
 * Runs the chain on an update (the store's own copy of the new object, changed in place):
 * the Priority plugin gives back a Pod's priority and preemptionPolicy when a whole Pod
 * was sent without them (`kubectl replace`), and keeps a second PriorityClass from
 * becoming the global default.
 */
export function admitUpdate(store: ObjectStore, info: KindInfo, object: KubeObject, old: KubeObject, options: WriteOptions): KubeObject {
  if (options.trusted) return object;
  if (info === PODS) keepPriority(object, old);
  if (info === PRIORITY_CLASSES) admitPriorityClass(store, object, 'update');
  return object;
}

/** Puts the chain in front of the store's other create and update hooks (the Service allocators). */
export function installAdmission(store: ObjectStore): void {
  const previous = store.hooks;
  store.hooks = {
    ...previous,
    beforeCreate: (info, object, options) => {
      const admitted = admitCreate(store, info, object, options);
      return previous.beforeCreate ? previous.beforeCreate(info, admitted, options) : admitted;
    },
    beforeUpdate: (info, object, old, options) => {
      const admitted = admitUpdate(store, info, object, old, options);
      return previous.beforeUpdate ? previous.beforeUpdate(info, admitted, old, options) : admitted;
    },
  };
}
