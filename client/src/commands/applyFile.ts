import * as vscode from 'vscode';
import type { AtelierContext } from '../context';

/**
 * "Appliquer le fichier au cluster simulé". The simulated cluster is not built
 * yet: the command says so plainly instead of failing silently.
 */
export function applyFile(ctx: AtelierContext) {
  return async (resource?: vscode.Uri): Promise<void> => {
    const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
    const target = uri ? vscode.workspace.asRelativePath(uri) : vscode.l10n.t('aucun fichier ouvert');
    ctx.output.info(`${target} : cluster simulé pas encore disponible, rien n'a été appliqué`);
    await vscode.window.showInformationMessage(
      vscode.l10n.t(
        "Le cluster simulé n'est pas encore disponible dans cette version de l'Atelier : {0} n'a pas été appliqué.",
        target,
      ),
    );
  };
}
