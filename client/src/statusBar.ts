import * as vscode from 'vscode';
import { summarize } from './cluster/summary';
import { VIEW_IDS } from './commands/ids';
import type { AtelierContext } from './context';

/**
 * The status-bar item: nodes and ready Pods at a glance, a pause sign when simulated time
 * stands still; a click focuses the "Cluster simulé" view.
 */
export function registerStatusBar(ctx: AtelierContext): void {
  const item = vscode.window.createStatusBarItem('atelierKubernetes.cluster', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Atelier Kubernetes : cluster simulé');
  item.command = `${VIEW_IDS.cluster}.focus`;
  const update = (): void => {
    const { store, clock } = ctx.cluster.cluster;
    const summary = summarize(store, clock.now(), vscode.l10n);
    const pause = ctx.time.paused ? '$(debug-pause) ' : '';
    item.text = `${pause}${vscode.l10n.t('$(vm) {0} nœuds · $(package) {1}/{2} Pods prêts', summary.nodes, summary.readyPods, summary.pods)}`;
    item.backgroundColor = summary.failingPods > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.tooltip = [
      vscode.l10n.t('Cluster simulé : {0} nœuds ({1} prêts), {2} Pods ({3} prêts, {4} en échec)', summary.nodes, summary.readyNodes, summary.pods, summary.readyPods, summary.failingPods),
      ctx.time.paused ? vscode.l10n.t('Temps simulé en pause') : vscode.l10n.t('Temps simulé : ×{0}', ctx.time.speed),
      vscode.l10n.t('Cliquer pour afficher le cluster'),
    ].join('\n');
  };
  update();
  item.show();
  const unsubscribe = ctx.cluster.onDidChange(update);
  ctx.extension.subscriptions.push(item, ctx.time.onDidChange(update), { dispose: unsubscribe });
}
