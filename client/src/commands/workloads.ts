import * as vscode from 'vscode';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { rolloutHistory as revisionsOf, rolloutHistoryDetail } from '../../../simulator/src/controllers/deployment/rollout';
import { setLoad } from '../../../simulator/src/controllers/hpa';
import type { KubectlResult } from '../../../simulator/src/kubectl/commands/index';
import type { ObjectRef } from '../cluster/service';
import type { AtelierContext } from '../context';
import { viewOf } from '../target/access';
import { showDocument } from '../views/describeDocument';
import { explain } from './report';
import { namespaceArgs, runAndReport, targetOf, typedName, WORKLOADS, type Kinds } from './services';

const DEPLOYMENTS: Kinds = [['apps/v1', 'Deployment']];

/** "Changer le nombre de réplicas (kubectl scale)", asked in an input box. */
export function scale(ctx: AtelierContext) {
  return async (item?: unknown, replicas?: number): Promise<KubectlResult | undefined> => {
    const ref = await targetOf(ctx, item, WORKLOADS, vscode.l10n.t("Quelle charge de travail mettre à l'échelle ?"));
    if (!ref) return undefined;
    const current = (ctx.cluster.find(ref)?.spec as { replicas?: unknown } | undefined)?.replicas;
    const value =
      replicas ??
      (await vscode.window.showInputBox({
        prompt: vscode.l10n.t('Nombre de réplicas voulu pour {0}', ref.name),
        value: typeof current === 'number' ? String(current) : '1',
        validateInput: (text) => (/^\d+$/.test(text.trim()) ? undefined : vscode.l10n.t("Un nombre entier, 0 ou plus (0 arrête tous les Pods sans supprimer l'objet).")),
      }));
    if (value === undefined) return undefined;
    return runAndReport(ctx, ['scale', typedName(ref), `--replicas=${String(value).trim()}`, ...namespaceArgs(ref)]);
  };
}

interface RevisionItem extends vscode.QuickPickItem {
  revision: number;
}

/** The revisions of a Deployment, newest first, with their change-cause and images. */
function revisionItems(ctx: AtelierContext, ref: ObjectRef): RevisionItem[] | undefined {
  const { store } = viewOf(ctx);
  const namespace = ref.namespace ?? 'default';
  let entries;
  try {
    entries = revisionsOf(store, namespace, ref.name);
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return undefined;
  }
  const latest = Math.max(0, ...entries.map((entry) => entry.revision));
  return entries
    .map((entry) => {
      const template = rolloutHistoryDetail(store, namespace, ref.name, entry.revision) as { spec?: { containers?: { image?: string }[] } };
      const images = (template.spec?.containers ?? []).map((c) => String(c.image)).join(', ');
      return {
        label: vscode.l10n.t('Révision {0}', entry.revision),
        description: entry.revision === latest ? vscode.l10n.t('{0} (actuelle)', entry.changeCause ?? '<none>') : (entry.changeCause ?? '<none>'),
        detail: images,
        revision: entry.revision,
      };
    })
    .reverse();
}

/** "Historique des déploiements (rollout history)": the revisions; the one chosen opens its Pod template. */
export function rolloutHistory(ctx: AtelierContext) {
  return async (item?: unknown): Promise<vscode.TextEditor | undefined> => {
    const ref = await targetOf(ctx, item, DEPLOYMENTS, vscode.l10n.t("L'historique de quel Deployment ?"));
    const items = ref && revisionItems(ctx, ref);
    if (!ref || !items) return undefined;
    if (items.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t("Aucune révision pour {0} pour l'instant.", ref.name));
      return undefined;
    }
    const chosen = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Révisions de {0} (change-cause) : choisis-en une pour voir son modèle de Pod', ref.name) });
    const info = kindInfo(ref.apiVersion, ref.kind);
    if (!chosen || !info) return undefined;
    return showDocument({ view: 'history', info, namespace: ref.namespace ?? 'default', name: ref.name, revision: chosen.revision });
  };
}

/** "Revenir à une révision (rollout undo)": the revision chosen among the earlier ones. */
export function rolloutUndo(ctx: AtelierContext) {
  return async (item?: unknown, revision?: number): Promise<KubectlResult | undefined> => {
    const ref = await targetOf(ctx, item, DEPLOYMENTS, vscode.l10n.t('Quel Deployment ramener à une révision précédente ?'));
    if (!ref) return undefined;
    let target = revision;
    if (target === undefined) {
      const items = revisionItems(ctx, ref);
      if (!items) return undefined;
      const earlier = items.slice(1);
      if (earlier.length === 0) return runAndReport(ctx, ['rollout', 'undo', typedName(ref), ...namespaceArgs(ref)]);
      target = (await vscode.window.showQuickPick(earlier, { placeHolder: vscode.l10n.t('Revenir à quelle révision de {0} ?', ref.name) }))?.revision;
      if (target === undefined) return undefined;
    }
    return runAndReport(ctx, ['rollout', 'undo', typedName(ref), `--to-revision=${target}`, ...namespaceArgs(ref)]);
  };
}

/** "Redémarrer les Pods (rollout restart)": a new ReplicaSet replaces the Pods one by one. */
export function rolloutRestart(ctx: AtelierContext) {
  return async (item?: unknown): Promise<KubectlResult | undefined> => {
    const ref = await targetOf(ctx, item, DEPLOYMENTS, vscode.l10n.t('Quel Deployment redémarrer ?'));
    return ref && runAndReport(ctx, ['rollout', 'restart', typedName(ref), ...namespaceArgs(ref)]);
  };
}

/** The loads offered, in percent of the Pods' CPU request. */
export const LOADS = [0, 50, 80, 100, 200] as const;

/**
 * "Mettre une charge CPU sur la charge de travail": the HorizontalPodAutoscaler walkthrough's
 * load generator, as a percentage of the Pods' CPU request (0 removes it). The simulated
 * metrics-server then reports it, and an autoscaler reacts.
 */
export function loadWorkload(ctx: AtelierContext) {
  return async (item?: unknown, percent?: number): Promise<number | undefined> => {
    const ref = await targetOf(ctx, item, [...WORKLOADS, ['apps/v1', 'DaemonSet']], vscode.l10n.t('Sur quelle charge de travail mettre de la charge CPU ?'));
    if (!ref) return undefined;
    let chosen = percent;
    if (chosen === undefined) {
      const items = LOADS.map((load) => ({
        label: `${load} %`,
        description: load === 0 ? vscode.l10n.t('aucune charge') : vscode.l10n.t('{0} % de la request CPU de chaque Pod', load),
        load,
      }));
      chosen = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Charge CPU sur {0} (en % de la request CPU des Pods)', ref.name) }))?.load;
    }
    if (chosen === undefined) return undefined;
    try {
      setLoad(ctx.cluster.cluster.store, { kind: ref.kind, namespace: ref.namespace ?? 'default', name: ref.name }, chosen);
    } catch (error) {
      void vscode.window.showErrorMessage(explain(error));
      return undefined;
    }
    ctx.output.info(`load on ${typedName(ref)}: ${chosen}% of the CPU request`);
    void vscode.window.showInformationMessage(
      chosen === 0 ? vscode.l10n.t('Plus de charge sur {0}.', ref.name) : vscode.l10n.t('Charge de {0} % de la request CPU sur les Pods de {1} : kubectl top pods la montre, un HorizontalPodAutoscaler y réagit.', chosen, ref.name),
    );
    return chosen;
  };
}
