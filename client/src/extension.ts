import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClusterApi } from './cluster/apiServer';
import { ClusterService } from './cluster/service';
import { ClusterTreeModel } from './cluster/treeModel';
import { registerCommands } from './commands';
import type { CommandContext } from './commands/services';
import { syncInventory } from './inventorySync';
import { createLanguageClient, onServerRunning, sendClusterInventory } from './languageClient';
import { PortForwards, registerPortForwardStatus } from './portForward';
import { openClusterState, persistCluster } from './state';
import { registerStatusBar } from './statusBar';
import { registerTarget } from './target/choose';
import { TargetService } from './target/service';
import { SimulationTime } from './time';
import { registerSolutionDocuments } from './commands/course';
import { registerClusterView } from './views/clusterTree';
import { registerCourseView } from './views/courseView';
import { registerObjectDocuments } from './views/describeDocument';
import { registerEventsView } from './views/eventsView';
import { registerWalkthroughChecks } from './walkthroughs/register';

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
  // The views show the simulated cluster, or a real one of the kubeconfig (read-only).
  const target = new TargetService({ cluster, l10n: vscode.l10n });
  const tree = new ClusterTreeModel(() => target.view(), vscode.l10n);
  const forwards = new PortForwards(() => cluster.cluster, vscode.l10n);
  extension.subscriptions.push(forwards);
  const api = new ClusterApi(() => cluster.cluster, (error) => output.error(`serve: ${error instanceof Error ? error.message : String(error)}`));
  extension.subscriptions.push(api);
  const ctx: CommandContext = { extension, output, cluster, tree, time, forwards, target, api };

  registerCommands(ctx);
  registerClusterView(ctx);
  registerEventsView(ctx);
  registerStatusBar(ctx);
  registerObjectDocuments(ctx);
  registerPortForwardStatus(ctx, forwards);
  registerSolutionDocuments(ctx);
  registerTarget(ctx);
  void registerWalkthroughChecks(ctx).then((checks) => registerCourseView(ctx, checks));

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
