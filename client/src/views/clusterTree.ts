import * as vscode from 'vscode';
import type { State } from '../cluster/objectStatus';
import type { ClusterTreeModel, TreeNode } from '../cluster/treeModel';
import { VIEW_IDS } from '../commands/ids';
import type { AtelierContext } from '../context';

/** The theme colours of the states (the testing and charts palettes every theme defines). */
const COLORS: Record<State, string | undefined> = {
  ready: 'testing.iconPassed',
  progressing: 'charts.yellow',
  failing: 'testing.iconFailed',
  neutral: undefined,
};

/** The VS Code item of a tree node. */
export function treeItemOf(node: TreeNode): vscode.TreeItem {
  const collapsible =
    node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.label, collapsible);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.contextValue = node.contextValue;
  const color = COLORS[node.state];
  item.iconPath = new vscode.ThemeIcon(node.icon, color === undefined ? undefined : new vscode.ThemeColor(color));
  return item;
}

/**
 * The "Cluster simulé" view. Elements are the nodes' ids (stable across rebuilds), so
 * that a change refreshes only the nodes that changed and VS Code keeps what is expanded.
 */
export class ClusterTreeProvider implements vscode.TreeDataProvider<string>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly model: ClusterTreeModel) {}

  /** Rebuilds the model and tells VS Code what to redraw. */
  refresh(): void {
    const ids = this.model.rebuild();
    if (ids === undefined) this.changed.fire(undefined);
    else if (ids.length > 0) this.changed.fire(ids);
  }

  getTreeItem(id: string): vscode.TreeItem {
    const node = this.model.node(id);
    // VS Code may still ask for an item that just went away: draw it plainly until the refresh lands.
    return node ? treeItemOf(node) : new vscode.TreeItem(id.split('/').pop() ?? id);
  }

  getChildren(id?: string): string[] {
    const nodes = id === undefined ? this.model.roots : (this.model.node(id)?.children ?? []);
    return nodes.map((node) => node.id);
  }

  getParent(id: string): string | undefined {
    return this.model.parent(id);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Registers the view, fed by the cluster's (coalesced) changes. */
export function registerClusterView(ctx: AtelierContext): void {
  const provider = new ClusterTreeProvider(ctx.tree);
  const view = vscode.window.createTreeView(VIEW_IDS.cluster, { treeDataProvider: provider, showCollapseAll: true });
  const unsubscribe = ctx.cluster.onDidChange(() => provider.refresh());
  ctx.extension.subscriptions.push(provider, view, { dispose: unsubscribe });
}
