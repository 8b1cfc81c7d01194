import * as vscode from 'vscode';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { declaredObjects } from '../../../simulator/src/kubectl/commands/manifests';
import type { ObjectRef } from '../cluster/service';
import type { AtelierContext } from '../context';
import { findObject } from '../target/access';
import { showDocument, type ObjectDocument } from '../views/describeDocument';
import { PODS, targetOf, type Kinds } from './services';
import { readText, sourceName } from './sources';

/** What `describe` offers from the palette. */
const DESCRIBABLE: Kinds = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
  ['v1', 'PersistentVolumeClaim'],
  ['v1', 'Node'],
  ['v1', 'Namespace'],
];

/** The document of `view` for an object. */
function documentOf(ref: ObjectRef, view: ObjectDocument['view']): ObjectDocument | undefined {
  const info = kindInfo(ref.apiVersion, ref.kind);
  return info && { view, info, namespace: info.namespaced ? (ref.namespace ?? 'default') : '', name: ref.name };
}

/** The objects a YAML file declares (describe from an editor or the explorer). */
async function declaredIn(uri: vscode.Uri): Promise<ObjectRef[]> {
  return declaredObjects(await readText(uri), sourceName(uri)).flatMap(({ object, info }) => {
    const meta = (object?.metadata ?? {}) as { name?: unknown; namespace?: unknown };
    if (!info || typeof meta.name !== 'string') return [];
    return [{ apiVersion: info.apiVersion, kind: info.kind, name: meta.name, ...(info.namespaced ? { namespace: typeof meta.namespace === 'string' ? meta.namespace : 'default' } : {}) }];
  });
}

/**
 * "Décrire (kubectl describe)": a tree item, the objects of a YAML file (the editor's or the
 * one clicked in the explorer), or an object picked; the text stays up to date.
 */
export function describe(ctx: AtelierContext) {
  return async (item?: unknown): Promise<vscode.TextEditor | undefined> => {
    let ref: ObjectRef | undefined;
    const editor = vscode.window.activeTextEditor;
    const uri = item instanceof vscode.Uri ? item : item === undefined && editor?.document.languageId === 'yaml' ? editor.document.uri : undefined;
    if (uri) {
      const declared = await declaredIn(uri);
      ref =
        declared.length <= 1
          ? declared[0]
          : (await vscode.window.showQuickPick(declared.map((d) => ({ label: d.name, description: d.kind, ref: d })), { placeHolder: vscode.l10n.t('Quel objet du fichier décrire ?') }))?.ref;
      if (!ref) {
        if (declared.length === 0) void vscode.window.showWarningMessage(vscode.l10n.t('Ce fichier ne déclare aucun objet nommé à décrire.'));
        return undefined;
      }
    } else {
      ref = await targetOf(ctx, item, DESCRIBABLE, vscode.l10n.t('Quel objet décrire ?'));
    }
    const doc = ref && documentOf(ref, 'describe');
    return doc && showDocument(doc);
  };
}

/** "Afficher les journaux (kubectl logs)": one container's log, following as it grows. */
export function logs(ctx: AtelierContext) {
  return async (item?: unknown): Promise<vscode.TextEditor | undefined> => {
    const ref = await targetOf(ctx, item, PODS, vscode.l10n.t('Les journaux de quel Pod ?'));
    const doc = ref && documentOf(ref, 'logs');
    if (!ref || !doc) return undefined;
    if (ref.kind === 'Pod') {
      const pod = findObject(ctx, ref);
      const spec = (pod?.spec ?? {}) as { containers?: { name?: string }[]; initContainers?: { name?: string }[] };
      const names = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c) => String(c.name));
      const container = names.length <= 1 ? names[0] : await vscode.window.showQuickPick(names, { placeHolder: vscode.l10n.t('Les journaux de quel conteneur ?') });
      if (names.length > 1 && !container) return undefined;
      if (container) doc.container = container;
    }
    return showDocument(doc);
  };
}
