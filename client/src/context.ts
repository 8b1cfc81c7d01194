import type * as vscode from 'vscode';

/**
 * What the command factories and views receive: built once in activate() and
 * passed down, so no module holds state of its own (STYLE.md, "layers leak").
 */
export interface AtelierContext {
  readonly extension: vscode.ExtensionContext;
  /** The "Atelier Kubernetes" output channel: apply results and errors go there. */
  readonly output: vscode.LogOutputChannel;
}
