/**
 * The JSON Schemas of every built-in type of the Kubernetes v1.30 API, generated from the
 * `kubernetes-types` package by scripts/generate-api-schemas.mjs (never edited by hand).
 * Definitions are named after the package's modules: `apps.v1.Deployment`,
 * `core.v1.PodSpec`, `meta.v1.ObjectMeta`, `api.resource.Quantity`.
 */
import bundle from './generated/schemas.json';

/** One JSON Schema node as the generator writes it. */
export interface SchemaNode {
  description?: string;
  type?: string | string[];
  format?: string;
  const?: string | boolean;
  enum?: string[];
  $ref?: string;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  required?: string[];
  readOnly?: boolean;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-int-or-string'?: boolean;
}

export interface SchemaBundle {
  $schema: string;
  'x-kubernetes-types-version': string;
  definitions: Record<string, SchemaNode>;
}

/** The whole generated bundle, as a draft-07 JSON Schema with `definitions`. */
export const SCHEMA_BUNDLE = bundle as unknown as SchemaBundle;

const REF_PREFIX = '#/definitions/';

/** The definition called `name`, or undefined. */
export function definition(name: string): SchemaNode | undefined {
  return Object.hasOwn(SCHEMA_BUNDLE.definitions, name) ? SCHEMA_BUNDLE.definitions[name] : undefined;
}

/** `#/definitions/core.v1.PodSpec` -> `core.v1.PodSpec`. */
export function refName(ref: string): string {
  return ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref;
}

/** Follows `$ref` (once per level) so callers see the referenced definition. */
export function resolve(node: SchemaNode): { node: SchemaNode; name?: string } {
  if (node.$ref) {
    const name = refName(node.$ref);
    const target = definition(name);
    if (target) return { node: target, name };
  }
  return { node };
}

/**
 * Every definition reachable from `roots` through `$ref`, in a stable order
 * (roots first, then breadth-first).
 */
export function reachableDefinitions(roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    const node = definition(name);
    if (!node) continue;
    seen.add(name);
    collectRefs(node, queue);
  }
  return [...seen];
}

function collectRefs(node: unknown, out: string[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, out);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out.push(refName(value));
    else collectRefs(value, out);
  }
}

/** Where a path of an object lands in the schema. */
export interface SchemaLocation {
  /** The schema node of the value at the path (after `$ref`), or undefined past the schema. */
  node: SchemaNode | undefined;
  /** The definition that declares the last property of the path (`apps.v1.DeploymentSpec`). */
  owner?: string;
  /** The definition the value itself is, when it is one (`core.v1.PodSpec`). */
  definition?: string;
  /** True when the last segment is a key of a string map (labels, data). */
  mapKey?: boolean;
}

/**
 * Walks the schema of definition `root` along `path` (property names and list indexes),
 * following `$ref`. Used to name the owner of a field in error texts, and by the editor
 * features to know what the cursor is in.
 */
export function schemaAtPath(root: string, path: readonly (string | number)[]): SchemaLocation {
  let location: SchemaLocation = { node: definition(root), definition: root };
  for (const segment of path) {
    const current = location.node;
    if (!current) return { node: undefined };
    if (typeof segment === 'number') {
      if (!current.items) return { node: undefined };
      const { node, name } = resolve(current.items);
      location = { node, definition: name, owner: location.owner };
      continue;
    }
    const property = current.properties && Object.hasOwn(current.properties, segment) ? current.properties[segment] : undefined;
    if (property) {
      const { node, name } = resolve(property);
      location = { node, definition: name, owner: location.definition };
    } else if (current.additionalProperties && typeof current.additionalProperties === 'object') {
      const { node, name } = resolve(current.additionalProperties);
      location = { node, definition: name, owner: location.owner, mapKey: true };
    } else {
      return { node: undefined, owner: location.definition };
    }
  }
  return location;
}

/** Go's spelling of the type a schema node decodes into: `int32`, `[]v1.Container`, `v1.PodSpec`. */
export function goTypeName(node: SchemaNode | undefined): string {
  if (!node) return 'interface {}';
  if (node.$ref) {
    const name = refName(node.$ref);
    const special = GO_SPECIAL_TYPES[name];
    if (special) return special;
    const parts = name.split('.');
    return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
  }
  if (node['x-kubernetes-int-or-string']) return 'intstr.IntOrString';
  if (node.type === 'integer') return node.format === 'int64' ? 'int64' : 'int32';
  if (node.type === 'number') return 'float64';
  if (node.type === 'string') return 'string';
  if (node.type === 'boolean') return 'bool';
  if (node.type === 'array') return `[]${goTypeName(node.items)}`;
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object') {
    return `map[string]${goTypeName(node.additionalProperties)}`;
  }
  return 'interface {}';
}

const GO_SPECIAL_TYPES: Record<string, string> = {
  'api.resource.Quantity': 'resource.Quantity',
  'meta.v1.Time': 'v1.Time',
  'meta.v1.MicroTime': 'v1.MicroTime',
  'runtime.RawExtension': 'runtime.RawExtension',
};
