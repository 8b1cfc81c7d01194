/**
 * What every quick fix receives (the diagnostic, its data, the document it is about) and
 * how it hands back a CodeAction: one WorkspaceEdit on the file, in LSP positions.
 */
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import { rangeOf } from '../../documents/convert';
import type { ManifestDocument, ManifestFile } from '../../documents/file';
import type { Path } from '../../documents/positions';
import type { FeatureContext } from '../context';
import type { DiagnosticData } from '../diagnostics';
import type { ChunkEdit } from './yamlEdits';

export interface FixContext {
  file: ManifestFile;
  /** The document the diagnostic is about (`data.document`). */
  document: ManifestDocument;
  diagnostic: Diagnostic;
  data: DiagnosticData;
  context: FeatureContext;
}

/** The quick fixes of one diagnostic code. */
export type Fixer = (fix: FixContext) => CodeAction[];

/** Chunk edits of `document` as LSP text edits of the file. */
export function textEdits(document: ManifestDocument, edits: readonly ChunkEdit[]): TextEdit[] {
  return edits.map((edit) => TextEdit.replace(rangeOf(document, edit.span), edit.text));
}

/** A quick fix for the diagnostic of `fix`, editing its file. */
export function quickFix(fix: FixContext, title: string, edits: TextEdit[], preferred = false): CodeAction {
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [fix.diagnostic],
    edit: { changes: { [fix.file.uri]: edits } },
  };
  if (preferred) action.isPreferred = true;
  return action;
}

/** A quick fix made of chunk edits of the diagnostic's document; none when there is nothing to edit. */
export function documentFix(fix: FixContext, title: string, edits: readonly ChunkEdit[] | undefined, preferred = false): CodeAction[] {
  return edits && edits.length > 0 ? [quickFix(fix, title, textEdits(fix.document, edits), preferred)] : [];
}

// The fix data travels through the client as JSON: nothing about its shape can be trusted.

/** A string of the fix data. */
export function fixString(fix: FixContext, key: string): string | undefined {
  const value = fix.data.fix?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** A path of the fix data (`container`). */
export function fixPath(fix: FixContext, key: string): Path | undefined {
  const value = fix.data.fix?.[key];
  return Array.isArray(value) && value.every((segment) => typeof segment === 'string' || typeof segment === 'number') ? value : undefined;
}

/** A list of strings of the fix data (`missing`, `keys`). */
export function fixStrings(fix: FixContext, key: string): string[] {
  const value = fix.data.fix?.[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The value at `path` of the document's object. */
export function valueAt(fix: FixContext, path: Path): unknown {
  let current: unknown = fix.document.parsed.value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
