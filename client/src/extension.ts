import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { VIEW_IDS } from './commands/ids';
import type { AtelierContext } from './context';
import { createLanguageClient } from './languageClient';
import { ClusterTreeProvider } from './views/clusterTree';

let client: LanguageClient | undefined;

/** Wiring only: builds the context and registers everything (STYLE.md, habit 8). */
export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Atelier Kubernetes', { log: true });
  extension.subscriptions.push(output);
  const ctx: AtelierContext = { extension, output };

  registerCommands(ctx);

  const tree = new ClusterTreeProvider();
  extension.subscriptions.push(vscode.window.createTreeView(VIEW_IDS.cluster, { treeDataProvider: tree }));

  client = createLanguageClient(extension, output);
  extension.subscriptions.push(client);
  await client.start();
}

/** Stops the language server; VS Code disposes the rest. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
