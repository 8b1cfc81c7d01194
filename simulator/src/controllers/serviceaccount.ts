/**
 * What every namespace of a real cluster holds without anyone creating it:
 * - the `default` ServiceAccount, from kube-controller-manager's `serviceaccount-controller`
 *   (pkg/controller/serviceaccount, v1.30: created in every Active namespace, created again
 *   if deleted; no token Secret since v1.24);
 * - the `kube-root-ca.crt` ConfigMap, from the `root-ca-cert-publisher`
 *   (pkg/controller/certificates/rootcacertpublisher: the cluster CA bundle, put back if
 *   deleted or edited).
 */
import { kindInfo } from '../api/catalog';
import { deepEqual, isJsonObject, type JsonObject } from '../store/json';
import type { KubeObject, WatchEvent } from '../store/store';
import { self, type Controller, type Reader, type ReconcileResult } from './types';

const NAMESPACES = kindInfo('v1', 'Namespace')!;
const SERVICE_ACCOUNTS = kindInfo('v1', 'ServiceAccount')!;
const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

/**
 * The simulated cluster's CA: a well-formed self-signed X.509 certificate (RSA 2048,
 * CN=kubernetes, CA:TRUE, valid 2023-12-31 to 2033-12-28) shaped like kubeadm's. Its
 * private key was thrown away: it verifies nothing, it only looks the part.
 */
export const CLUSTER_CA_CERTIFICATE = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIG24tmkx/PlEwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE',
  'AwwKa3ViZXJuZXRlczAeFw0yMzEyMzEyMzU1MDBaFw0zMzEyMjgyMzU1MDBaMBUx',
  'EzARBgNVBAMMCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK',
  'AoIBAQDBm1siTT1weC7pQmVPnBrUaHHKIpZCo+uEaFnJ5edzVnKkVqHHlqUFnywd',
  'bruBlZGV242Po2gN2GFZV0wCOoGbLcnUUMHYcTK0+D1xJjG+h2x7IwQ79N+qzunw',
  'uhGrMeKIMtTmepzmetMXH1RAFXrON/pp4hJQFpcFvCubFg204iOB4QZrZPG4iZ4q',
  'sxsDD4Zzo01Z4SiM5lUKqqT4sOeDPCkLRMscB3hWa09U9WvdblwZuTUFq2nshhAi',
  'wKDfm3n1ZkqRXhoXkCALlewSPEVDkiCoPQkdxsQ4F4U6UcBKuK0UZxkALEae0Yvx',
  '3DzhlomRDeqMciph6zD+GWuWfxlvAgMBAAGjWTBXMA4GA1UdDwEB/wQEAwICpDAP',
  'BgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBSd4bhTLDOXnROcFLG3lZJFiXQfMDAV',
  'BgNVHREEDjAMggprdWJlcm5ldGVzMA0GCSqGSIb3DQEBCwUAA4IBAQAerc4IkzRc',
  'b4Ja7q0pZWnPVOaGEVtlOxFYuO+xBrzW0mG6zDIITaDc/doJ8LU1XWsjERE1pjgq',
  '7xrf5+wlcQKFj0HII8W6dQ2IkXeGO14OEB2/O1iXsbxfIRVrSFs78780NZ/m5UPp',
  'Jx/NQyRZUCniAayiNmJKg9N6x3EGn4GkJPgLXBPZcoCyIMLJ1jUfgIj8+405svqi',
  'dp6ILHqjJSoc3Ib66rBlHKvNhHU0/nvTTAIsguSlQI0uNjRlV6T6qh4oco1ZqSKz',
  'bZcn0rcBa1oRGM3WlPQwivTwm3IuxQvAc9q7nmC7jrRoRQsy0h6unkJaVQNBrcKQ',
  '8haXmA2zhSO5',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

const metaOf = (object: KubeObject): JsonObject => (isJsonObject(object.metadata) ? object.metadata : {});

/** The namespace, when it is Active (not being deleted): the only kind these controllers fill. */
function activeNamespace(reader: Reader, name: string): KubeObject | undefined {
  const namespace = reader.get(NAMESPACES, '', name);
  if (!namespace || metaOf(namespace).deletionTimestamp !== undefined) return undefined;
  const phase = isJsonObject(namespace.status) ? namespace.status.phase : undefined;
  return phase === undefined || phase === 'Active' ? namespace : undefined;
}

/** A trigger mapping a change of the object named `name` to its namespace's key. */
function namespaceOf(info: typeof CONFIGMAPS, name: string, types: readonly WatchEvent['type'][]) {
  return {
    info,
    keys: (event: WatchEvent): string[] => {
      const meta = metaOf(event.object);
      return meta.name === name && types.includes(event.type) && typeof meta.namespace === 'string' ? [meta.namespace] : [];
    },
  };
}

/** The `default` ServiceAccount the controller creates in a namespace. */
export function defaultServiceAccount(namespace: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } };
}

/** The `serviceaccount-controller`: a `default` ServiceAccount in every Active namespace. */
export function createServiceAccountController(): Controller {
  return {
    name: 'serviceaccount-controller',
    triggers: [self(NAMESPACES), namespaceOf(SERVICE_ACCOUNTS, DEFAULT_SERVICE_ACCOUNT, ['DELETED'])],
    reconcile(key: string, reader: Reader): ReconcileResult {
      if (!activeNamespace(reader, key) || reader.get(SERVICE_ACCOUNTS, key, DEFAULT_SERVICE_ACCOUNT)) return { actions: [] };
      return { actions: [{ type: 'create', object: defaultServiceAccount(key) }] };
    },
  };
}

/** The `root-ca-cert-publisher`: the `kube-root-ca.crt` ConfigMap in every Active namespace. */
export function createRootCACertPublisher(): Controller {
  return {
    name: 'root-ca-cert-publisher',
    triggers: [self(NAMESPACES), namespaceOf(CONFIGMAPS, ROOT_CA_CONFIGMAP, ['MODIFIED', 'DELETED'])],
    reconcile(key: string, reader: Reader): ReconcileResult {
      if (!activeNamespace(reader, key)) return { actions: [] };
      const data = { 'ca.crt': CLUSTER_CA_CERTIFICATE };
      const current = reader.get(CONFIGMAPS, key, ROOT_CA_CONFIGMAP);
      if (!current) {
        const metadata = { name: ROOT_CA_CONFIGMAP, namespace: key, annotations: { [DESCRIPTION_ANNOTATION]: DESCRIPTION } };
        return { actions: [{ type: 'create', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata, data } }] };
      }
      const annotations = isJsonObject(metaOf(current).annotations) ? metaOf(current).annotations as JsonObject : {};
      // Mirrors syncNamespace: only the data and the description annotation are enforced.
      if (deepEqual(current.data, data) && typeof annotations[DESCRIPTION_ANNOTATION] === 'string' && annotations[DESCRIPTION_ANNOTATION] !== '') return { actions: [] };
      const metadata = { ...metaOf(current), annotations: { ...annotations, [DESCRIPTION_ANNOTATION]: DESCRIPTION } };
      return { actions: [{ type: 'update', object: { ...current, metadata, data } }] };
    },
  };
}
