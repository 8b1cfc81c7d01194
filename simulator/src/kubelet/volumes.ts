/**
 * The kubelet's volume manager, for the volumes whose content comes from the API: a
 * configMap or secret volume mounts only once its object exists (and holds the keys its
 * `items` name). Until then SyncPod waits in WaitForAttachAndMount, before the sandbox:
 * the Pod stays Pending, its containers ContainerCreating, and each failed SetUp is a
 * `FailedMount` warning (`MountVolume.SetUp failed for volume "config" : configmap "app"
 * not found`), retried with nestedpendingoperations' exponential back-off (500 ms,
 * doubling, at most 2 min 2 s). An `optional: true` volume mounts empty instead.
 * Mirrors pkg/volume/configmap and pkg/volume/secret SetUpAt (v1.30).
 */
import { kindInfo } from '../api/catalog';
import type { Reader } from '../controllers/types';
import { isJsonObject, type JsonObject } from '../store/json';
import { list, obj, text } from './util';

const CONFIGMAPS = kindInfo('v1', 'ConfigMap')!;
const SECRETS = kindInfo('v1', 'Secret')!;

/** nestedpendingoperations: initialDurationBeforeRetry and maxDurationBeforeRetry. */
const INITIAL_RETRY_MS = 500;
const MAX_RETRY_MS = 122_000;

export interface MountRetry {
  /** Failed SetUp rounds so far. */
  failures: number;
  /** When the volume manager tries again. */
  next: number;
}

/** The plugin's SetUp error for one volume, or undefined when it mounts. */
function setUpError(reader: Reader, namespace: string, volume: JsonObject): string | undefined {
  const configMap = isJsonObject(volume.configMap) ? volume.configMap : undefined;
  const secret = isJsonObject(volume.secret) ? volume.secret : undefined;
  const source = configMap ?? secret;
  if (!source || source.optional === true) return undefined;
  const name = text(configMap ? configMap.name : source.secretName);
  const object = reader.get(configMap ? CONFIGMAPS : SECRETS, namespace, name);
  // The managers' apierrors.NewNotFound: `configmap "app" not found`, `secret "db" not found`.
  if (!object) return `${configMap ? 'configmap' : 'secret'} ${JSON.stringify(name)} not found`;
  const keys = new Set([...Object.keys(obj(object.data)), ...Object.keys(obj(object.binaryData)), ...Object.keys(obj(object.stringData))]);
  for (const item of list(source.items)) {
    const key = text(item.key);
    if (keys.has(key)) continue;
    // MakePayload: an item naming a key the object does not hold.
    return configMap ? `configmap references non-existent config key: ${key}` : `references non-existent secret key: ${key}`;
  }
  return undefined;
}

/** The volumes of the Pod that do not mount now, with the SetUp error of each, in spec order. */
export function unmountedVolumes(reader: Reader, pod: JsonObject): { volume: string; error: string }[] {
  const namespace = text(obj(pod.metadata).namespace, 'default');
  return list(obj(pod.spec).volumes).flatMap((volume) => {
    const error = setUpError(reader, namespace, volume);
    return error === undefined ? [] : [{ volume: text(volume.name), error }];
  });
}

/** The FailedMount message of one volume. */
export function failedMountMessage(volume: string, error: string): string {
  return `MountVolume.SetUp failed for volume ${JSON.stringify(volume)} : ${error}`;
}

/** The retry after one more failed round: 500 ms, doubling, capped at 2 min 2 s. */
export function nextMountRetry(previous: MountRetry | undefined, now: number): MountRetry {
  const failures = (previous?.failures ?? 0) + 1;
  return { failures, next: now + Math.min(MAX_RETRY_MS, INITIAL_RETRY_MS * 2 ** (failures - 1)) };
}
