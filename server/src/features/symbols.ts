/**
 * Document symbols (the outline): one entry per YAML document, named `Kind name`, with
 * its fields as children. Depth and count are bounded so that a generated 10,000-line
 * list cannot flood the editor's outline.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { rangeOf } from '../documents/convert';
import type { ManifestDocument, ManifestFile } from '../documents/file';
import type { Span } from '../documents/positions';
import { contentEnd, isBlankDocument } from './folding';

/** Fields deeper than this are not listed (a Deployment's container `ports` sit at depth 6). */
export const MAX_SYMBOL_DEPTH = 6;
/** At most this many field symbols per document. */
export const MAX_SYMBOLS_PER_DOCUMENT = 1000;

const MAX_TEXT = 60;

function spanOf(node: unknown): Span | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

function kindOf(node: unknown): SymbolKind {
  if (isMap(node)) return SymbolKind.Object;
  if (isSeq(node)) return SymbolKind.Array;
  if (isScalar(node)) {
    if (typeof node.value === 'string') return SymbolKind.String;
    if (typeof node.value === 'number' || typeof node.value === 'bigint') return SymbolKind.Number;
    if (typeof node.value === 'boolean') return SymbolKind.Boolean;
  }
  return SymbolKind.Property;
}

/** Text from the document on one line and short: a pasted certificate is not an outline entry. */
function short(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

/** A scalar's value as text (numbers and booleans as written by JavaScript). */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** What the outline shows beside a leaf: its value. */
function detailOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return short(scalarText(node.value));
}

/** A non-empty name: editors reject symbols whose name is empty. */
function nameOf(text: string): string {
  return text.trim() === '' ? '""' : short(text);
}

/** The `name` pair of a list item (a container, a port, a volume), when it has one. */
function namePair(item: unknown): Pair | undefined {
  if (!isMap(item)) return undefined;
  const pair = item.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === 'name');
  return pair && isScalar(pair.value) && pair.value.value !== null ? pair : undefined;
}

/** A node waiting for its children: fields are listed breadth-first, so the budget keeps the top of the tree. */
interface Pending {
  node: unknown;
  depth: number;
  into: DocumentSymbol[];
  /** Where the parent's range ends: editors require children inside it. */
  limit: number;
}

interface Entry {
  symbol: DocumentSymbol;
  value: unknown;
  /** Where the symbol's range ends (chunk offset). */
  end: number;
}

/**
 * A symbol from chunk spans. A block's range in the tree runs to the next line: the symbol
 * stops at its last character. Spans are clamped to the parent's end, since an empty
 * item (`- ` and nothing after) sits past the parent's last character.
 */
function entry(document: ManifestDocument, limit: number, name: string, value: unknown, span: Span, selection: Span, detail: string | undefined): Entry {
  const clamp = (offset: number) => Math.min(offset, limit);
  const start = clamp(span[0]);
  const end = clamp(Math.max(selection[1], contentEnd(document.text, span[0], span[1])));
  const symbol: DocumentSymbol = {
    name,
    kind: kindOf(value),
    range: rangeOf(document, [start, end]),
    selectionRange: rangeOf(document, [Math.max(start, clamp(selection[0])), clamp(selection[1])]),
  };
  if (detail !== undefined) symbol.detail = detail;
  return { symbol, value, end };
}

/** A field: named by its key, its value as detail. */
function pairEntry(document: ManifestDocument, limit: number, pair: Pair): Entry | undefined {
  const key = spanOf(pair.key);
  if (!key || !isScalar(pair.key)) return undefined;
  const span: Span = [key[0], spanOf(pair.value)?.[1] ?? key[1]];
  return entry(document, limit, nameOf(scalarText(pair.key.value)), pair.value, span, key, detailOf(pair.value));
}

/** A list item: named by its `name`, its value or its index (no detail: that would repeat the name). */
function itemEntry(document: ManifestDocument, limit: number, item: unknown, index: number): Entry | undefined {
  const span = spanOf(item);
  if (!span) return undefined;
  const named = namePair(item);
  if (named) return entry(document, limit, nameOf(scalarText((named.value as Scalar).value)), item, span, spanOf(named.value) ?? span, undefined);
  if (isScalar(item) && item.value !== null) return entry(document, limit, nameOf(scalarText(item.value)), item, span, span, undefined);
  const first = isMap(item) || isSeq(item) ? spanOf(isMap(item) ? item.items[0]?.key : item.items[0]) : undefined;
  return entry(document, limit, `[${index}]`, item, span, first ?? [span[0], span[0]], undefined);
}

/** The field symbols under `root`, breadth-first, bounded in depth and count. Iterative: deep YAML cannot overflow. */
function fieldSymbols(document: ManifestDocument, root: unknown, limit: number): DocumentSymbol[] {
  const top: DocumentSymbol[] = [];
  const queue: Pending[] = [{ node: root, depth: 1, into: top, limit }];
  let left = MAX_SYMBOLS_PER_DOCUMENT;
  for (let next = 0; next < queue.length && left > 0; next++) {
    const { node, depth, into, limit: parentEnd } = queue[next]!;
    if (!(isMap(node) || isSeq(node))) continue;
    const entries: unknown[] = node.items;
    for (let index = 0; index < entries.length && left > 0; index++) {
      const made = isMap(node) ? pairEntry(document, parentEnd, entries[index] as Pair) : itemEntry(document, parentEnd, entries[index], index);
      if (!made) continue;
      left--;
      into.push(made.symbol);
      if (depth < MAX_SYMBOL_DEPTH && (isMap(made.value) || isSeq(made.value)) && made.value.items.length > 0) {
        made.symbol.children = [];
        queue.push({ node: made.value, depth: depth + 1, into: made.symbol.children, limit: Math.min(made.end, parentEnd) });
      }
    }
  }
  return top;
}

function documentName(document: ManifestDocument): string {
  const { kind, name } = document.parsed;
  if (kind === undefined) return `Document ${document.index + 1}`;
  return name === undefined ? nameOf(kind) : `${nameOf(kind)} ${short(name)}`;
}

/** Where the editor puts the cursor for the document: its `kind` value, else its first key. */
function selectionOf(document: ManifestDocument): Span {
  const root = document.parsed.yaml.contents;
  if (isMap(root)) {
    const kindPair = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'kind');
    const span = spanOf(kindPair?.value) ?? spanOf(root.items[0]?.key);
    if (span) return span;
  }
  return spanOf(root) ?? [0, 0];
}

/**
 * The outline of a Kubernetes file: one symbol per non-empty document, its fields as
 * children. Other YAML files get none: their outline belongs to the YAML tools made for
 * them (as their diagnostics do).
 */
export function provideDocumentSymbols(file: ManifestFile): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (!file.isKubernetes) return symbols;
  for (const document of file.documents) {
    if (isBlankDocument(document)) continue;
    // Up to its last character: the next document's `---` line belongs to the next symbol.
    const end = contentEnd(document.text, 0, document.text.length);
    const [selectionStart, selectionEnd] = selectionOf(document);
    symbols.push({
      name: documentName(document),
      detail: document.parsed.apiVersion,
      kind: SymbolKind.Class,
      range: rangeOf(document, [0, end]),
      // Editors require the selection inside the range.
      selectionRange: rangeOf(document, [Math.min(selectionStart, end), Math.min(selectionEnd, end)]),
      children: fieldSymbols(document, document.parsed.yaml.contents, end),
    });
  }
  return symbols;
}
