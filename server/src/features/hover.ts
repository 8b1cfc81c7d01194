/**
 * Hover for Kubernetes manifests, in French: on a key, the field's documentation; on an
 * enum-like value, what that value means; on `apiVersion`/`kind`, what the resource is
 * for. A pure function of one parsed document and an offset in it (STYLE.md, habit 1):
 * only the document under the cursor is touched, so hovering stays instant in huge files.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { rangeOf } from '../documents/convert';
import type { ManifestDocument } from '../documents/file';
import { pathAtOffset, type Span } from '../documents/positions';
import { fieldAt, fieldMarkdown, unknownKeyMarkdown, valueMarkdown } from './hover/field';
import { resourceMarkdown } from './hover/kind';

function hover(document: ManifestDocument, span: Span, markdown: string | undefined): Hover | null {
  return markdown === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: markdown }, range: rangeOf(document, span) };
}

/**
 * The hover at `chunkOffset` (an offset in the document's chunk), or null when the
 * cursor is on nothing to explain or the document is not a Kubernetes object.
 */
export function provideHover(document: ManifestDocument, chunkOffset: number): Hover | null {
  const { parsed } = document;
  // A document recognised only from its text (too broken to convert) has nothing to explain.
  if (!parsed.isKubernetes || parsed.apiVersion === undefined || parsed.kind === undefined) return null;
  const { apiVersion, kind } = parsed;
  const cursor = pathAtOffset(parsed.yaml, chunkOffset);
  if (!cursor.scalar) return null;
  const { path, scalar } = cursor;

  const isRootTypeField = path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind');
  if (isRootTypeField && !cursor.onKey) return hover(document, scalar.span, resourceMarkdown(apiVersion, kind));

  // Keys and values below an unknown kind have no schema to be explained by.
  const info = kindInfo(apiVersion, kind);
  if (!info) return null;
  const field = fieldAt(info.definition, path);
  if (cursor.onKey) {
    return hover(document, scalar.span, field ? fieldMarkdown(field) : unknownKeyMarkdown(info.definition, path));
  }
  if (!field) return null;
  const value = typeof scalar.value === 'string' ? valueMarkdown(field, scalar.value) : undefined;
  return hover(document, scalar.span, value ?? fieldMarkdown(field));
}
