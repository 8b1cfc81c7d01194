import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClusterService } from './cluster/service';
import { ClusterTreeModel } from './cluster/treeModel';
import { registerCommands } from './commands';
import type { AtelierContext } from './context';
import { syncInventory } from './inventorySync';
import { createLanguageClient, onServerRunning, sendClusterInventory } from './languageClient';
import { openClusterState, persistCluster } from './state';
import { registerStatusBar } from './statusBar';
import { SimulationTime } from './time';
import { registerClusterView } from './views/clusterTree';
import { registerEventsView } from './views/eventsView';

let client: LanguageClient | undefined;

/** Wiring only: builds the context and registers everything (STYLE.md, habit 8). */
export async function activate(extension: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Atelier Kubernetes', { log: true });
  extension.subscriptions.push(output);

  // The cluster as it was left (or a new one), saved again after each change.
  const state = openClusterState(extension, output);
  const cluster = new ClusterService({ initial: state.initial });
  extension.subscriptions.push({ dispose: () => cluster.dispose() });
  persistCluster(extension, output, cluster, state);
  const time = new SimulationTime(extension, cluster, output);
  extension.subscriptions.push(time);
  const tree = new ClusterTreeModel(() => ({ store: cluster.cluster.store, now: cluster.cluster.clock.now() }), vscode.l10n);
  const ctx: AtelierContext = { extension, output, cluster, tree, time };

  registerCommands(ctx);
  registerClusterView(ctx);
  registerEventsView(ctx);
  registerStatusBar(ctx);

  const languageClient = createLanguageClient(extension, output);
  client = languageClient;
  extension.subscriptions.push(languageClient);
  const inventory = syncInventory(ctx, (contents) => sendClusterInventory(languageClient, contents));
  extension.subscriptions.push(onServerRunning(languageClient, () => inventory.resend()));
  await languageClient.start();
}

/** Stops the language server; VS Code disposes the rest (the cluster's last save included). */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
