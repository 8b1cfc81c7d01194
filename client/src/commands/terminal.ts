import * as vscode from 'vscode';
import type { ObjectRef } from '../cluster/service';
import { kindInfo } from '../../../simulator/src/api/catalog';
import { kubectlSession, openSessionTerminal, terminalName } from '../terminal/kubectlTerminal';
import { ExecSession } from '../terminal/session';
import { openExec } from '../../../simulator/src/network/shell/execShell';
import { attachablePod } from '../../../simulator/src/network/targets';
import { PODS, targetOf, type CommandContext } from './services';

/** "Ouvrir le terminal kubectl": the terminal already open, or a new one. */
export function openTerminal(ctx: CommandContext) {
  return (): vscode.Terminal => {
    const name = terminalName();
    const open = vscode.window.terminals.find((terminal) => terminal.name === name);
    if (open) {
      open.show();
      return open;
    }
    return openSessionTerminal(ctx, name, kubectlSession(ctx, ctx.forwards));
  };
}

/** The Pod behind a tree item (a Deployment's: the one kubectl exec would choose). */
function podOf(ctx: CommandContext, ref: ObjectRef): ObjectRef | undefined {
  const info = kindInfo(ref.apiVersion, ref.kind);
  if (!info) return undefined;
  const found = attachablePod(ctx.cluster.cluster.store, ref.namespace ?? 'default', info, ref.name);
  if (!found.ok) {
    void vscode.window.showErrorMessage(found.error);
    return undefined;
  }
  const meta = found.value.metadata as { name: string; namespace: string };
  return { apiVersion: 'v1', kind: 'Pod', name: meta.name, namespace: meta.namespace };
}

/** "Ouvrir un shell dans le conteneur (kubectl exec)": a terminal on `sh` (or bash) in the container chosen. */
export function exec(ctx: CommandContext) {
  return async (item?: unknown): Promise<vscode.Terminal | undefined> => {
    const target = await targetOf(ctx, item, PODS, vscode.l10n.t('Dans quel Pod ouvrir un shell ?'));
    const ref = target && podOf(ctx, target);
    if (!ref) return undefined;
    const pod = ctx.cluster.find(ref);
    const containers = (((pod?.spec ?? {}) as { containers?: { name?: string }[] }).containers ?? []).map((c) => String(c.name));
    const container = containers.length <= 1 ? containers[0] : await vscode.window.showQuickPick(containers, { placeHolder: vscode.l10n.t('Dans quel conteneur ?') });
    if (!container) return undefined;
    const opened = openExec(() => ctx.cluster.cluster, { namespace: ref.namespace ?? 'default', pod: ref.name, container, tty: true });
    if (!opened.ok) {
      void vscode.window.showErrorMessage(`${opened.error} — ${vscode.l10n.t("Le conteneur doit tourner pour qu'on y ouvre un shell (kubectl get pods montre son état).")}`);
      return undefined;
    }
    const shell = ['bash', 'sh'].find((name) => opened.shell.canRun([name]));
    if (!shell) {
      void vscode.window.showErrorMessage(vscode.l10n.t("L'image de ce conteneur n'a pas de shell (ni sh ni bash) : kubectl exec ne peut rien y lancer d'interactif."));
      return undefined;
    }
    opened.shell.enter([shell]);
    const banner = `${vscode.l10n.t('kubectl exec -it {0} -c {1} -- {2} (dans le cluster simulé ; « exit » ferme le terminal)', ref.name, container, shell)}\n`;
    return openSessionTerminal(ctx, `${ref.name} (${container})`, new ExecSession(opened.shell, banner));
  };
}
