/**
 * Walks a decoded object alongside its schema, so rules that are about a type rather
 * than a place (every Quantity, every enum-like field) find all their occurrences,
 * wherever a kind nests them.
 */
import { definition, resolve, type SchemaNode } from '../../schemas';
import type { PathSegment } from '../finding';

export interface Visit {
  path: readonly PathSegment[];
  value: unknown;
  /** The definition declaring the property (`core.v1.PodSpec`); for list items and map values, the list's or map's. */
  owner?: string;
  /** The property name in `owner` (`restartPolicy`). */
  property?: string;
  /** The definition the value is, when it is one (`api.resource.Quantity`). */
  type?: string;
  /** True for a list item or a map value (the value of `owner.property` is one of many). */
  element: boolean;
}

/** `resolve` of a schema node, computed once per node: walks meet the same nodes over and over. */
const resolvedNodes = new Map<SchemaNode, { node: SchemaNode; name?: string }>();

export function resolved(node: SchemaNode): { node: SchemaNode; name?: string } {
  let found = resolvedNodes.get(node);
  if (!found) {
    found = resolve(node);
    resolvedNodes.set(node, found);
  }
  return found;
}

function visitNode(
  node: SchemaNode | undefined,
  value: unknown,
  path: PathSegment[],
  owner: string | undefined,
  property: string | undefined,
  element: boolean,
  visit: (v: Visit) => void,
): void {
  if (!node || value === null || value === undefined) return;
  const { node: target, name } = resolved(node);
  visit({ path, value, owner, property, type: name, element });
  if (Array.isArray(value)) {
    const items = target.items;
    if (!items) return;
    // A list item keeps the list's owner and property.
    for (let index = 0; index < value.length; index++) visitNode(items, value[index], [...path, index], owner, property, true, visit);
    return;
  }
  if (typeof value !== 'object') return;
  const properties = target.properties;
  const additional = target.additionalProperties && typeof target.additionalProperties === 'object' ? target.additionalProperties : undefined;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    const declared = properties && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
    if (declared) visitNode(declared, item, [...path, key], name, key, false, visit);
    // A map value keeps the map's owner and property.
    else if (additional) visitNode(additional, item, [...path, key], owner, property, true, visit);
  }
}

/** A `$ref` to each root definition, made once (plans and resolved nodes are cached by node identity). */
const rootNodes = new Map<string, SchemaNode>();

export function rootNode(root: string): SchemaNode | undefined {
  let node = rootNodes.get(root);
  if (!node && definition(root)) {
    node = { $ref: `#/definitions/${root}` };
    rootNodes.set(root, node);
  }
  return node;
}

/** Calls `visit` for every value of `object` (depth first, in document order), `root` being its definition. */
export function walkSchema(root: string, object: unknown, visit: (v: Visit) => void): void {
  const start = rootNode(root);
  if (start) visitNode(start, object, [], undefined, undefined, false, visit);
}
