/**
 * Between object paths (`['spec', 'template', 'spec', 'containers', 0, 'image']`) and
 * places in the YAML text: where to put a diagnostic for a path, and what path the
 * cursor is on for hover and completion.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type Path = (string | number)[];

/** Offsets in the chunk: [start, end). */
export type Span = [number, number];

export interface PathTarget {
  /** The span of the key of the deepest existing pair (or of the item, in a list). */
  span: Span;
  /** How many segments of the path exist in the document. */
  depth: number;
  /** True when the whole path exists. */
  found: boolean;
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function span(node: Node | null | undefined): Span | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/**
 * Where to show a finding about `path`: on the key of the field when it exists, else on
 * the key of its deepest existing ancestor (a missing required field is reported on
 * the object that lacks it). `on: 'value'` prefers the value's span.
 */
export function locatePath(document: Document.Parsed, path: readonly (string | number)[], on: 'key' | 'value' = 'key'): PathTarget {
  let node: unknown = document.contents;
  let best: Span = span(document.contents) ?? [0, 0];
  let depth = 0;
  // The root's first key is where document-level findings go.
  if (isMap(node) && node.items[0]) best = span(node.items[0].key as Node) ?? best;
  for (const segment of path) {
    if (isMap(node) && typeof segment === 'string') {
      const pair = node.items.find((item) => keyText(item) === segment);
      if (!pair) break;
      const keySpan = span(pair.key as Node);
      const valueSpan = span(pair.value as Node);
      best = (on === 'value' && depth === path.length - 1 ? valueSpan ?? keySpan : keySpan) ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      // A list item: point at its first key when it is an object, else at the item.
      best = (isMap(item) && item.items[0] ? span(item.items[0].key as Node) : span(item)) ?? best;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { span: best, depth, found: depth === path.length };
}

/** What the cursor is on. */
export interface CursorContext {
  /** Path of the value the cursor is in, or of the key it is on. */
  path: Path;
  /** True when the cursor is on a key (or where a key would be typed). */
  onKey: boolean;
  /** The pair whose key or value holds the cursor, when there is one. */
  pair?: Pair;
  /** The scalar under the cursor, with its span. */
  scalar?: { value: unknown; span: Span };
}

function contains(node: unknown, offset: number): boolean {
  const range = (node as Node | null)?.range;
  return !!range && range[0] <= offset && offset <= range[1];
}

/**
 * The path at `offset` in the document: descends the YAML tree through the maps and
 * lists whose range holds the offset. Iterative, so deep documents cannot overflow.
 */
export function pathAtOffset(document: Document.Parsed, offset: number): CursorContext {
  const path: Path = [];
  let node: unknown = document.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((item) => contains(item.key, offset) || contains(item.value, offset));
      if (!pair) return { path, onKey: true };
      const key = keyText(pair);
      if (key === undefined) return { path, onKey: true };
      if (contains(pair.key, offset)) {
        return { path: [...path, key], onKey: true, pair, scalar: { value: key, span: span(pair.key as Node)! } };
      }
      path.push(key);
      if (isScalar(pair.value)) return { path, onKey: false, pair, scalar: { value: pair.value.value, span: span(pair.value)! } };
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item, offset));
      if (index === -1) return { path, onKey: false };
      path.push(index);
      const item = node.items[index];
      if (isScalar(item)) return { path, onKey: false, scalar: { value: item.value, span: span(item)! } };
      node = item;
    } else {
      return { path, onKey: false };
    }
  }
}

/** The pair holding `path`'s last key, when it exists (for code actions that edit it). */
export function pairAt(document: Document.Parsed, path: readonly (string | number)[]): Pair | undefined {
  let node: unknown = document.contents;
  let found: Pair | undefined;
  for (const segment of path) {
    if (isMap(node) && typeof segment === 'string') {
      found = node.items.find((item) => keyText(item) === segment);
      if (!found) return undefined;
      node = found.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      found = undefined;
      if (!node) return undefined;
    } else {
      return undefined;
    }
  }
  return isPair(found) ? found : undefined;
}
