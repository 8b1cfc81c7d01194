import type * as vscode from 'vscode';

/** A node of the "Cluster simulé" tree (its real shape comes with the simulator). */
export type ClusterNode = vscode.TreeItem;

/**
 * The "Cluster simulé" view. Until the simulator lands the tree has no items,
 * and VS Code shows the view's welcome text (contributes.viewsWelcome) instead.
 */
export class ClusterTreeProvider implements vscode.TreeDataProvider<ClusterNode> {
  getTreeItem(element: ClusterNode): vscode.TreeItem {
    return element;
  }

  getChildren(): ClusterNode[] {
    return [];
  }
}
