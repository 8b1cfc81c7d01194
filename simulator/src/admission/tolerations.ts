/**
 * The DefaultTolerationSeconds admission plugin (plugin/pkg/admission/defaulttolerationseconds,
 * v1.30): every Pod created without a toleration for them gets
 * `node.kubernetes.io/not-ready:NoExecute op=Exists for 300s` and the same for
 * `node.kubernetes.io/unreachable`. That is why a Pod stays 5 minutes on a failed node
 * before the taint-eviction controller deletes it.
 */
import { isJsonObject, type JsonObject } from '../store/json';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** A toleration covers the key (or every key) with NoExecute (or every effect). */
const covers = (toleration: JsonObject, key: string): boolean =>
  (toleration.key === key || toleration.key === undefined || toleration.key === '') &&
  (toleration.effect === 'NoExecute' || toleration.effect === undefined || toleration.effect === '');

/** Adds the two default tolerations the Pod lacks (in place: the store's own copy); true when it did. */
export function addDefaultTolerations(pod: JsonObject): boolean {
  const spec = isJsonObject(pod.spec) ? pod.spec : {};
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations.filter(isJsonObject) : [];
  const added = [NOT_READY_TAINT, UNREACHABLE_TAINT]
    .filter((key) => !tolerations.some((toleration) => covers(toleration, key)))
    .map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS }));
  if (added.length === 0) return false;
  pod.spec = { ...spec, tolerations: [...tolerations, ...added] };
  return true;
}
