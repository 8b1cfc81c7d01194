/**
 * Quick fixes for the diagnostics of Kubernetes manifests: the diagnostic's code picks the
 * fix family (one file each in ./codeActions), its `data` (DiagnosticData) says where and
 * carries what the rule found. A pure function of the parsed file and the diagnostics the
 * client sends back (STYLE.md, habit 1); server.ts adapts `connection.onCodeAction`.
 */
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver';
import type { ManifestFile } from '../documents/file';
import type { FeatureContext } from './context';
import { SOURCE, type DiagnosticData } from './diagnostics';
import type { Fixer } from './codeActions/action';
import { renameField, replaceUnsupported } from './codeActions/fields';
import { pinImageTag } from './codeActions/images';
import { addProbes } from './codeActions/probes';
import { createReferenced } from './codeActions/references';
import { addResources } from './codeActions/resources';
import { secretValue } from './codeActions/secrets';
import { alignSelector } from './codeActions/selectors';
import { replaceTabs } from './codeActions/tabs';

/** Diagnostic code -> its quick fixes (lint rule ids and API-server finding codes). */
const FIXERS: Readonly<Record<string, Fixer>> = {
  'image-latest': pinImageTag,
  'resources-missing': addResources,
  'probes-missing': addProbes,
  'selector-mismatch': alignSelector,
  'secret-clear-text': secretValue,
  // The API server's objection to the same clear text, when it is not base64 at all.
  'secret-base64-invalid': secretValue,
  'reference-missing': createReferenced,
  'unknown-field': renameField,
  'value-unsupported': replaceUnsupported,
  'restart-policy-unsupported': replaceUnsupported,
  'job-restart-policy': replaceUnsupported,
  'rbac-role-ref-kind': replaceUnsupported,
  'rbac-subject-kind': replaceUnsupported,
  'yaml-tab': replaceTabs,
};

/** The diagnostic's data, when it has the shape diagnostics.ts gives it (it comes back through the client). */
function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | null | undefined;
  if (!data || typeof data !== 'object' || !Array.isArray(data.path) || typeof data.document !== 'number') return undefined;
  const fix = data.fix !== null && typeof data.fix === 'object' && !Array.isArray(data.fix) ? data.fix : undefined;
  return { path: data.path, document: data.document, chapter: data.chapter, fix };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** True when the ranges share a position (a caret at either end of a diagnostic counts). */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/**
 * The quick fixes for `diagnostics` (the client's `context.diagnostics`) that touch `range`.
 * Only this server's diagnostics are fixed; a fix whose YAML has changed shape since the
 * diagnostic was computed is not offered (no edit is better than a wrong one).
 */
export function provideCodeActions(file: ManifestFile, range: Range, diagnostics: readonly Diagnostic[], context: FeatureContext): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || !touches(diagnostic.range, range)) continue;
    const fixer = FIXERS[String(diagnostic.code)];
    const data = dataOf(diagnostic);
    const document = data ? file.documents[data.document] : undefined;
    if (!fixer || !data || !document) continue;
    try {
      actions.push(...fixer({ file, document, diagnostic, data, context }));
    } catch {
      // A broken fix must not take the others (or the server) down: it offers nothing.
    }
  }
  return actions;
}
