/**
 * `atelier lint FILES…|DIR` (run as `node dist/server.js lint …`): the language server's
 * diagnostics for files on disk, one per line as `path:line:col: error|warning|info [code]
 * message`, like kubeconform or kube-linter, for CI pipelines. Exit code 1 when there is
 * an error, 2 on a usage error.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { MAX_FILE_BYTES, ParseCache, parseFile, type ManifestFile } from './documents/file';
import { computeDiagnostics } from './features/diagnostics';
import { DEFAULT_SETTINGS } from './settings';
import { resourcesOf } from './workspace/extract';
import { ResourceIndex } from './workspace/resources';

export interface LintOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const SKIPPED = new Set(['node_modules', '.git']);

function collect(path: string, out: string[]): void {
  const stats = statSync(path);
  if (stats.isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (SKIPPED.has(entry)) continue;
      const child = join(path, entry);
      if (statSync(child).isDirectory() || /\.ya?ml$/i.test(entry)) collect(child, out);
    }
  } else {
    out.push(path);
  }
}

const LABELS: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'info',
};

function line(path: string, diagnostic: Diagnostic): string {
  const { line: l, character } = diagnostic.range.start;
  const message = diagnostic.message.split('\n').join(' — ');
  return `${path}:${l + 1}:${character + 1}: ${LABELS[diagnostic.severity ?? 1]} [${String(diagnostic.code)}] ${message}`;
}

/** Lints `args` (files or folders); `cwd` makes printed paths relative. */
export function runLint(args: string[], cwd = process.cwd()): LintOutput {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    const usage = 'Usage : atelier lint FICHIER…|DOSSIER\nAffiche les problèmes des manifestes Kubernetes, un par ligne ; code de sortie 1 s’il y a une erreur.\n';
    return { stdout: args.length === 0 ? '' : usage, stderr: args.length === 0 ? usage : '', exitCode: args.length === 0 ? 2 : 0 };
  }
  const paths: string[] = [];
  const errors: string[] = [];
  for (const arg of args) {
    try {
      collect(arg, paths);
    } catch {
      errors.push(`atelier lint : « ${arg} » n'existe pas ou n'est pas lisible.`);
    }
  }
  // Every file first, so cross-resource rules see the whole set (a Service and its Deployment in two files).
  const cache = new ParseCache();
  const resources = new ResourceIndex();
  const files: [string, ManifestFile | undefined][] = paths.map((path) => {
    const text = readFileSync(path, 'utf8');
    if (text.length > MAX_FILE_BYTES) return [path, undefined];
    const file = parseFile(pathToFileURL(path).toString(), 0, text, cache);
    resources.setFile(file.uri, resourcesOf(file));
    return [path, file];
  });
  const lines: string[] = [];
  let failed = errors.length > 0;
  for (const [path, file] of files) {
    const shown = relative(cwd, path) || path;
    if (!file) {
      lines.push(`${shown}:1:1: error [file-too-big] Fichier trop gros (plus de ${MAX_FILE_BYTES / 1024 / 1024} Mo) : il n'est pas analysé.`);
      failed = true;
      continue;
    }
    for (const diagnostic of computeDiagnostics(file, { settings: DEFAULT_SETTINGS, resources })) {
      lines.push(line(shown, diagnostic));
      if (diagnostic.severity === DiagnosticSeverity.Error) failed = true;
    }
  }
  const stdout = lines.length > 0 ? `${lines.join('\n')}\n` : '';
  const stderr = errors.length > 0 ? `${errors.join('\n')}\n` : '';
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}
