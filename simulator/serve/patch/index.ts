/**
 * PATCH bodies by Content-Type, as kube-apiserver's patch handler dispatches them:
 * JSON Patch, JSON merge patch, strategic merge patch (built-in kinds only, which is all
 * the simulator serves) and server-side apply, applied by simulator/src/store/patch. Each
 * returns the patched object; the caller writes it back through the store, which
 * defaults, validates and checks the resourceVersion like an update.
 */
import { parse as parseYaml } from 'yaml';
import type { KindInfo } from '../../src/api/catalog';
import type { JsonObject } from '../../src/store/json';
import { patchObject, type PatchKind } from '../../src/store/patch/index';
import { ApiFailure, badRequest } from '../status';
import { asApiFailure } from './failure';

export const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'] as const;
export type PatchType = (typeof PATCH_TYPES)[number];

const KINDS: Record<PatchType, PatchKind> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
  'application/apply-patch+yaml': 'apply',
};

/** The patch type of a Content-Type header, or the API server's 415. */
export function patchTypeOf(contentType: string): PatchType {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if ((PATCH_TYPES as readonly string[]).includes(type)) return type as PatchType;
  throw new ApiFailure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`,
    'Un PATCH doit dire quel genre de patch il envoie (Content-Type) : JSON Patch, merge patch, strategic merge patch ou apply.',
  );
}

/** The body as JSON (YAML too for server-side apply), or the decoder's 400. */
export function parseBody(body: string, yaml = false): unknown {
  try {
    return yaml ? (parseYaml(body) as unknown) : (JSON.parse(body) as unknown);
  } catch (error) {
    throw badRequest(`error decoding patch: ${(error as Error).message}`, "Le corps de la requête n'est pas du JSON (ou du YAML) valide.");
  }
}

/** The object after the patch (simulator/src/store/patch), errors as ApiFailure. */
export function applyPatch(info: KindInfo, live: JsonObject, type: PatchType, body: string): JsonObject {
  const patch = parseBody(body, type === 'application/apply-patch+yaml');
  return asApiFailure(() => patchObject(info, live, KINDS[type], patch));
}
