import * as vscode from 'vscode';
import type { AtelierContext } from '../context';
import { explain } from './report';

const YAML_FILTERS = { YAML: ['yaml', 'yml'] };

/** "Réinitialiser le cluster simulé", after a confirmation: the cluster of the first start. */
export function resetCluster(ctx: AtelierContext) {
  return async (): Promise<boolean> => {
    const reset = vscode.l10n.t('Réinitialiser');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Réinitialiser le cluster simulé ?'),
      { modal: true, detail: vscode.l10n.t("Tout ce qui y a été appliqué disparaît : le cluster redevient celui du premier démarrage. Exporte d'abord son état si tu veux le garder.") },
      reset,
    );
    if (choice !== reset) return false;
    ctx.cluster.reset();
    ctx.output.info('cluster reset');
    void vscode.window.showInformationMessage(vscode.l10n.t('Le cluster simulé a été réinitialisé.'));
    return true;
  };
}

/** "Exporter l'état du cluster (YAML)": everything the cluster holds, in a file that import reads back. */
export function exportCluster(ctx: AtelierContext) {
  return async (target?: unknown): Promise<vscode.Uri | undefined> => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri =
      target instanceof vscode.Uri
        ? target
        : await vscode.window.showSaveDialog({
            defaultUri: folder ? vscode.Uri.joinPath(folder, 'cluster-atelier.yaml') : undefined,
            filters: YAML_FILTERS,
            saveLabel: vscode.l10n.t('Exporter'),
          });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ctx.cluster.exportYaml()));
    ctx.output.info(`cluster exported to ${uri.toString()}`);
    const open = vscode.l10n.t('Ouvrir');
    void Promise.resolve(vscode.window.showInformationMessage(vscode.l10n.t("L'état du cluster simulé a été exporté dans {0}.", vscode.workspace.asRelativePath(uri, false)), open)).then((choice) =>
      choice === open ? vscode.window.showTextDocument(uri) : undefined,
    );
    return uri;
  };
}

/** "Importer l'état du cluster (YAML)", after a confirmation: the exported cluster replaces the current one. */
export function importCluster(ctx: AtelierContext) {
  return async (source?: unknown): Promise<boolean> => {
    const uri =
      source instanceof vscode.Uri
        ? source
        : (await vscode.window.showOpenDialog({ canSelectMany: false, filters: YAML_FILTERS, openLabel: vscode.l10n.t('Importer') }))?.[0];
    if (!uri) return false;
    const replace = vscode.l10n.t('Remplacer');
    const name = vscode.workspace.asRelativePath(uri, false);
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Remplacer le cluster simulé par celui de {0} ?', name),
      { modal: true, detail: vscode.l10n.t("Le cluster actuel est remplacé entièrement. Exporte d'abord son état si tu veux le garder.") },
      replace,
    );
    if (choice !== replace) return false;
    try {
      ctx.cluster.importYaml(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    } catch (error) {
      ctx.output.error(`import of ${uri.toString()} failed: ${explain(error)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t("{0} n'a pas été importé : {1}", name, explain(error)));
      return false;
    }
    ctx.output.info(`cluster imported from ${uri.toString()}`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Le cluster simulé a été remplacé par celui de {0}.', name));
    return true;
  };
}
