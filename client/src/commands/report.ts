import * as vscode from 'vscode';
import { noticeOf, outputLines } from '../cluster/report';
import type { Report } from '../cluster/service';
import type { AtelierContext } from '../context';

/**
 * Tells an apply or a delete: every object in kubectl's words in the output channel, and
 * a notification (an error one when an object was refused) that can open the output.
 */
export function showReport(ctx: AtelierContext, report: Report): void {
  for (const line of outputLines(report, vscode.l10n)) ctx.output[line.level](line.text);
  const notice = noticeOf(report, vscode.l10n);
  const details = vscode.l10n.t('Afficher la sortie');
  const show = (message: string, item: string): Thenable<string | undefined> =>
    notice.severity === 'error'
      ? vscode.window.showErrorMessage(message, item)
      : notice.severity === 'warning'
        ? vscode.window.showWarningMessage(message, item)
        : vscode.window.showInformationMessage(message, item);
  void Promise.resolve(show(notice.message, details)).then((choice) => {
    if (choice === details) ctx.output.show(true);
  });
}

/** An error of the simulator, in its words, with its French explanation when it has one. */
export function explain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const fr = error !== null && typeof error === 'object' && typeof (error as { fr?: unknown }).fr === 'string' ? (error as { fr: string }).fr : '';
  return fr ? `${message} — ${fr}` : message;
}
