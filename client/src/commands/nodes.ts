import * as vscode from 'vscode';
import type { KubectlResult } from '../../../simulator/src/kubectl/commands/index';
import { setNodeHealth } from '../../../simulator/src/scheduler/nodeops';
import type { KubeObject } from '../../../simulator/src/store/store';
import type { ObjectRef } from '../cluster/service';
import type { AtelierContext } from '../context';
import { NODES, runAndReport, targetOf } from './services';

type Condition = { type?: string; status?: string; reason?: string; message?: string; lastHeartbeatTime?: string; lastTransitionTime?: string };

/** A Node whose kubelet stops or resumes posting its status (the simulator's own, shared with the CLI). */
export { setNodeHealth };

/** The Node's Ready condition status: `True`, `False`, `Unknown`. */
export function readyStatus(node: KubeObject | undefined): string | undefined {
  return ((node?.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Ready')?.status;
}

const pickNode = (ctx: AtelierContext, item: unknown): Promise<ObjectRef | undefined> => targetOf(ctx, item, NODES, vscode.l10n.t('Quel nœud ?'));

/** "Interdire le placement de Pods (cordon)". */
export function cordonNode(ctx: AtelierContext) {
  return async (item?: unknown): Promise<KubectlResult | undefined> => {
    const ref = await pickNode(ctx, item);
    return ref && runAndReport(ctx, ['cordon', ref.name]);
  };
}

/** "Autoriser de nouveau le placement (uncordon)". */
export function uncordonNode(ctx: AtelierContext) {
  return async (item?: unknown): Promise<KubectlResult | undefined> => {
    const ref = await pickNode(ctx, item);
    return ref && runAndReport(ctx, ['uncordon', ref.name]);
  };
}

/** "Vider le nœud (drain)", after a confirmation: cordon, then every Pod evicted (DaemonSets' left in place). */
export function drainNode(ctx: AtelierContext) {
  return async (item?: unknown): Promise<KubectlResult | undefined> => {
    const ref = await pickNode(ctx, item);
    if (!ref) return undefined;
    const drain = vscode.l10n.t('Vider');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Vider le nœud {0} ?', ref.name),
      { modal: true, detail: vscode.l10n.t('kubectl drain {0} --ignore-daemonsets --delete-emptydir-data : le nœud ne reçoit plus de Pods, et les siens sont évincés ; leurs contrôleurs les recréent ailleurs. « uncordon » le rouvre ensuite.', ref.name) },
      drain,
    );
    if (choice !== drain) return undefined;
    return runAndReport(ctx, ['drain', ref.name, '--ignore-daemonsets', '--delete-emptydir-data']);
  };
}

function nodeHealth(ctx: AtelierContext, healthy: boolean) {
  return async (item?: unknown): Promise<KubeObject | undefined> => {
    const ref = await pickNode(ctx, item);
    if (!ref) return undefined;
    const { store, clock } = ctx.cluster.cluster;
    let node: KubeObject;
    try {
      node = setNodeHealth(store, ref.name, healthy, clock.now());
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      return undefined;
    }
    ctx.output.info(healthy ? `node/${ref.name}: kubelet posting ready status again` : `node/${ref.name}: kubelet stopped posting node status (Ready=Unknown)`);
    void vscode.window.showInformationMessage(
      healthy
        ? vscode.l10n.t('Le nœud {0} répond de nouveau : Ready=True, le contrôleur de cycle de vie retire sa marque (taint).', ref.name)
        : vscode.l10n.t('Le nœud {0} ne donne plus de nouvelles : Ready=Unknown, le contrôleur de cycle de vie le marque node.kubernetes.io/unreachable et le scheduler ne lui confie plus de Pods.', ref.name),
    );
    return node;
  };
}

/** "Simuler la panne du nœud": its Ready condition becomes Unknown, as when its kubelet stops answering. */
export const failNode = (ctx: AtelierContext) => nodeHealth(ctx, false);

/** "Rétablir le nœud": the kubelet posts its status again. */
export const recoverNode = (ctx: AtelierContext) => nodeHealth(ctx, true);
