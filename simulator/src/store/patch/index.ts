/**
 * The patch types kube-apiserver's patch handler applies (endpoints/handlers/patch.go,
 * v1.30): JSON Patch, JSON merge patch, strategic merge patch (built-in kinds only, which
 * is all the simulator serves) and server-side apply. Pure: the patch comes parsed, the
 * result is the patched object, which the caller writes back through the store (which
 * defaults, validates and checks the resourceVersion like an update). Shared by the REST
 * facade (simulator/serve) and `kubectl patch`.
 */
import type { KindInfo } from '../../api/catalog';
import { isJsonObject, mergePatch, type JsonObject } from '../json';
import { badRequest } from '../selectors';
import { applyJsonPatch } from './jsonpatch';
import { strategicMergePatch } from './strategic';

export { applyJsonPatch } from './jsonpatch';
export { strategicMergePatch } from './strategic';

/** `kubectl patch --type`, plus server-side apply. */
export type PatchKind = 'json' | 'merge' | 'strategic' | 'apply';

/**
 * The object after the patch. Server-side apply is simplified: the applied
 * configuration is merged into the live object like a strategic merge patch (the
 * simulator keeps no managedFields, so fields a manager stops applying are not removed
 * and there are no conflicts).
 */
export function patchObject(info: KindInfo, live: JsonObject, kind: PatchKind, patch: unknown): JsonObject {
  let result: unknown;
  switch (kind) {
    case 'json':
      result = applyJsonPatch(live, patch);
      break;
    case 'merge':
      if (!isJsonObject(patch)) throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}', 'Un merge patch est un objet JSON.');
      result = mergePatch(live, patch);
      break;
    case 'strategic':
    case 'apply':
      result = strategicMergePatch(live, patch, info.definition);
      break;
  }
  if (!isJsonObject(result)) throw badRequest('the patched object is not a JSON object', "Après le patch, ce n'est plus un objet : vérifie les opérations.");
  return result;
}
