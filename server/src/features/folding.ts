/**
 * Folding ranges: each document of a multi-document file, and each map or list (or block
 * scalar) that spans several lines. Line-based, as YAML has no closing brackets: a range
 * ends on the last line that holds its content, never on the blank line or the key after it.
 */
import type { FoldingRange } from 'vscode-languageserver';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { positionAt } from '../documents/convert';
import type { ManifestDocument, ManifestFile } from '../documents/file';

/**
 * The offset just after the last non-blank character of [start, end): a block's range in
 * the YAML tree runs to the next line, which is not the block's.
 */
export function contentEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/**
 * True when the document holds nothing but markers (`---`, `...`), comments and blank
 * lines. (`parsed.isEmpty` misses a `---` followed only by comments: the parser then
 * gives a null scalar, not an empty document.)
 */
export function isBlankDocument(document: ManifestDocument): boolean {
  const { text } = document;
  // Line by line without splitting: a real document answers on its first lines.
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    const content = /^(?:---|\.\.\.)(?=\s|$)/.test(line) ? line.slice(3) : line;
    const trimmed = content.trimStart();
    if (trimmed !== '' && !trimmed.startsWith('#')) return false;
  }
  return true;
}

/** The file line of the last non-blank character of [start, end) in the document. */
function lastLine(document: ManifestDocument, start: number, end: number): number {
  return positionAt(document, Math.max(start, contentEnd(document.text, start, end) - 1)).line;
}

/** Ranges of the nested blocks of one document. Iterative: deep YAML cannot overflow the stack. */
function blockRanges(document: ManifestDocument, add: (startLine: number, endLine: number) => void): void {
  const stack: unknown[] = [document.parsed.yaml.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!isMap(node) && !isSeq(node)) continue;
    for (const item of node.items) {
      // A pair folds from its key; a list item from its first line (the `- ` line).
      const [from, value] = isPair(item) ? [item.key as Node | null, item.value] : [item as Node | null, item];
      const start = from?.range?.[0];
      const end = (value as Node | null)?.range?.[1];
      if (start === undefined || end === undefined) continue;
      if (isMap(value) || isSeq(value) || isScalar(value)) add(positionAt(document, start).line, lastLine(document, start, end));
      stack.push(value);
    }
  }
}

/**
 * The folding ranges of a file, sorted by start line, one per start line (the largest),
 * at most `rangeLimit` of them (the client's `foldingRange.rangeLimit`, outermost first).
 */
export function provideFoldingRanges(file: ManifestFile, rangeLimit = Number.MAX_SAFE_INTEGER): FoldingRange[] {
  const byStart = new Map<number, number>();
  const add = (startLine: number, endLine: number): void => {
    if (endLine > startLine && endLine > (byStart.get(startLine) ?? -1)) byStart.set(startLine, endLine);
  };
  const documents = file.documents.filter((document) => !isBlankDocument(document));
  for (const document of documents) {
    if (documents.length > 1) add(document.line, lastLine(document, 0, document.text.length));
    blockRanges(document, add);
  }
  const ranges = [...byStart].map(([startLine, endLine]) => ({ startLine, endLine }));
  // Outermost first when the client caps the count: a document's range before its blocks.
  if (ranges.length > rangeLimit) {
    ranges.sort((a, b) => b.endLine - b.startLine - (a.endLine - a.startLine));
    ranges.length = Math.max(0, rangeLimit);
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
