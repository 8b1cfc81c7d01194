/**
 * Minimal text edits on one YAML document, computed from the parse: set a scalar, add keys
 * to a map (creating the maps on the way), delete a pair. The rest of the text is left as
 * the learner wrote it (comments, quoting, blank lines); new lines take the column of the
 * map they join and the document's own indentation step.
 */
import { isMap, isScalar, isSeq, stringify, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { ManifestDocument } from '../../documents/file';
import type { Path, Span } from '../../documents/positions';

/** One change of a document, in offsets of its chunk. */
export interface ChunkEdit {
  span: Span;
  text: string;
}

export type Patch = Record<string, unknown>;

/**
 * `add` writes only the keys that are missing; `overwrite` also replaces differing scalars;
 * `exact` makes the map at the path hold exactly the patch (extra keys are deleted).
 */
export type MergeMode = 'add' | 'overwrite' | 'exact';

function isPatch(value: unknown): value is Patch {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyName(pair) === key);
}

/** The document's indentation step: the smallest indentation of a line (2 when nothing is indented). */
export function indentUnit(text: string): number {
  let unit = Infinity;
  for (const line of text.split('\n')) {
    const indent = /^ */.exec(line)![0].length;
    const rest = line.slice(indent);
    if (indent > 0 && rest !== '' && !rest.startsWith('#')) unit = Math.min(unit, indent);
  }
  return unit === Infinity || unit > 8 ? 2 : unit;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The start of the line after the one holding `offset` (or `offset` when it already starts a line). */
function nextLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** `value` as YAML lines at column `column`, nested by `unit`. */
export function renderLines(value: Patch, column: number, unit: number): string[] {
  const pad = ' '.repeat(column);
  return stringify(value, { indent: unit, lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((line) => pad + line);
}

/** The text's line break: new lines keep a Windows file in CRLF. */
export function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Lines inserted at `offset`, which starts a line (or ends a text that lacks its last newline). */
function insertLines(text: string, offset: number, lines: string[]): ChunkEdit {
  const eol = lineBreakOf(text);
  const newline = offset === text.length && text !== '' && !text.endsWith('\n') ? eol : '';
  return { span: [offset, offset], text: `${newline}${lines.join(eol)}${eol}` };
}

/** The node at `path` and the pair holding it (when it is a map value). */
export function nodeAt(document: ManifestDocument, path: Path): { node: unknown; pair?: Pair } | undefined {
  let node: unknown = document.parsed.yaml.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node) && typeof segment === 'string') {
      pair = findPair(node, segment);
      if (!pair) return undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      pair = undefined;
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  return { node, pair };
}

/** The scalar at `path`, when there is one with a position. */
export function scalarAt(document: ManifestDocument, path: Path): Scalar | undefined {
  const node = nodeAt(document, path)?.node;
  return isScalar(node) && node.range ? node : undefined;
}

/** A string written the way `original` was: same quotes, plain when it was plain and can be. */
export function formatScalar(value: string, original: Scalar): string {
  if (original.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (original.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** Replaces a scalar's text by `value` (a block scalar keeps the line break it ended with). */
export function replaceScalar(document: ManifestDocument, scalar: Scalar, value: string): ChunkEdit {
  const [start, end] = scalar.range!;
  const block = scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED';
  const tail = block && document.text[end - 1] === '\n' ? lineBreakOf(document.text) : '';
  return { span: [start, end], text: formatScalar(value, scalar) + tail };
}

/**
 * Deletes a pair's lines (its key's line to its value's last line); undefined when the key
 * does not start its line (`- key: value`, flow maps), where deleting lines would break more.
 */
export function deletePair(document: ManifestDocument, pair: Pair): ChunkEdit | undefined {
  const { text } = document;
  const key = pair.key as Node | null;
  if (!key?.range) return undefined;
  const start = lineStart(text, key.range[0]);
  if (text.slice(start, key.range[0]).trim() !== '') return undefined;
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? key.range[1];
  return { span: [start, nextLine(text, valueEnd)], text: '' };
}

function isEmptyValue(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null;
  // `{}` only: an empty list `[]` is a list, and a map written there would be the wrong type.
  return isMap(node) && node.flow === true && node.items.length === 0;
}

function nest(path: Path, patch: Patch): Patch {
  return path.reduceRight<Patch>((inner, segment) => ({ [segment]: inner }), patch);
}

/** Writes `patch` as the value of a pair that has none (`labels:`, `resources: {}`, `x: null`). */
function fill(document: ManifestDocument, pair: Pair, patch: Patch, unit: number): ChunkEdit[] {
  const { text } = document;
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const edits: ChunkEdit[] = [];
  let after = key.range![1];
  if (value?.range && value.range[1] > value.range[0]) {
    const [start, end] = value.range;
    after = end;
    // `resources: {}` loses `{}` and the space before it, unless a comment follows.
    const rest = text.slice(end, nextLine(text, end));
    const colon = text.indexOf(':', key.range![1]);
    edits.push({ span: [rest.trim() === '' && colon !== -1 && colon < start ? colon + 1 : start, end], text: '' });
  }
  edits.push(insertLines(text, nextLine(text, after), renderLines(patch, columnOf(text, key.range![0]) + unit, unit)));
  return edits;
}

function deepMerge(base: unknown, patch: Patch, mode: MergeMode): Patch {
  const out: Patch = isPatch(base) && mode !== 'exact' ? { ...base } : {};
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    if (isPatch(value) && (isPatch(current) || current === undefined)) out[key] = deepMerge(current, value, mode === 'exact' ? 'add' : mode);
    else if (current === undefined || mode !== 'add') out[key] = value;
  }
  return out;
}

/** A flow map with content is rewritten whole, in flow style (its inner comments are rare). */
function rewriteFlow(map: YAMLMap, patch: Patch, mode: MergeMode): ChunkEdit[] | undefined {
  if (!map.range) return undefined;
  const merged = deepMerge(map.toJSON(), patch, mode);
  return [{ span: [map.range[0], map.range[1]], text: stringify(merged, { collectionStyle: 'flow', lineWidth: 0 }).trimEnd() }];
}

function mergeMap(document: ManifestDocument, map: YAMLMap, patch: Patch, mode: MergeMode, unit: number): ChunkEdit[] | undefined {
  if (map.flow) return rewriteFlow(map, patch, mode);
  const edits: ChunkEdit[] = [];
  const missing: Patch = {};
  const inner = mode === 'exact' ? 'add' : mode;
  for (const [key, value] of Object.entries(patch)) {
    const pair = findPair(map, key);
    if (!pair) missing[key] = value;
    else if (isPatch(value)) {
      if (isEmptyValue(pair.value)) {
        edits.push(...fill(document, pair, value, unit));
      } else if (isMap(pair.value)) {
        const nested = mergeMap(document, pair.value, value, inner, unit);
        if (!nested) return undefined;
        edits.push(...nested);
      } else {
        return undefined;
      }
    } else if (mode !== 'add' && isScalar(pair.value) && pair.value.range && pair.value.value !== value) {
      edits.push(replaceScalar(document, pair.value, String(value)));
    }
  }
  if (mode === 'exact') {
    for (const pair of map.items) {
      const key = keyName(pair);
      if (key !== undefined && Object.hasOwn(patch, key)) continue;
      const deletion = deletePair(document, pair);
      if (!deletion) return undefined;
      edits.push(deletion);
    }
  }
  if (Object.keys(missing).length > 0) {
    const last = map.items[map.items.length - 1];
    const lastEnd = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1];
    if (!map.range || lastEnd === undefined) return undefined;
    const { text } = document;
    edits.push(insertLines(text, nextLine(text, lastEnd), renderLines(missing, columnOf(text, map.range[0]), unit)));
  }
  return edits;
}

/**
 * The edits that merge `patch` into the map at `path`, creating the missing maps on the way
 * (`resources:` then `requests:` under a container). Undefined when the YAML there has
 * another shape (a scalar, a list, a missing list item): no edit is better than a wrong one.
 */
export function mergeEdits(document: ManifestDocument, path: Path, patch: Patch, mode: MergeMode = 'add'): ChunkEdit[] | undefined {
  const unit = indentUnit(document.text);
  let node: unknown = document.parsed.yaml.contents;
  let pair: Pair | undefined;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isMap(node) && typeof segment === 'string' && !node.flow) {
      const found = findPair(node, segment);
      if (!found) return mergeMap(document, node, nest(path.slice(i), patch), 'add', unit);
      pair = found;
      node = found.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      pair = undefined;
      if (!isMap(node)) return undefined;
    } else if (pair && isEmptyValue(node)) {
      return fill(document, pair, nest(path.slice(i), patch), unit);
    } else if (isMap(node) && node.flow && typeof segment === 'string') {
      return rewriteFlow(node, nest(path.slice(i), patch), mode === 'add' ? 'add' : 'overwrite');
    } else {
      return undefined;
    }
  }
  if (pair && isEmptyValue(node)) return fill(document, pair, patch, unit);
  if (isMap(node)) return mergeMap(document, node, patch, mode, unit);
  return undefined;
}
