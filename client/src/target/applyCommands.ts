/**
 * Apply and delete of files on a real cluster: the same files as on the simulated one
 * (the explorer's selection, the clicked file, the active editor, a folder), a modal
 * confirmation naming the context and the count of objects, then kubectl's words per
 * object in the output and a notification (commands/report.ts).
 */
import * as vscode from 'vscode';
import type { Report, SourceText } from '../cluster/service';
import { showReport } from '../commands/report';
import type { CommandContext } from '../commands/services';
import { folderSources, sourceName, sourcesOf, targetsOf } from '../commands/sources';
import { applyRemote, declaredReferences, deleteRemote } from './apply';
import { remoteOf } from './access';

/** Asks, then applies or deletes; undefined when the learner said no (or there was no real cluster). */
async function confirmed(ctx: CommandContext, operation: Report['operation'], sources: readonly SourceText[]): Promise<Report | undefined> {
  const remote = remoteOf(ctx);
  if (!remote) return undefined;
  const references = declaredReferences(sources);
  if (references.length > 0) {
    const count = references.length;
    const button = operation === 'apply' ? vscode.l10n.t('Appliquer') : vscode.l10n.t('Supprimer');
    const question =
      operation === 'apply'
        ? count === 1
          ? vscode.l10n.t('Appliquer 1 objet au cluster réel « {0} » ?', remote.context)
          : vscode.l10n.t('Appliquer {0} objets au cluster réel « {1} » ?', count, remote.context)
        : count === 1
          ? vscode.l10n.t('Supprimer 1 objet du cluster réel « {0} » ?', remote.context)
          : vscode.l10n.t('Supprimer {0} objets du cluster réel « {1} » ?', count, remote.context);
    const detail = `${references.slice(0, 10).join(', ')}${count > 10 ? ' …' : ''}\n${vscode.l10n.t('Serveur : {0}. Ce n’est pas le cluster simulé : le changement est réel.', remote.client.server)}`;
    const choice = await vscode.window.showWarningMessage(question, { modal: true, detail }, button);
    if (choice !== button) return undefined;
  }
  const report = operation === 'apply' ? await applyRemote(remote.client, sources) : await deleteRemote(remote.client, sources);
  ctx.output.info(`context ${remote.context} (${remote.client.server})`);
  showReport(ctx, report);
  return report;
}

function nothingToDo(operation: Report['operation'], context: string): undefined {
  void vscode.window.showWarningMessage(
    operation === 'apply'
      ? vscode.l10n.t("Ouvre un fichier YAML (ou choisis-le dans l'explorateur) pour l'appliquer au cluster « {0} ».", context)
      : vscode.l10n.t('Ouvre le fichier YAML dont il faut supprimer les objets du cluster « {0} ».', context),
  );
  return undefined;
}

/** "Appliquer le fichier", on a real cluster. */
export function remoteApplyFile(ctx: CommandContext) {
  return async (resource?: unknown, selected?: unknown): Promise<Report | undefined> => {
    const targets = targetsOf(resource, selected);
    if (targets.length === 0) return nothingToDo('apply', remoteOf(ctx)?.context ?? '');
    return confirmed(ctx, 'apply', await sourcesOf(targets));
  };
}

/** "Appliquer la sélection", on a real cluster: each selected block, with its file's line numbers. */
export function remoteApplySelection(ctx: CommandContext) {
  return async (): Promise<Report | undefined> => {
    const editor = vscode.window.activeTextEditor;
    const selections = editor?.selections.filter((selection) => !selection.isEmpty) ?? [];
    if (!editor || selections.length === 0) return remoteApplyFile(ctx)(editor?.document.uri);
    const source = sourceName(editor.document.uri);
    return confirmed(ctx, 'apply', selections.map((selection) => ({ source, text: editor.document.getText(selection), lineOffset: selection.start.line })));
  };
}

/** "Appliquer un dossier", on a real cluster. */
export function remoteApplyFolder(ctx: CommandContext) {
  return async (resource?: unknown): Promise<Report | undefined> => {
    let folder = resource instanceof vscode.Uri ? resource : undefined;
    if (!folder) {
      const picked = await vscode.window.showOpenDialog({ canSelectFiles: false, canSelectFolders: true, canSelectMany: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: vscode.l10n.t('Appliquer ce dossier') });
      folder = picked?.[0];
    }
    if (!folder) return undefined;
    const sources = await folderSources(folder);
    if (sources.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t("{0} ne contient aucun fichier .yaml, .yml ou .json : rien n'a été appliqué.", sourceName(folder)));
      return undefined;
    }
    return confirmed(ctx, 'apply', sources);
  };
}

/** "Supprimer les objets du fichier", on a real cluster. */
export function remoteDeleteFile(ctx: CommandContext) {
  return async (resource?: unknown, selected?: unknown): Promise<Report | undefined> => {
    const targets = targetsOf(resource, selected);
    if (targets.length === 0) return nothingToDo('delete', remoteOf(ctx)?.context ?? '');
    return confirmed(ctx, 'delete', await sourcesOf(targets));
  };
}
