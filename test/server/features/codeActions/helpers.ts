/**
 * The quick-fix tests' round trip: diagnostics computed by the real pipeline (and sent
 * through JSON, as a client sends them back), the code actions for one of them, the edits
 * applied to the text, and the result checked again by the same pipeline.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { kindInfo } from '../../../../simulator/src/api/catalog';
import { rangeOf } from '../../../../server/src/documents/convert';
import type { ManifestFile } from '../../../../server/src/documents/file';
import { locatePath } from '../../../../server/src/documents/positions';
import { provideCodeActions } from '../../../../server/src/features/codeActions';
import type { FeatureContext } from '../../../../server/src/features/context';
import { computeDiagnostics, SOURCE, type DiagnosticData } from '../../../../server/src/features/diagnostics';
import { CROSS_RULES } from '../../../../server/src/lint/crossRules';
import { LINT_RULES } from '../../../../server/src/lint/index';
import { DEFAULT_SETTINGS } from '../../../../server/src/settings';
import { resourcesOf } from '../../../../server/src/workspace/extract';
import { ResourceIndex } from '../../../../server/src/workspace/resources';
import { fileOf } from '../fixtures';

export const URI = 'file:///work/manifest.yaml';

/** Strips the common indentation and the first newline, so fixtures can sit in the code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values).replace(/^\n/, '');
  const lines = raw.split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** Applies LSP text edits to `text`; fails on overlapping edits, which LSP forbids. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const document = TextDocument.create(URI, 'yaml', 1, text);
  const spans = edits
    .map((edit) => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), text: edit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1]!.end <= spans[i]!.start, `overlapping edits: ${JSON.stringify(spans)}`);
  let out = text;
  for (const span of [...spans].reverse()) out = out.slice(0, span.start) + span.text + out.slice(span.end);
  return out;
}

/** The feature context of a file: the index holds it (as the workspace scan does) and the other files. */
export function contextOf(file: ManifestFile, others: readonly string[] = []): FeatureContext {
  const resources = new ResourceIndex();
  resources.setFile(file.uri, resourcesOf(file));
  others.forEach((text, index) => {
    const other = fileOf(text, `file:///work/other-${index}.yaml`);
    resources.setFile(other.uri, resourcesOf(other));
  });
  return { settings: DEFAULT_SETTINGS, resources, images: [] };
}

// Cross-resource rules not registered yet in lint/index.ts run here the way diagnostics.ts runs rules.
function unregisteredDiagnostics(file: ManifestFile, context: FeatureContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rules = CROSS_RULES.filter((rule) => !LINT_RULES.some((registered) => registered.id === rule.id));
  for (const document of file.documents) {
    const { parsed } = document;
    const info = parsed.apiVersion && parsed.kind ? kindInfo(parsed.apiVersion, parsed.kind) : undefined;
    if (!info) continue;
    for (const rule of rules) {
      if (rule.kinds !== '*' && !rule.kinds.includes(info.kind)) continue;
      for (const finding of rule.check(parsed.value as Record<string, unknown>, { info, resources: context.resources, namespace: parsed.namespace })) {
        const data: DiagnosticData = { path: finding.path, document: document.index, chapter: rule.chapter, fix: finding.fix };
        const range = rangeOf(document, locatePath(parsed.yaml, finding.path).span);
        out.push({ range, code: rule.id, source: SOURCE, message: finding.message, data });
      }
    }
  }
  return out;
}

/** Every diagnostic of `text`, as the client holds them (through JSON). */
export function diagnosticsOf(text: string, others: readonly string[] = []): Diagnostic[] {
  const file = fileOf(text, URI);
  const context = contextOf(file, others);
  const diagnostics = [...computeDiagnostics(file, context), ...unregisteredDiagnostics(file, context)];
  return JSON.parse(JSON.stringify(diagnostics)) as Diagnostic[];
}

function pathOf(diagnostic: Diagnostic): string {
  return JSON.stringify((diagnostic.data as DiagnosticData).path);
}

export interface Fixes {
  diagnostic: Diagnostic;
  actions: CodeAction[];
  titles: string[];
}

/** The code actions of the (first, or matching `path`) diagnostic `code` of `text`. */
export function fixesFor(text: string, code: string, options: FixOptions = {}): Fixes {
  const all = diagnosticsOf(text, options.others);
  const diagnostic = all.find((found) => found.code === code && (!options.path || pathOf(found) === JSON.stringify(options.path)));
  assert.ok(diagnostic, `no ${code} diagnostic among: ${all.map((found) => `${String(found.code)} ${pathOf(found)}`).join(', ')}`);
  const file = fileOf(text, URI);
  const actions: CodeAction[] = provideCodeActions(file, diagnostic.range, [diagnostic], contextOf(file, options.others));
  return { diagnostic, actions, titles: actions.map((action) => action.title) };
}

/** The text after `action` (which must edit this file only). */
export function applyAction(text: string, action: CodeAction | undefined): string {
  assert.ok(action, 'no such action');
  const changes = action.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [URI]);
  return applyEdits(text, changes[URI]!);
}

export interface FixOptions {
  /** Other files of the workspace. */
  others?: readonly string[];
  /** The path of the diagnostic, when the code appears more than once. */
  path?: (string | number)[];
  /** The action fixes part of the problem: a diagnostic may remain there, with another message. */
  partial?: boolean;
}

/**
 * Applies the action titled `title` (or the only preferred one) and checks the result: valid
 * YAML, and the diagnostic it fixed is gone. Returns the new text.
 */
export function applyFix(text: string, code: string, title?: string, options: FixOptions = {}): string {
  const { diagnostic, actions } = fixesFor(text, code, options);
  const chosen = title === undefined ? actions.filter((action) => action.isPreferred) : actions.filter((action) => action.title === title);
  assert.equal(chosen.length, 1, `one action ${title ?? '(preferred)'} among: ${actions.map((action) => action.title).join(' | ')}`);
  assert.deepEqual(chosen[0]!.diagnostics, [diagnostic]);
  const after = applyAction(text, chosen[0]);
  assertValidYaml(after);
  const left = diagnosticsOf(after, options.others).filter(
    (found) => found.code === code && pathOf(found) === pathOf(diagnostic) && (!options.partial || found.message === diagnostic.message),
  );
  assert.deepEqual(
    left.map((found) => found.message),
    [],
    `the ${code} diagnostic is still there after « ${chosen[0]!.title} »:\n${after}`,
  );
  return after;
}

/** Every document of `text` parses without a YAML problem. */
export function assertValidYaml(text: string): void {
  const problems = fileOf(text, URI).documents.flatMap((document) => document.parsed.problems);
  assert.deepEqual(problems, [], text);
}
