import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CLUSTER_INVENTORY, type ClusterInventory } from './cluster/inventory';

/** The documents the language server looks at: every YAML file and every Dockerfile, on disk or not. */
export const DOCUMENT_SELECTOR = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
  { language: 'dockerfile', scheme: 'file' },
  { language: 'dockerfile', scheme: 'untitled' },
];

/**
 * Creates the client of dist/server.js, the same server other editors start
 * with `node dist/server.js --stdio`; VS Code talks to it over Node IPC.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    // Hovers link to the chapter's walkthrough with a command: URI; only that command is trusted.
    markdown: { isTrusted: { enabledCommands: ['workbench.action.openWalkthrough'] }, supportHtml: false },
    // The server reads atelierKubernetes.* settings (rules on/off, severities).
    synchronize: { configurationSection: 'atelierKubernetes' },
  };
  return new LanguageClient('atelierKubernetes', vscode.l10n.t('Atelier Kubernetes — serveur de langage'), serverOptions, clientOptions);
}

/** Tells the server what the simulated cluster holds (server/src/server.ts, CLUSTER_INVENTORY). */
export function sendClusterInventory(client: LanguageClient, inventory: ClusterInventory): Promise<void> {
  return client.sendNotification(CLUSTER_INVENTORY, inventory);
}

/** Calls `listener` each time the server (re)starts: a restarted server has forgotten the inventory. */
export function onServerRunning(client: LanguageClient, listener: () => void): vscode.Disposable {
  return client.onDidChangeState((event) => {
    if (event.newState === State.Running) listener();
  });
}
