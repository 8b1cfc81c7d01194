/**
 * What the store checks on every request, before and around its writes: the kind an
 * object names and the verbs it serves, validation as stored (decode errors thrown as a
 * 400, the rest returned), where an object lives, and optimistic concurrency. The texts
 * are apimachinery's.
 */
import type { KindInfo } from '../api/catalog';
import { StatusError, conflict, decodeError } from '../api/errors';
import { checkHeader, validateObject, type Finding } from '../api/validation/index';
import { isJsonObject, scalarText, type JsonObject } from './json';
import { metadataOf } from './registry';
import { badRequest } from './selectors';

type KubeObject = JsonObject;

/**
 * The catalogue entry an object's apiVersion and kind name, checked to accept `verb`.
 * An unknown kind is a 404 (`no matches for kind "Deploymnet" in version "apps/v1"`), a
 * missing apiVersion or kind a 400, a verb the resource does not serve a 405.
 */
export function resolveKind(input: unknown, verb: string): KindInfo {
  const header = checkHeader(input);
  if (!header.info) {
    const unknown = header.findings.find((finding) => finding.code === 'unknown-kind');
    const message = header.findings.map((finding) => finding.message).join(', ');
    const fr = header.findings.map((finding) => finding.fr).join('\n');
    throw unknown ? new StatusError('NotFound', 404, message, fr) : badRequest(message, fr);
  }
  requireVerb(header.info, verb);
  return header.info;
}

export function requireVerb(info: KindInfo, verb: string): void {
  if (!info.verbs.includes(verb)) {
    throw new StatusError('MethodNotAllowed', 405, 'the server does not allow this method on the requested resource', `Les objets ${info.resource} n'acceptent pas l'opération « ${verb} ».`);
  }
}

/**
 * Validates the object as it would be stored. What does not even decode (unknown fields,
 * wrong types) is thrown now as a 400; the other findings are returned.
 */
export function check(info: KindInfo, object: KubeObject, old: KubeObject | undefined, defaulted = true): Finding[] {
  // The store validates what it has just defaulted: validation need not default it again.
  const { findings } = validateObject(object, { old, defaulted });
  const decoding = findings.filter((finding) => finding.phase === 'decode');
  if (decoding.length > 0) throw decodeError(info, decoding);
  return findings.filter((finding) => finding.phase === 'validate');
}

export function ensureMetadata(object: KubeObject): JsonObject {
  if (!isJsonObject(object.metadata)) object.metadata = {};
  return object.metadata as JsonObject;
}

/** The namespace the object lives in: `default` when a namespaced object names none, '' for cluster-scoped kinds. */
export function placeIn(info: KindInfo, meta: JsonObject): string {
  if (!info.namespaced) {
    delete meta.namespace;
    return '';
  }
  if (typeof meta.namespace !== 'string' || meta.namespace === '') meta.namespace = 'default';
  return meta.namespace as string;
}

/** Optimistic concurrency: a resourceVersion in the request must be the stored one. */
export function checkPrecondition(info: KindInfo, wanted: unknown, old: KubeObject): void {
  if (wanted !== undefined && wanted !== null && wanted !== '' && scalarText(wanted) !== metadataOf(old).resourceVersion) {
    throw conflict(info, String(metadataOf(old).name));
  }
}
