/**
 * How an apply or a delete is told: every object in kubectl's words in the output channel
 * (with the French explanation under each error), and one notification that says what
 * went in and, first, what did not.
 */
import type * as vscode from 'vscode';
import type { ObjectResult, Report } from './service';

type L10n = Pick<typeof vscode.l10n, 't'>;

export interface OutputLine {
  level: 'info' | 'warn' | 'error';
  text: string;
}

export interface Notice {
  severity: 'info' | 'warning' | 'error';
  message: string;
}

/** Shown before the French explanation of an error, as the terminal does. */
export const HINT = '💡 ';

/** The output channel's lines: the command as kubectl would be typed, then one line per object. */
export function outputLines(report: Report, l10n: L10n): OutputLine[] {
  const verb = report.operation === 'apply' ? 'apply' : 'delete';
  const lines: OutputLine[] = [{ level: 'info', text: `kubectl ${verb} ${report.sources.map((source) => `-f ${source}`).join(' ')}` }];
  if (report.results.length === 0) lines.push({ level: 'warn', text: 'error: no objects passed to ' + verb });
  for (const result of report.results) {
    if (result.warning) lines.push({ level: 'warn', text: result.warning });
    if (result.outcome !== 'failed') {
      lines.push({ level: 'info', text: result.text });
      continue;
    }
    lines.push({ level: 'error', text: result.text });
    const where = result.source ? l10n.t('{0}, ligne {1}', result.source, result.line) : '';
    if (result.fr) lines.push({ level: 'error', text: `${HINT}${result.fr}${where ? ` (${where})` : ''}` });
  }
  return lines;
}

const list = (results: readonly ObjectResult[]): string => results.map((result) => result.text).join(', ');

/** The notification: kubectl's words when short, counts when long; errors always with their explanation. */
export function noticeOf(report: Report, l10n: L10n): Notice {
  const what = report.sources.length === 1 ? report.sources[0]! : l10n.t('{0} fichiers', report.sources.length);
  const failures = report.results.filter((result) => result.outcome === 'failed');
  const done = report.results.filter((result) => result.outcome !== 'failed');
  if (report.results.length === 0) return { severity: 'warning', message: l10n.t('{0} ne déclare aucun objet Kubernetes : rien à faire.', what) };
  if (failures.length === 0) {
    if (done.length <= 3) return { severity: 'info', message: `${what} : ${list(done)}` };
    const count = (outcome: ObjectResult['outcome']) => done.filter((result) => result.outcome === outcome).length;
    const message =
      report.operation === 'apply'
        ? l10n.t('{0} : {1} objets appliqués ({2} créés, {3} modifiés, {4} inchangés).', what, done.length, count('created'), count('configured'), count('unchanged'))
        : l10n.t('{0} : {1} objets supprimés.', what, done.length);
    return { severity: 'info', message };
  }
  const first = failures[0]!;
  const error = `${first.text}${first.fr ? ` — ${first.fr}` : ''}`;
  const others = failures.length > 1 ? ` ${l10n.t('(et {0} autres erreurs : voir la sortie)', failures.length - 1)}` : '';
  if (done.length === 0) {
    const nothing = report.operation === 'apply' ? l10n.t("{0} : rien n'a été appliqué.", what) : l10n.t("{0} : rien n'a été supprimé.", what);
    return { severity: 'error', message: `${nothing} ${error}${others}` };
  }
  const partly =
    report.operation === 'apply'
      ? l10n.t('{0} : appliqué en partie. Entrés : {1}. Refusés : {2}.', what, list(done), failures.map((f) => f.reference || l10n.t('ligne {0}', f.line)).join(', '))
      : l10n.t('{0} : supprimé en partie. Supprimés : {1}. En échec : {2}.', what, list(done), failures.map((f) => f.reference || l10n.t('ligne {0}', f.line)).join(', '));
  return { severity: 'error', message: `${partly} ${error}${others}` };
}
