import type * as vscode from 'vscode';
import type { ClusterService } from './cluster/service';
import type { ClusterTreeModel } from './cluster/treeModel';
import type { TargetService } from './target/service';
import type { SimulationTime } from './time';

/**
 * What the command factories and views receive: built once in activate() and
 * passed down, so no module holds state of its own (STYLE.md, "layers leak").
 */
export interface AtelierContext {
  readonly extension: vscode.ExtensionContext;
  /** The "Atelier Kubernetes" output channel: apply results and errors go there. */
  readonly output: vscode.LogOutputChannel;
  /** The simulated cluster (read `cluster.cluster` each time: reset and import replace it). */
  readonly cluster: ClusterService;
  /** The "Cluster simulé" tree as last built (the view draws it, item commands read it). */
  readonly tree: ClusterTreeModel;
  /** Simulated time: speed, pause, resume. */
  readonly time: SimulationTime;
  /**
   * Which cluster the views show, the simulated one or a real context (absent where
   * activate() did not build it: everything then reads the simulated cluster).
   */
  readonly target?: TargetService;
}
