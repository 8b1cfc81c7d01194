/**
 * Quick fixes for Dockerfile diagnostics. The client sends the diagnostics back; the fixes
 * are computed again from the current text, and a diagnostic only gets the fix of the
 * finding that still has its code and range: no edit is better than a wrong one.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { DockerfileDocument } from './document';
import { dockerfileFindings } from './diagnostics';

const samePosition = (a: Range['start'], b: Range['start']) => a.line === b.line && a.character === b.character;

/** The quick fixes of `diagnostics` (the client's `context.diagnostics`) that touch `range`. */
export function dockerfileCodeActions(doc: DockerfileDocument, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const { document } = doc;
  const findings = dockerfileFindings(doc);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.range.end.line < range.start.line || diagnostic.range.start.line > range.end.line) continue;
    const finding = findings.find(
      (candidate) =>
        candidate.code === diagnostic.code && samePosition(document.positionAt(candidate.start), diagnostic.range.start) && samePosition(document.positionAt(candidate.end), diagnostic.range.end),
    );
    if (!finding?.fix) continue;
    actions.push({
      title: finding.fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: {
        changes: {
          [document.uri]: finding.fix.edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text })),
        },
      },
    });
  }
  return actions;
}
