/**
 * Diagnostics for Kubernetes manifests: YAML problems, then what the API server would
 * answer (the same validateObject the simulated API server runs), then best-practice and
 * cross-resource advice (server/src/lint). Pure functions of a parsed document and a
 * context; server.ts decides when to run them.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { kindInfo, type KindInfo } from '../../../simulator/src/api/catalog';
import { chapterById } from '../../../simulator/src/api/chapters';
import { validateObject, type Finding } from '../../../simulator/src/api/validation/index';
import { rangeOf } from '../documents/convert';
import type { ManifestDocument, ManifestFile } from '../documents/file';
import type { ParsedManifest } from '../documents/manifest';
import { LINT_RULES } from '../lint/index';
import type { LintFinding, LintRule, Severity } from '../lint/rule';
import type { Settings } from '../settings';
import type { ResourceIndex } from '../workspace/resources';

export const SOURCE = 'atelier-kubernetes';

export interface DiagnosticsContext {
  settings: Settings;
  resources: ResourceIndex;
}

/** What a code action needs to know about a diagnostic (its `data`). */
export interface DiagnosticData {
  /** The path the finding is about. */
  path: (string | number)[];
  /** Index of the document in its file. */
  document: number;
  chapter?: string;
  /** Rule-specific data for the quick fix. */
  fix?: Record<string, unknown>;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

// The validation of a document depends on its text only: memoised on the parse, which the
// parse cache keeps per distinct text. Editing one document re-validates only that one.
const validations = new WeakMap<ParsedManifest, Finding[]>();

/** API-server findings for a parsed document (memoised). */
export function validationFindings(parsed: ParsedManifest): Finding[] {
  const known = validations.get(parsed);
  if (known) return known;
  const findings = parsed.isKubernetes && parsed.value !== undefined ? validateObject(parsed.value).findings : [];
  validations.set(parsed, findings);
  return findings;
}

function level(settings: Settings, code: string, fallback: Severity): Severity | 'off' {
  return settings.rules[code] ?? fallback;
}

function chapterTitle(chapter: string | undefined): string {
  const found = chapter ? chapterById(chapter) : undefined;
  return found ? `\nChapitre : ${found.title}` : '';
}

/** Diagnostics of one document of a file. */
export function diagnoseDocument(document: ManifestDocument, context: DiagnosticsContext, fileIsKubernetes: boolean): Diagnostic[] {
  const { parsed } = document;
  const diagnostics: Diagnostic[] = [];
  const push = (code: string, fallback: Severity, span: [number, number], message: string, data: DiagnosticData): void => {
    const severity = level(context.settings, code, fallback);
    if (severity === 'off') return;
    diagnostics.push({ range: rangeOf(document, span), severity: SEVERITIES[severity], code, source: SOURCE, message, data });
  };

  // YAML problems are reported for Kubernetes files only: other YAML (CI files, Compose...)
  // belongs to other tools.
  if (fileIsKubernetes || parsed.isKubernetes) {
    for (const problem of parsed.problems) {
      push(problem.code, problem.severity, [problem.start, problem.end], problem.message, { path: [], document: document.index });
    }
  }
  if (!parsed.isKubernetes || parsed.value === undefined) return diagnostics;
  // kubectl would stop at the YAML error (`error converting YAML to JSON`): checking what the
  // parser recovered would only add noise.
  if (parsed.problems.some((problem) => problem.severity === 'error')) return diagnostics;

  const validated = new Set<string>();
  for (const finding of validationFindings(parsed)) {
    validated.add(JSON.stringify(finding.path));
    const target = parsed.locate(finding.path);
    const message = `${finding.fr}\nkube-apiserver : ${finding.message}`;
    push(finding.code, 'error', target.span, message, { path: [...finding.path], document: document.index });
  }

  const info = parsed.apiVersion && parsed.kind ? kindInfo(parsed.apiVersion, parsed.kind) : undefined;
  if (!info) return diagnostics;
  for (const rule of LINT_RULES) {
    if (rule.kinds !== '*' && !rule.kinds.includes(info.kind)) continue;
    if (level(context.settings, rule.id, rule.severity) === 'off') continue;
    for (const finding of runRule(rule, parsed, info, context)) {
      // One problem, one diagnostic: advice is dropped where the API server already objects.
      if (validated.has(JSON.stringify(finding.path))) continue;
      const target = parsed.locate(finding.path);
      push(rule.id, rule.severity, target.span, `${finding.message}${chapterTitle(rule.chapter)}`, {
        path: finding.path,
        document: document.index,
        chapter: rule.chapter,
        fix: finding.fix,
      });
    }
  }
  return diagnostics;
}

function runRule(rule: LintRule, parsed: ParsedManifest, info: KindInfo, context: DiagnosticsContext): LintFinding[] {
  try {
    return rule.check(parsed.value as Record<string, unknown>, { info, resources: context.resources, namespace: parsed.namespace });
  } catch {
    // A rule must never take the server down; a broken rule reports nothing.
    return [];
  }
}

/** Diagnostics of a whole file (every document, synchronously). */
export function computeDiagnostics(file: ManifestFile, context: DiagnosticsContext): Diagnostic[] {
  return file.documents.flatMap((document) => diagnoseDocument(document, context, file.isKubernetes));
}
