/**
 * Request bodies turned into the object the store writes, as kube-apiserver's create and
 * update handlers check them: apiVersion and kind must be the URL's (filled in when
 * absent), the namespace the URL's, the name the URL's on update. And field validation:
 * `fieldValidation=Strict` refuses unknown fields (400, what the store always does),
 * `Warn` (the default) and `Ignore` drop them and write the rest, `Warn` with a warning
 * per field (`unknown field "spec.replica"`), which kubectl prints as `Warning: ...`.
 */
import { parse as parseYaml } from 'yaml';
import type { KindInfo } from '../src/api/catalog';
import { StatusError } from '../src/api/errors';
import type { PathSegment } from '../src/api/validation/finding';
import { clone, isJsonObject, type JsonObject } from '../src/store/json';
import type { KubeObject } from '../src/store/store';
import { param, type ApiRequest } from './api';
import { decodeProtobuf, isProtobuf } from './protobuf';
import { badRequest } from './status';

/** The request body as an object (JSON, or YAML when the Content-Type says so). */
export function bodyObject(request: ApiRequest): JsonObject {
  if (isProtobuf(request.contentType)) return decodeProtobuf(request.raw);
  let value: unknown;
  try {
    value = /yaml/i.test(request.contentType) ? (parseYaml(request.body) as unknown) : (JSON.parse(request.body) as unknown);
  } catch (error) {
    throw badRequest(`the body of the request could not be decoded: ${(error as Error).message}`, "Le corps de la requête n'est pas du JSON (ou du YAML) valide.");
  }
  if (!isJsonObject(value)) throw badRequest('Object \'Kind\' is missing in the request body', 'Le corps de la requête doit être un objet Kubernetes (apiVersion, kind, metadata...).');
  return value;
}

const metaOf = (object: JsonObject): JsonObject => (isJsonObject(object.metadata) ? object.metadata : (object.metadata = {}));

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/** Every container (of pods, templates, job templates) in an object, wherever it sits. */
function containersIn(value: unknown, key = '', out: JsonObject[] = []): JsonObject[] {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (CONTAINER_LISTS.has(key) && isJsonObject(item)) out.push(item);
      containersIn(item, '', out);
    }
  } else if (isJsonObject(value)) {
    for (const [child, item] of Object.entries(value)) containersIn(item, child, out);
  }
  return out;
}

function dropNullTimestamps(value: unknown, key = ''): void {
  if (Array.isArray(value)) for (const item of value) dropNullTimestamps(item);
  if (!isJsonObject(value)) return;
  if (key === 'metadata' && value.creationTimestamp === null) delete value.creationTimestamp;
  for (const [child, item] of Object.entries(value)) dropNullTimestamps(item, child);
}

/**
 * Drops what Go clients add by serializing typed structs, which kube-apiserver decodes
 * back to nothing: `creationTimestamp: null` in metadata, and `resources: {}` in a
 * container whose stored version has no resources. The simulator stores plain JSON,
 * where `{}` and absent differ, so it keeps the form the stored object has: a
 * Deployment's pod-template-hash depends on it, and `kubectl rollout undo` sends the old
 * ReplicaSet's template re-encoded with `resources: {}`, which must find that ReplicaSet.
 */
export function dropGoZeroValues(object: JsonObject, live?: JsonObject): void {
  dropNullTimestamps(object);
  if (!live) return;
  const bare = new Set(containersIn(live).filter((container) => !('resources' in container)).map((container) => container.name));
  for (const container of containersIn(object)) {
    if (bare.has(container.name) && isJsonObject(container.resources) && Object.keys(container.resources).length === 0) delete container.resources;
  }
}

/**
 * The body checked against the URL: apiVersion and kind filled in or compared, the
 * namespace set or compared, the name compared (`name` '' on create). `live` is the
 * stored object an update or a patch replaces.
 */
export function placeObject(info: KindInfo, namespace: string, name: string, body: JsonObject, live?: JsonObject): KubeObject {
  const object = clone(body);
  dropGoZeroValues(object, live);
  if (object.apiVersion === undefined || object.apiVersion === '') object.apiVersion = info.apiVersion;
  if (object.kind === undefined || object.kind === '') object.kind = info.kind;
  if (object.apiVersion !== info.apiVersion || object.kind !== info.kind) {
    const sent = `${String(object.apiVersion)}, Kind=${String(object.kind)}`;
    throw badRequest(
      `the object provided is unrecognized (must be of type ${info.kind}): ${info.kind} in version ${JSON.stringify(info.version)} cannot be handled as a ${info.kind}: (${sent})`,
      `Ce chemin de l'API attend un ${info.kind} (${info.apiVersion}) : le corps de la requête en décrit un autre.`,
    );
  }
  const meta = metaOf(object);
  if (info.namespaced) {
    if (meta.namespace === undefined || meta.namespace === '') meta.namespace = namespace;
    else if (meta.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request', "Le namespace de l'objet et celui de l'URL diffèrent : ils doivent être les mêmes.");
    }
  }
  if (name !== '' && meta.name !== name) {
    throw badRequest(`the name of the object (${typeof meta.name === 'string' ? meta.name : ''}) does not match the name on the URL (${name})`, "Le nom de l'objet et celui de l'URL diffèrent : on ne renomme pas un objet Kubernetes.");
  }
  return object;
}

function removeAt(object: unknown, path: readonly PathSegment[]): void {
  let current: unknown = object;
  for (const segment of path.slice(0, -1)) {
    if (current === null || typeof current !== 'object') return;
    current = (current as Record<string | number, unknown>)[segment];
  }
  const last = path[path.length - 1];
  if (last === undefined || current === null || typeof current !== 'object') return;
  if (Array.isArray(current) && typeof last === 'number') current.splice(last, 1);
  else delete (current as Record<string | number, unknown>)[last];
}

const UNKNOWN = new Set(['unknown-field', 'duplicate-field']);

/**
 * Runs a write under the request's field validation: Strict lets the store's 400 through;
 * Warn and Ignore remove what the store reported as unknown and write again.
 */
export function withFieldValidation<T>(request: ApiRequest, object: KubeObject, write: (object: KubeObject) => T): { result: T; warnings: string[] } {
  const mode = param(request, 'fieldValidation') || 'Warn';
  if (!['Strict', 'Warn', 'Ignore'].includes(mode)) {
    throw badRequest(`fieldValidation: Unsupported value: ${JSON.stringify(mode)}: supported values: "Ignore", "Strict", "Warn"`, 'fieldValidation accepte Strict, Warn ou Ignore.');
  }
  const warnings: string[] = [];
  let current = object;
  for (let attempt = 0; ; attempt++) {
    try {
      return { result: write(current), warnings };
    } catch (error) {
      const findings = error instanceof StatusError && error.reason === 'BadRequest' ? error.findings : [];
      if (mode === 'Strict' || attempt > 0 || findings.length === 0 || !findings.every((finding) => UNKNOWN.has(finding.code))) throw error;
      current = clone(current);
      for (const finding of findings) {
        removeAt(current, finding.path);
        if (mode === 'Warn') warnings.push(finding.code === 'unknown-field' ? `unknown field ${JSON.stringify(finding.field)}` : `duplicate field ${JSON.stringify(finding.field)}`);
      }
    }
  }
}
