import * as vscode from 'vscode';

/** A node of the "Cluster simulé" tree (its real shape comes with the simulator). */
export type ClusterNode = vscode.TreeItem;

/**
 * The "Cluster simulé" view. Until the simulator lands the tree has no items,
 * and VS Code shows the view's welcome text (contributes.viewsWelcome) instead.
 */
export class ClusterTreeProvider implements vscode.TreeDataProvider<ClusterNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ClusterNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  getTreeItem(element: ClusterNode): vscode.TreeItem {
    return element;
  }

  getChildren(): ClusterNode[] {
    return [];
  }

  /** Asks VS Code to read the tree again. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
