/**
 * Positions between a document's chunk-relative offsets and the file's LSP positions.
 * Chunks start at the beginning of a line, so only the line needs shifting.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { ManifestDocument } from './file';
import type { Span } from './positions';

/** The LSP position of `offset` (relative to the document's chunk). */
export function positionAt(document: ManifestDocument, offset: number): Position {
  const { line, col } = document.parsed.lineCounter.linePos(Math.max(0, Math.min(offset, document.text.length)));
  return { line: document.line + line - 1, character: col - 1 };
}

/** The LSP range of a chunk-relative span. */
export function rangeOf(document: ManifestDocument, span: Span): Range {
  return { start: positionAt(document, span[0]), end: positionAt(document, span[1]) };
}

/** The document of `documents` that holds file offset `offset`. */
export function documentAt<T extends { offset: number; text: string }>(documents: readonly T[], offset: number): T | undefined {
  let found: T | undefined;
  for (const document of documents) {
    if (document.offset <= offset) found = document;
    else break;
  }
  return found;
}
