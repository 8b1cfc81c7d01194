/**
 * The ServiceAccount admission plugin (plugin/pkg/admission/serviceaccount, v1.30), on Pod
 * creation: a Pod without a ServiceAccount gets `default`; the ServiceAccount it names must
 * exist, or the Pod is refused:
 * `pods "web" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found`.
 * Unless automountServiceAccountToken says false, the containers mount the projected
 * `kube-api-access-xxxxx` token volume (tokenvolume.ts). A Pod without imagePullSecrets
 * inherits the ServiceAccount's.
 */
import { forbiddenError } from '../api/errors';
import { kindInfo } from '../api/catalog';
import { defaultServiceAccount, DEFAULT_SERVICE_ACCOUNT } from '../controllers/serviceaccount';
import { isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, ObjectStore, WriteOptions } from '../store/store';
import { mountServiceAccountToken, shouldAutomount } from './tokenvolume';

const PODS = kindInfo('v1', 'Pod')!;
const NAMESPACES = kindInfo('v1', 'Namespace')!;
const SERVICE_ACCOUNTS = kindInfo('v1', 'ServiceAccount')!;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const metaOf = (object: JsonObject): JsonObject => (isJsonObject(object.metadata) ? object.metadata : {});

/** True when the namespace exists and is not being deleted (the serviceaccount-controller fills only those). */
function isActive(store: ObjectStore, namespace: string): boolean {
  const object = store.find(NAMESPACES, '', namespace);
  return object !== undefined && metaOf(object).deletionTimestamp === undefined;
}

/**
 * getServiceAccount: the lister, then the API. For `default` the plugin asks up to ten
 * times, 100 to 200 ms apart, "since it should be auto-created by the controller": a
 * Namespace and a Pod applied together are admitted once the serviceaccount-controller has
 * caught up. The simulation cannot wait inside a request, so it lets that controller's
 * creation happen now, as it would during the retries (never on a dry run).
 */
function lookup(store: ObjectStore, namespace: string, name: string, options: WriteOptions): JsonObject | undefined {
  const found = store.find(SERVICE_ACCOUNTS, namespace, name);
  if (found || name !== DEFAULT_SERVICE_ACCOUNT || !isActive(store, namespace)) return found;
  if (options.dryRun) return defaultServiceAccount(namespace);
  return store.create(defaultServiceAccount(namespace));
}

/**
 * Admit for a Pod being created (the store's own copy, changed in place), in the plugin's
 * order: sets the ServiceAccount name, checks that it exists, mounts its token, copies its
 * imagePullSecrets. Throws the plugin's Forbidden error; `requested` is the name admission
 * knows (or the generateName).
 */
export function admitServiceAccount(store: ObjectStore, pod: KubeObject, requested: string, options: WriteOptions): void {
  const spec = isJsonObject(pod.spec) ? pod.spec : (pod.spec = {});
  // The v1 conversion reads the deprecated `serviceAccount` when serviceAccountName is empty, and writes both.
  const name = text(spec.serviceAccountName) || text(spec.serviceAccount) || DEFAULT_SERVICE_ACCOUNT;
  spec.serviceAccountName = name;
  spec.serviceAccount = name;
  const namespace = text(metaOf(pod).namespace);
  const account = lookup(store, namespace, name, options);
  if (!account) {
    throw forbiddenError(
      PODS,
      requested,
      `error looking up service account ${namespace}/${name}: serviceaccount ${JSON.stringify(name)} not found`,
      `Le Pod demande le ServiceAccount « ${name} », qui n'existe pas dans le namespace « ${namespace} ». Crée-le d'abord (kubectl create serviceaccount ${name} -n ${namespace}), ou corrige spec.serviceAccountName.`,
    );
  }
  // The volume name's random suffix comes from the cluster's seeded randomness, as generated names do.
  if (shouldAutomount(account, spec)) mountServiceAccountToken(spec, () => store.random.nameSuffix());
  const secrets = Array.isArray(account.imagePullSecrets) ? account.imagePullSecrets.filter(isJsonObject) : [];
  if ((!Array.isArray(spec.imagePullSecrets) || spec.imagePullSecrets.length === 0) && secrets.length > 0) {
    spec.imagePullSecrets = secrets.map((secret) => ({ name: text(secret.name) }));
  }
}
