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

function dropNullTimestamps(value: unknown, key = ''): void {
  if (Array.isArray(value)) for (const item of value) dropNullTimestamps(item);
  if (!isJsonObject(value)) return;
  if (key === 'metadata' && value.creationTimestamp === null) delete value.creationTimestamp;
  for (const [child, item] of Object.entries(value)) dropNullTimestamps(item, child);
}

/**
 * Drops what Go clients add by serializing typed structs and kube-apiserver decodes back
 * to nothing: `creationTimestamp: null` in metadata. (`resources: {}` needs no such care:
 * the store's defaults give every container one, as the Go struct always has it.)
 */
export function dropGoZeroValues(object: JsonObject): void {
  dropNullTimestamps(object);
}

/**
 * The body checked against the URL: apiVersion and kind filled in or compared, the
 * namespace set or compared, the name compared (`name` '' on create).
 */
export function placeObject(info: KindInfo, namespace: string, name: string, body: JsonObject): KubeObject {
  const object = clone(body);
  dropGoZeroValues(object);
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
