/**
 * `--as USER` and `--as-group G` (every command): who the request runs as, and the API
 * server's authorization of each request a command makes. A command reads and writes
 * through `context.cluster.store`; for an identity that is not an administrator, that
 * store is a view that asks the RBAC authorizer first and answers Forbidden with
 * Kubernetes' text (`pods is forbidden: User "jane" cannot list resource "pods" in API
 * group "" in the namespace "default"`). The controllers keep the real store.
 */
import type { Cluster } from '../../cluster';
import type { KindInfo } from '../../api/catalog';
import { authorize, SYSTEM_MASTERS, type UserInfo } from '../../rbac/authorizer';
import { ADMIN_USER, impersonatedUser } from '../../rbac/identity';
import { forbidden } from '../../rbac/messages';
import type { RequestAttributes } from '../../rbac/rules';
import { resolveKind, type KubeObject, type ListOptions, type ObjectStore } from '../../store/store';
import { KubectlError } from './errors';
import type { Flags } from './parse';

/** The identity of a command line: the administrator, or who `--as` names. */
export function identityOf(flags: Flags): UserInfo {
  const user = flags.string('as');
  const groups = flags.list('as-group');
  if (user === '') {
    if (groups.length > 0 || flags.string('as-uid') !== '') {
      // Mirrors clientcmd's validation of the kubeconfig user (kind's is `kind-kind`).
      throw new KubectlError('invalid configuration: requesting uid, groups or user-extra for kind-kind without impersonating a user', "--as-group (ou --as-uid) ne s'emploie qu'avec --as : dis aussi au nom de quel utilisateur agir.");
    }
    return ADMIN_USER;
  }
  return impersonatedUser(user, groups);
}

const metaOf = (object: KubeObject): { name?: unknown; namespace?: unknown } => (object.metadata ?? {});

function objectRequest(verb: string, input: KubeObject, withName: boolean, subresource = ''): { info: KindInfo; request: RequestAttributes } | undefined {
  let info: KindInfo;
  try {
    info = resolveKind(input, verb);
  } catch {
    return undefined; // The store reports the unknown kind itself.
  }
  const meta = metaOf(input);
  const namespace = info.namespaced ? (typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default') : '';
  const name = withName && typeof meta.name === 'string' ? meta.name : '';
  return { info, request: { verb, apiGroup: info.group, resource: info.resource, subresource, namespace, name } };
}

const named = (verb: string, info: KindInfo, namespace: string, name: string): RequestAttributes => ({
  verb,
  apiGroup: info.group,
  resource: info.resource,
  namespace: info.namespaced ? namespace : '',
  name,
});

/** The real store behind each authorizing view (the authorizer reads RBAC objects as the API server does). */
const RAW = new WeakMap<ObjectStore, ObjectStore>();

/** The store itself, for the API server's own reads (authorization reviews); a store that is no view is returned as is. */
export const serverStore = (store: ObjectStore): ObjectStore => RAW.get(store) ?? store;

/**
 * The store as `user` sees it through the API server: each read and write authorized
 * first. Everything else (watch, random, resourceVersion) is the store's own.
 */
export function authorizedStore(store: ObjectStore, user: UserInfo): ObjectStore {
  const check = (request: RequestAttributes | undefined): void => {
    if (!request) return;
    const decision = authorize(store, user, request);
    if (!decision.allowed) throw forbidden(user, request, decision.reason);
  };
  const guarded: Partial<Record<keyof ObjectStore, unknown>> = {
    create: (input: KubeObject, ...rest: unknown[]) => {
      check(objectRequest('create', input, false)?.request);
      return (store.create as (...args: unknown[]) => KubeObject)(input, ...rest);
    },
    update: (input: KubeObject, ...rest: unknown[]) => {
      check(objectRequest('update', input, true)?.request);
      return (store.update as (...args: unknown[]) => KubeObject)(input, ...rest);
    },
    updateStatus: (input: KubeObject) => {
      check(objectRequest('update', input, true, 'status')?.request);
      return store.updateStatus(input);
    },
    get: (info: KindInfo, namespace: string, name: string) => {
      check(named('get', info, namespace, name));
      return store.get(info, namespace, name);
    },
    find: (info: KindInfo, namespace: string, name: string) => {
      check(named('get', info, namespace, name));
      return store.find(info, namespace, name);
    },
    list: (info: KindInfo, options: ListOptions = {}) => {
      check(named('list', info, options.namespace ?? '', ''));
      return store.list(info, options);
    },
    // The copy-free list used for printing is a list too.
    view: (info: KindInfo, options: ListOptions = {}) => {
      check(named('list', info, options.namespace ?? '', ''));
      return store.view(info, options);
    },
    // Internal copy-free writes are for controllers only, never for an impersonated user.
    uncopied: undefined,
    patch: (info: KindInfo, namespace: string, name: string, ...rest: unknown[]) => {
      check(named('patch', info, namespace, name));
      return (store.patch as (...args: unknown[]) => KubeObject)(info, namespace, name, ...rest);
    },
    delete: (info: KindInfo, namespace: string, name: string, ...rest: unknown[]) => {
      check(named('delete', info, namespace, name));
      return (store.delete as (...args: unknown[]) => KubeObject)(info, namespace, name, ...rest);
    },
    bindPod: (namespace: string, name: string, node: string) => {
      check({ verb: 'create', apiGroup: '', resource: 'pods', subresource: 'binding', namespace, name });
      return store.bindPod(namespace, name, node);
    },
  };
  const view = new Proxy(store, {
    get(target, property) {
      if (typeof property === 'string' && Object.hasOwn(guarded, property)) return guarded[property as keyof ObjectStore];
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  RAW.set(view, store);
  return view;
}

/** True for the identities the API server lets do everything without asking RBAC. */
export const isPrivileged = (user: UserInfo): boolean => user.groups.includes(SYSTEM_MASTERS);

/**
 * The cluster as a command running as `user` sees it: itself for an administrator, else
 * a view whose store authorizes every request (settle, advance and the clock are the
 * cluster's own).
 */
export function clusterAs(cluster: Cluster, user: UserInfo): Cluster {
  if (isPrivileged(user)) return cluster;
  const view = Object.create(cluster) as Cluster;
  Object.defineProperty(view, 'store', { value: authorizedStore(cluster.store, user), enumerable: true });
  return view;
}
