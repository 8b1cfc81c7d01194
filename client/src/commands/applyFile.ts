import * as vscode from 'vscode';
import type { Report } from '../cluster/service';
import type { AtelierContext } from '../context';
import { showReport } from './report';
import { folderSources, sourceName, sourcesOf, targetsOf } from './sources';

/**
 * "Appliquer le fichier au cluster simulé": the active editor's text (saved or not), the
 * file clicked in the explorer or the editor title, or the explorer's selection (files
 * and folders). Every object is applied even if one fails; the report says which went in.
 */
export function applyFile(ctx: AtelierContext) {
  return async (resource?: unknown, selected?: unknown): Promise<Report | undefined> => {
    const targets = targetsOf(resource, selected);
    if (targets.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t("Ouvre un fichier YAML (ou choisis-le dans l'explorateur) pour l'appliquer au cluster simulé."));
      return undefined;
    }
    const report = ctx.cluster.applyAll(await sourcesOf(targets));
    showReport(ctx, report);
    return report;
  };
}

/** "Appliquer la sélection au cluster simulé": each selected block, with its file's line numbers. */
export function applySelection(ctx: AtelierContext) {
  return async (): Promise<Report | undefined> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return applyFile(ctx)();
    const selections = editor.selections.filter((selection) => !selection.isEmpty);
    if (selections.length === 0) return applyFile(ctx)(editor.document.uri);
    const source = sourceName(editor.document.uri);
    const report = ctx.cluster.applyAll(selections.map((selection) => ({ source, text: editor.document.getText(selection), lineOffset: selection.start.line })));
    showReport(ctx, report);
    return report;
  };
}

/** "Appliquer le dossier au cluster simulé": `kubectl apply -f DIR` (the folder chosen in the explorer, or asked for). */
export function applyFolder(ctx: AtelierContext) {
  return async (resource?: unknown): Promise<Report | undefined> => {
    let folder = resource instanceof vscode.Uri ? resource : undefined;
    if (!folder) {
      const picked = await vscode.window.showOpenDialog({
        canSelectFiles: false,
        canSelectFolders: true,
        canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        openLabel: vscode.l10n.t('Appliquer ce dossier'),
      });
      folder = picked?.[0];
    }
    if (!folder) return undefined;
    const report = ctx.cluster.applyAll(await folderSources(folder));
    if (report.sources.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t("{0} ne contient aucun fichier .yaml, .yml ou .json : rien n'a été appliqué.", sourceName(folder)));
      return report;
    }
    showReport(ctx, report);
    return report;
  };
}
