/**
 * Diagnostics for Dockerfiles: the findings of the structure and RUN rules, as LSP
 * diagnostics with the same source, codes-as-settings-keys and severities as the YAML ones.
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../lint/rule';
import type { Settings } from '../settings';
import type { DockerfileDocument } from './document';
import type { DockerfileFinding } from './finding';
import { STRUCTURE_CHECKS } from './rules';
import { runChecks } from './runRules';

/** Same source as the manifest diagnostics (features/diagnostics.ts). */
const SOURCE = 'atelier-kubernetes';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Every finding of the rules, in text order. A broken rule reports nothing rather than failing. */
export function dockerfileFindings(doc: DockerfileDocument): DockerfileFinding[] {
  const findings: DockerfileFinding[] = [];
  for (const check of [...STRUCTURE_CHECKS, runChecks]) {
    try {
      findings.push(...check(doc.dockerfile));
    } catch {
      // A rule must never take the server down.
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The finding as an LSP diagnostic (without its fix: code actions compute it again). */
export function toDiagnostic(doc: DockerfileDocument, finding: DockerfileFinding, severity: Severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: doc.document.positionAt(finding.start), end: doc.document.positionAt(finding.end) },
    severity: SEVERITIES[severity],
    code: finding.code,
    source: SOURCE,
    message: finding.message,
  };
  if (finding.tag) diagnostic.tags = [finding.tag === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** The diagnostics of a Dockerfile, each rule at the level the settings give its code. */
export function diagnoseDockerfile(doc: DockerfileDocument, settings: Settings): Diagnostic[] {
  return dockerfileFindings(doc).flatMap((finding) => {
    const level = settings.rules[finding.code] ?? finding.severity;
    return level === 'off' ? [] : [toDiagnostic(doc, finding, level)];
  });
}
