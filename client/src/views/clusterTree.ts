import * as vscode from 'vscode';
import type { State } from '../cluster/objectStatus';
import type { ClusterTreeModel, TreeNode } from '../cluster/treeModel';
import { VIEW_IDS } from '../commands/ids';
import type { AtelierContext } from '../context';
import { onViewChange } from '../target/access';

interface Look {
  /** A theme colour of the palettes every theme defines (testing, charts, problems). */
  color?: string;
  /** The codicon that replaces the kind's on an object in this state. */
  icon?: string;
}

/**
 * How each state looks: a ready object keeps its kind's icon, in green; one on its way
 * spins, in yellow; one in trouble shows an error, in red; a neutral one (a ConfigMap, a
 * Role) keeps its icon, uncoloured.
 */
const LOOKS: Record<State, Look> = {
  ready: { color: 'testing.iconPassed' },
  progressing: { color: 'charts.yellow', icon: 'loading~spin' },
  failing: { color: 'testing.iconFailed', icon: 'error' },
  neutral: {},
};

/** Progressing, but nothing will happen until the learner acts: a warning, not a spinner. */
const STEADY: Look = { color: 'problemsWarningIcon.foreground', icon: 'warning' };

/**
 * The icon of a tree node: its kind's codicon, or the state's for an object that is on
 * its way or in trouble, coloured by state. A group or a namespace keeps its own icon
 * (its state sums up its children's); only its colour tells.
 */
export function iconOf(node: TreeNode): vscode.ThemeIcon {
  const look = node.state === 'progressing' && node.steady ? STEADY : LOOKS[node.state];
  const id = node.rollup ? node.icon : (look.icon ?? node.icon);
  return new vscode.ThemeIcon(id, look.color === undefined ? undefined : new vscode.ThemeColor(look.color));
}

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
  item.iconPath = iconOf(node);
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
  const unsubscribe = onViewChange(ctx, () => provider.refresh());
  ctx.extension.subscriptions.push(provider, view, { dispose: unsubscribe });
}
