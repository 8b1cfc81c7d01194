/**
 * The OpenAPI documents kubectl reads. `kubectl explain` and `kubectl apply`'s field
 * validation read OpenAPI v3: `/openapi/v3` lists one document per group version, each
 * with the kinds' schemas (built from the generated schemas, `$ref`s moved to
 * `#/components/schemas`, int-or-string and `$ref` siblings in kube-openapi's style) and
 * a PATCH operation per kind that declares the `fieldValidation` parameter, so kubectl
 * leaves validation to the server (which decodes strictly, like kube-apiserver).
 *
 * The PATCH operations deliberately do not list `application/strategic-merge-patch+json`:
 * kubectl then computes `apply`'s strategic merge patch from its own compiled-in types
 * (patcher.go: OpenAPI v3, then v2, then the built-in structs), which carry the real
 * patch strategies; the schemas here do not. OpenAPI v2 is protobuf only upstream and is
 * not served (404): kubectl falls back without complaint.
 */
import { createHash } from 'node:crypto';
import { KINDS, type KindInfo } from '../src/api/catalog';
import { SCHEMA_BUNDLE, reachableDefinitions, refName, type SchemaNode } from '../src/api/schemas';
import { KUBERNETES_VERSION } from '../src/version';

const PATCH_PARAMETERS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'].map((name) => ({
  name,
  in: 'query',
  schema: { type: name === 'force' ? 'boolean' : 'string', uniqueItems: true },
}));
const PATCH_CONTENT = Object.fromEntries(
  ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'].map((type) => [type, { schema: { $ref: '#/components/schemas/meta.v1.Patch' } }]),
);

const groupVersion = (group: string, version: string): string => (group === '' ? `api/${version}` : `apis/${group}/${version}`);

/** One schema node in OpenAPI 3.0 / kube-openapi form. */
function convert(node: SchemaNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'const') continue;
    if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Record<string, SchemaNode>).map(([name, child]) => [name, convert(child)]));
    else if (key === 'items') out.items = convert(value as SchemaNode);
    else if (key === 'additionalProperties') out.additionalProperties = typeof value === 'boolean' ? value : convert(value as SchemaNode);
    else if (key === 'anyOf') out.anyOf = (value as SchemaNode[]).map(convert);
    else if (key === '$ref') out.$ref = `#/components/schemas/${refName(value as string)}`;
    else out[key] = value;
  }
  if (Array.isArray(out.type)) out.type = node['x-kubernetes-int-or-string'] ? 'string' : (out.type as string[]).find((type) => type !== 'null');
  // kube-openapi wraps a $ref that has siblings (a description) in allOf.
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out;
    return { allOf: [{ $ref }], ...rest };
  }
  return out;
}

function resourcePath(info: KindInfo): string {
  const prefix = info.group === '' ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
  return `${prefix}${info.namespaced ? '/namespaces/{namespace}' : ''}/${info.resource}/{name}`;
}

function buildDocument(group: string, version: string): Record<string, unknown> {
  const kinds = KINDS.filter((info) => info.group === group && info.version === version);
  const names = reachableDefinitions([...kinds.map((info) => info.definition), 'meta.v1.Patch', 'meta.v1.Status']);
  const schemas: Record<string, unknown> = {};
  for (const name of names) schemas[name] = convert(SCHEMA_BUNDLE.definitions[name]!);
  // meta.v1.Patch has no schema of its own upstream either: any object.
  schemas['meta.v1.Patch'] ??= { type: 'object', description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.' };
  const paths: Record<string, unknown> = {};
  for (const info of kinds) {
    if (!info.verbs.includes('patch')) continue;
    paths[resourcePath(info)] = {
      patch: {
        description: `partially update the specified ${info.kind}`,
        operationId: `patch${info.kind}`,
        parameters: PATCH_PARAMETERS,
        requestBody: { content: PATCH_CONTENT, required: true },
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group: info.group, version: info.version, kind: info.kind },
      },
    };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: KUBERNETES_VERSION }, paths, components: { schemas } };
}

interface Built {
  text: string;
  hash: string;
}

const built = new Map<string, Built>();

/** The document of GROUP/VERSION as JSON text with its hash (built once), or undefined if not served. */
export function openApiDocument(group: string, version: string): Built | undefined {
  if (!KINDS.some((info) => info.group === group && info.version === version)) return undefined;
  const key = groupVersion(group, version);
  let entry = built.get(key);
  if (!entry) {
    const text = JSON.stringify(buildDocument(group, version));
    entry = { text, hash: createHash('sha512').update(text).digest('hex').toUpperCase() };
    built.set(key, entry);
  }
  return entry;
}

/** GET /openapi/v3: where each group version's document is, with a hash clients cache by. */
export function openApiIndex(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const info of KINDS) {
    const key = groupVersion(info.group, info.version);
    if (key in paths) continue;
    paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${openApiDocument(info.group, info.version)!.hash}` };
  }
  return { paths };
}
