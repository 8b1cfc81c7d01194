import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CommandContext } from './services';

/** Where the kubeconfig goes: the workspace's storage (it holds a token: not in the workspace itself). */
function kubeconfigPath(ctx: CommandContext): string {
  return path.join((ctx.extension.storageUri ?? ctx.extension.globalStorageUri).fsPath, 'kubeconfig');
}

/** A terminal of VS Code's own, where `kubectl` reaches the simulated cluster. */
function kubectlTerminal(kubeconfig: string): vscode.Terminal {
  const terminal = vscode.window.createTerminal({ name: vscode.l10n.t('kubectl (cluster simulé)'), env: { KUBECONFIG: kubeconfig } });
  terminal.show();
  return terminal;
}

/**
 * "Ouvrir le cluster simulé au vrai kubectl": serves the editor's cluster with the
 * Kubernetes HTTP API on 127.0.0.1, writes a kubeconfig (context `atelier`) and offers a
 * terminal where KUBECONFIG points at it.
 */
export function serveApi(ctx: CommandContext) {
  return async (): Promise<string | undefined> => {
    if (!ctx.api) return undefined;
    let serving;
    try {
      serving = await ctx.api.start(kubeconfigPath(ctx));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.output.error(`serve: ${message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t("Impossible d'ouvrir le cluster simulé au vrai kubectl : {0}", message));
      return undefined;
    }
    ctx.output.info(`serving the simulated cluster at ${serving.url}; export KUBECONFIG=${serving.kubeconfig}`);
    const open = vscode.l10n.t('Ouvrir un terminal');
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('Le vrai kubectl peut joindre le cluster simulé ({0}) avec KUBECONFIG={1}', serving.url, serving.kubeconfig),
      open,
    );
    if (answer === open) kubectlTerminal(serving.kubeconfig);
    return serving.kubeconfig;
  };
}

/** "Fermer l'accès du vrai kubectl": the API stops answering. */
export function stopServeApi(ctx: CommandContext) {
  return async (): Promise<void> => {
    if (!ctx.api?.serving) return;
    await ctx.api.stop();
    ctx.output.info('serve: stopped');
    void vscode.window.showInformationMessage(vscode.l10n.t("Le vrai kubectl n'a plus accès au cluster simulé."));
  };
}
