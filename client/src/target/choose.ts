/**
 * "Choisir le cluster cible": the simulated cluster or a context of the kubeconfig, kept
 * per workspace in the `atelierKubernetes.target` setting (read again at start, and when
 * the learner edits it). What the real cluster does not let the Atelier list is told once
 * per switch: in the output, and in one notification.
 */
import * as vscode from 'vscode';
import { SETTINGS } from '../commands/ids';
import type { AtelierContext } from '../context';
import { explain } from '../commands/report';
import { kubeconfigPaths, KubeconfigProblem } from './kubeconfigFiles';
import { kubectlText } from './remoteErrors';
import type { TargetService } from './service';

interface TargetItem extends vscode.QuickPickItem {
  context: string;
}

/** How many refusals the notification names before "…". */
const NAMED_REFUSALS = 4;

/** Switches the views to `context` ('' for the simulated cluster) and says what it could not read. */
async function switchTo(ctx: AtelierContext, target: TargetService, context: string): Promise<boolean> {
  try {
    await target.select(context);
    ctx.output.info(context === '' ? 'target: simulated cluster' : `target: context ${context} (${target.remote?.client.server ?? ''}), read-only`);
  } catch (error) {
    const fr = error instanceof KubeconfigProblem ? error.fr : '';
    ctx.output.error(explain(error));
    // Nothing changed: the views keep showing the cluster they showed.
    void vscode.window.showErrorMessage(fr ? `${(error as Error).message} — ${fr}` : explain(error));
    return false;
  }
  const remote = target.remote;
  if (!remote || remote.context !== context) return true;
  if (remote.mirror.problem) {
    const text = kubectlText(remote.mirror.problem);
    ctx.output.error(text);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cluster « {0} » : {1} — {2}', context, text, remote.mirror.problem.fr));
  }
  const skipped = target.skipped();
  for (const { resource, namespace, error } of skipped) ctx.output.warn(`${resource}${namespace ? ` (namespace ${namespace})` : ''}: ${kubectlText(error)}`);
  // Forbidden lists are told in a notification; a kind the server does not serve, in the output only.
  const forbidden = skipped.filter(({ error }) => error.code === 403);
  if (forbidden.length > 0) {
    const names = forbidden.map(({ resource, namespace }) => (namespace ? `${resource} (${namespace})` : resource));
    const shown = names.slice(0, NAMED_REFUSALS).join(', ') + (names.length > NAMED_REFUSALS ? ', …' : '');
    void vscode.window.showWarningMessage(vscode.l10n.t("Cluster « {0} » : ton compte ne peut pas lister {1}. Ces objets n'apparaissent pas dans les vues (détails dans la sortie).", context, shown));
  }
  return true;
}

/** Remembers the choice for this workspace (nothing is kept when no folder is open). */
async function remember(ctx: AtelierContext, context: string): Promise<void> {
  const configuration = vscode.workspace.getConfiguration();
  if (configuration.get<string>(SETTINGS.target, '') === context) return;
  try {
    // `false`: the workspace's settings (ConfigurationTarget.Workspace).
    await configuration.update(SETTINGS.target, context, false);
  } catch (error) {
    ctx.output.warn(`target not saved: ${explain(error)}`);
  }
}

/** The command: a quick pick of the targets, or the context given (a walkthrough's button). */
export function chooseTarget(ctx: AtelierContext) {
  return async (given?: unknown): Promise<string | undefined> => {
    const target = ctx.target;
    if (!target) return undefined;
    let context = typeof given === 'string' ? given : undefined;
    if (context === undefined) {
      let contexts: ReturnType<TargetService['contexts']> = [];
      let unreadable = '';
      try {
        contexts = target.contexts();
      } catch (error) {
        unreadable = error instanceof KubeconfigProblem ? `${error.message} — ${error.fr}` : explain(error);
      }
      const current = target.remote?.context ?? '';
      const mark = (name: string): string => (name === current ? '$(check) ' : '');
      const items: TargetItem[] = [
        { label: `${mark('')}$(beaker) ${vscode.l10n.t('Cluster simulé')}`, description: vscode.l10n.t("dans l'éditeur, pour s'exercer"), context: '' },
        ...contexts.map((c) => ({
          label: `${mark(c.name)}$(cloud) ${c.name}`,
          description: c.server,
          detail: vscode.l10n.t('cluster {0} · utilisateur {1} · namespace {2} — en lecture seule', c.cluster, c.user, c.namespace ?? 'default'),
          context: c.name,
        })),
      ];
      const placeHolder =
        unreadable !== ''
          ? unreadable
          : contexts.length === 0
            ? vscode.l10n.t('Aucun contexte dans {0} : seul le cluster simulé est proposé (crée un cluster kind ou k3s, voir le README).', kubeconfigPaths().join(', '))
            : vscode.l10n.t('Quel cluster montrer ? Un cluster réel est en lecture seule : appliquer un fichier y demande confirmation.');
      context = (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.context;
      if (context === undefined) return undefined;
    }
    if (!(await switchTo(ctx, target, context))) return undefined;
    await remember(ctx, context);
    return context;
  };
}

/** Restores the workspace's target at start and follows edits of the setting. */
export function registerTarget(ctx: AtelierContext): void {
  const target = ctx.target;
  if (!target) return;
  const wanted = (): string => vscode.workspace.getConfiguration().get<string>(SETTINGS.target, '') ?? '';
  const follow = (): void => {
    const context = wanted();
    if (context !== (target.remote?.context ?? '')) void switchTo(ctx, target, context);
  };
  follow();
  ctx.extension.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SETTINGS.target)) follow();
    }),
    { dispose: () => target.dispose() },
  );
}
