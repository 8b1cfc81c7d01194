/**
 * The ServiceAccount admission plugin's token volume (mountServiceAccountToken and
 * TokenVolumeSource in plugin/pkg/admission/serviceaccount, v1.30): unless
 * automountServiceAccountToken is false (on the Pod, else on its ServiceAccount), every
 * container and init container mounts, read-only at /var/run/secrets/kubernetes.io/serviceaccount,
 * a projected volume `kube-api-access-<5 random characters>` holding the bound token
 * (`token`, 3607 s), the cluster's CA (`ca.crt`, from the kube-root-ca.crt ConfigMap) and
 * the namespace (`namespace`, from the downward API).
 */
import { isJsonObject, type JsonObject } from '../store/json';

/** DefaultAPITokenMountPath. */
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** ServiceAccountVolumeName: the prefix of the generated volume name. */
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
/**
 * serviceaccount.WarnOnlyBoundTokenExpirationSeconds: one hour and seven seconds, the
 * lifetime kube-apiserver extends to a year for these tokens (and warns when one is used late).
 */
export const TOKEN_EXPIRATION_SECONDS = 3607;
/** corev1.ProjectedVolumeSourceDefaultMode (0644), which the plugin writes explicitly (#104464). */
const DEFAULT_MODE = 420;

/** TokenVolumeSource: the projected volume, in the order the plugin lists its sources. */
export function tokenVolumeSource(): JsonObject {
  return {
    defaultMode: DEFAULT_MODE,
    sources: [
      { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
      { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
    ],
  };
}

/** shouldAutomount: the Pod's choice wins, then the ServiceAccount's, else true. */
export function shouldAutomount(account: JsonObject, spec: JsonObject): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof account.automountServiceAccountToken === 'boolean') return account.automountServiceAccountToken;
  return true;
}

const objects = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isJsonObject) : []);

/**
 * mountServiceAccountToken, on the Pod's spec (in place): a volume already named
 * `kube-api-access-…` is reused; a container that already mounts something at the token
 * path is left alone; the volume is added only when some container mounts it.
 * `suffix` gives the 5 random characters (the cluster's seeded randomness).
 */
export function mountServiceAccountToken(spec: JsonObject, suffix: () => string): void {
  const volumes = objects(spec.volumes);
  const existing = volumes.find((volume) => typeof volume.name === 'string' && volume.name.startsWith(TOKEN_VOLUME_PREFIX));
  const name = existing ? String(existing.name) : TOKEN_VOLUME_PREFIX + suffix();
  let needed = false;
  for (const list of ['initContainers', 'containers']) {
    for (const container of objects(spec[list])) {
      const mounts = objects(container.volumeMounts);
      if (mounts.some((mount) => mount.mountPath === TOKEN_MOUNT_PATH)) continue;
      container.volumeMounts = [...mounts, { mountPath: TOKEN_MOUNT_PATH, name, readOnly: true }];
      needed = true;
    }
  }
  if (!existing && needed) spec.volumes = [...volumes, { name, projected: tokenVolumeSource() }];
}
