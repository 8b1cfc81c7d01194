import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Diagnostics for one document: a pure function of its text, so it can be
 * tested without a connection. The YAML, schema, API-server and best-practice
 * checks come with their own issue; until then a manifest has nothing to report.
 */
export function computeDiagnostics(document: TextDocument): Diagnostic[] {
  void document;
  return [];
}
