import * as vscode from 'vscode';
import type { Report } from '../cluster/service';
import type { AtelierContext } from '../context';
import { showReport } from './report';
import { sourcesOf, targetsOf } from './sources';

/** "Supprimer du cluster simulé ce que déclare le fichier": `kubectl delete -f`, for a file, a selection of files or a folder. */
export function deleteFile(ctx: AtelierContext) {
  return async (resource?: unknown, selected?: unknown): Promise<Report | undefined> => {
    const targets = targetsOf(resource, selected);
    if (targets.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Ouvre le fichier YAML dont il faut supprimer les objets du cluster simulé.'));
      return undefined;
    }
    const report = ctx.cluster.deleteAll(await sourcesOf(targets));
    showReport(ctx, report);
    return report;
  };
}
