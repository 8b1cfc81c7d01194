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

interface Place {
  owner?: string;
  property?: string;
  element: boolean;
}

function visitNode(node: SchemaNode | undefined, value: unknown, path: PathSegment[], place: Place, visit: (v: Visit) => void): void {
  if (!node || value === null || value === undefined) return;
  const { node: target, name } = resolve(node);
  visit({ path, value, owner: place.owner, property: place.property, type: name, element: place.element });
  if (Array.isArray(value)) {
    if (!target.items) return;
    value.forEach((item, index) => visitNode(target.items, item, [...path, index], { ...place, element: true }, visit));
    return;
  }
  if (typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const property = target.properties && Object.hasOwn(target.properties, key) ? target.properties[key] : undefined;
    if (property) visitNode(property, item, [...path, key], { owner: name, property: key, element: false }, visit);
    else if (target.additionalProperties && typeof target.additionalProperties === 'object') {
      visitNode(target.additionalProperties, item, [...path, key], { ...place, element: true }, visit);
    }
  }
}

/** Calls `visit` for every value of `object` (depth first, in document order), `root` being its definition. */
export function walkSchema(root: string, object: unknown, visit: (v: Visit) => void): void {
  const node = definition(root);
  if (!node) return;
  visitNode({ $ref: `#/definitions/${root}` }, object, [], { element: false }, visit);
}
