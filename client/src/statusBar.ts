import * as vscode from 'vscode';
import { summarize } from './cluster/summary';
import { VIEW_IDS } from './commands/ids';
import type { AtelierContext } from './context';
import { onViewChange, remoteOf, viewOf } from './target/access';

/**
 * The status-bar item: nodes and ready Pods at a glance, a pause sign when simulated time
 * stands still; on a real cluster, its context first (and an error colour when it cannot
 * be read). A click focuses the cluster view.
 */
export function registerStatusBar(ctx: AtelierContext): void {
  const item = vscode.window.createStatusBarItem('atelierKubernetes.cluster', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Atelier Kubernetes : cluster simulé');
  item.command = `${VIEW_IDS.cluster}.focus`;
  const update = (): void => {
    const { store, now } = viewOf(ctx);
    const summary = summarize(store, now, vscode.l10n);
    const counts = vscode.l10n.t('$(vm) {0} nœuds · $(package) {1}/{2} Pods prêts', summary.nodes, summary.readyPods, summary.pods);
    const remote = remoteOf(ctx);
    if (remote) {
      const problem = remote.mirror.problem;
      item.text = problem ? `$(cloud) ${remote.context} $(error)` : `$(cloud) ${remote.context} · ${counts}`;
      item.backgroundColor = new vscode.ThemeColor(problem ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
      item.tooltip = [
        vscode.l10n.t('Cluster réel « {0} » ({1}), en lecture seule', remote.context, remote.client.server),
        problem ? `${problem.message}\n${problem.fr}` : vscode.l10n.t('{0} nœuds ({1} prêts), {2} Pods ({3} prêts, {4} en échec)', summary.nodes, summary.readyNodes, summary.pods, summary.readyPods, summary.failingPods),
        vscode.l10n.t('« Choisir le cluster cible » revient au cluster simulé'),
      ].join('\n');
      return;
    }
    const pause = ctx.time.paused ? '$(debug-pause) ' : '';
    item.text = `${pause}${counts}`;
    item.backgroundColor = summary.failingPods > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.tooltip = [
      vscode.l10n.t('Cluster simulé : {0} nœuds ({1} prêts), {2} Pods ({3} prêts, {4} en échec)', summary.nodes, summary.readyNodes, summary.pods, summary.readyPods, summary.failingPods),
      ctx.time.paused ? vscode.l10n.t('Temps simulé en pause') : vscode.l10n.t('Temps simulé : ×{0}', ctx.time.speed),
      vscode.l10n.t('Cliquer pour afficher le cluster'),
    ].join('\n');
  };
  update();
  item.show();
  const unsubscribe = onViewChange(ctx, update);
  ctx.extension.subscriptions.push(item, ctx.time.onDidChange(update), { dispose: unsubscribe });
}
