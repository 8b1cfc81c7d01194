import * as vscode from 'vscode';
import { printObject } from '../../../simulator/src/kubectl/output';
import type { ObjectResult } from '../cluster/service';
import type { AtelierContext } from '../context';
import { findObject } from '../target/access';
import { HINT } from '../cluster/report';

/** The object behind a tree item (the item's id is what VS Code passes to its menu's commands). */
function resourceOf(ctx: AtelierContext, item: unknown) {
  return typeof item === 'string' ? ctx.tree.node(item)?.resource : undefined;
}

/** "Supprimer du cluster simulé" on a tree item: `kubectl delete KIND NAME`. */
export function deleteResource(ctx: AtelierContext) {
  return (item?: unknown): ObjectResult | undefined => {
    const ref = resourceOf(ctx, item);
    if (!ref) return undefined;
    const result = ctx.cluster.deleteObject(ref);
    const command = `kubectl delete ${ref.kind.toLowerCase()} ${ref.name}${ref.namespace ? ` -n ${ref.namespace}` : ''}`;
    ctx.output.info(command);
    if (result.outcome === 'failed') {
      ctx.output.error(result.text);
      if (result.fr) ctx.output.error(`${HINT}${result.fr}`);
      void vscode.window.showErrorMessage(`${result.text}${result.fr ? ` — ${result.fr}` : ''}`);
    } else {
      ctx.output.info(result.text);
      void vscode.window.showInformationMessage(result.text);
    }
    return result;
  };
}

/** "Afficher le YAML" on a tree item: the object as `kubectl get -o yaml` prints it, in a new editor. */
export function showResource(ctx: AtelierContext) {
  return async (item?: unknown): Promise<vscode.TextDocument | undefined> => {
    const ref = resourceOf(ctx, item);
    const object = ref && findObject(ctx, ref);
    if (!ref || !object) {
      void vscode.window.showWarningMessage(vscode.l10n.t("Cet objet n'existe plus dans le cluster simulé."));
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: printObject(object, 'yaml') });
    await vscode.window.showTextDocument(document, { preview: true });
    return document;
  };
}
