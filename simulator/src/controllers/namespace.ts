/**
 * The `namespace-controller`. Most of namespace deletion happens inside the store
 * (store/deletion.ts): deleting a Namespace marks it Terminating, deletes its content in
 * the same call and removes the Namespace, `kubernetes` finalizer included, as soon as the
 * last object is gone (a Pod's grace period or a finalizer can make that wait). What is
 * left here is the controller's level-triggered sweep (pkg/controller/namespace/deletion,
 * deleteAllContent): whenever it looks at a Terminating namespace, any object still in it
 * that is not being deleted yet is deleted, so nothing can keep a namespace alive by
 * having slipped past the first sweep (a state loaded from a save, for instance).
 */
import { KINDS, kindInfo, type KindInfo } from '../api/catalog';
import { isJsonObject } from '../store/json';
import { self, type Action, type Controller, type Reader, type ReconcileResult } from './types';

const NAMESPACES = kindInfo('v1', 'Namespace')!;

/** Every namespaced resource the controller can list and delete, each once (preferred version). */
const CONTENT: readonly KindInfo[] = KINDS.filter((info) => info.namespaced && info.preferred && info.verbs.includes('list') && info.verbs.includes('delete'));

/** The `namespace-controller`: empties Terminating namespaces. */
export function createNamespaceController(): Controller {
  return {
    name: 'namespace-controller',
    triggers: [self(NAMESPACES)],
    reconcile(key: string, reader: Reader): ReconcileResult {
      const namespace = reader.get(NAMESPACES, '', key);
      const meta = namespace && isJsonObject(namespace.metadata) ? namespace.metadata : undefined;
      if (!meta || meta.deletionTimestamp === undefined) return { actions: [] };
      const actions: Action[] = [];
      for (const info of CONTENT) {
        for (const object of reader.list(info, { namespace: key })) {
          const objectMeta = isJsonObject(object.metadata) ? object.metadata : {};
          if (objectMeta.deletionTimestamp !== undefined) continue;
          // Mirrors deleteAllContent: everything goes, dependents through the garbage collector.
          actions.push({ type: 'delete', info, namespace: key, name: String(objectMeta.name), options: { propagationPolicy: 'Background' } });
        }
      }
      return { actions };
    },
  };
}
