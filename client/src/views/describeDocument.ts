/**
 * Read-only documents on the simulated cluster, under the `atelier-k8s` scheme: what
 * `kubectl describe`, `kubectl get -o yaml`, `kubectl logs` and `kubectl rollout history
 * --revision` print, rebuilt when the cluster changes (and every second for logs, which
 * grow as simulated time runs; the editors showing them follow the last line).
 *
 *   atelier-k8s:/describe/deployments.apps/default/web.txt
 *   atelier-k8s:/yaml/nodes/_/worker-1.yaml
 *   atelier-k8s:/logs/pods/default/web-7d4b9-xk2pq/web.log
 *   atelier-k8s:/history/deployments.apps/default/web/3.txt
 */
import * as vscode from 'vscode';
import { findResource, type KindInfo } from '../../../simulator/src/api/catalog';
import type { Cluster } from '../../../simulator/src/cluster';
import { runKubectl } from '../../../simulator/src/kubectl/commands/index';
import type { AtelierContext } from '../context';
import { onViewChange } from '../target/access';

export const SCHEME = 'atelier-k8s';

export type View = 'describe' | 'yaml' | 'logs' | 'history';

export interface ObjectDocument {
  view: View;
  info: KindInfo;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  /** logs: the container. */
  container?: string;
  /** history: the revision. */
  revision?: number;
}

const EXTENSIONS: Record<View, string> = { describe: 'txt', yaml: 'yaml', logs: 'log', history: 'txt' };

/** `deployments.apps`, `pods`: the resource word the URI carries. */
const resourceWord = (info: KindInfo): string => (info.group === '' ? info.resource : `${info.resource}.${info.group}`);

/** The document's path (without the scheme). */
export function documentPath(doc: ObjectDocument): string {
  const parts = [doc.view, resourceWord(doc.info), doc.namespace === '' ? '_' : doc.namespace];
  const leaf = doc.view === 'logs' ? [doc.name, doc.container ?? ''] : doc.view === 'history' ? [doc.name, String(doc.revision ?? 0)] : [doc.name];
  return `/${[...parts, ...leaf].map(encodeURIComponent).join('/')}.${EXTENSIONS[doc.view]}`;
}

/** The document a path names, or undefined. */
export function parseDocumentPath(path: string): ObjectDocument | undefined {
  const parts = path.replace(/^\//, '').replace(/\.[a-z]+$/, '').split('/').map(decodeURIComponent);
  const [view, resource = '', namespace = '', name = '', extra] = parts;
  const info = findResource(resource);
  if (!info || !['describe', 'yaml', 'logs', 'history'].includes(view ?? '')) return undefined;
  const doc: ObjectDocument = { view: view as View, info, namespace: namespace === '_' ? '' : namespace, name };
  if (view === 'logs' && extra) doc.container = extra;
  if (view === 'history') doc.revision = Number(extra ?? 0);
  return doc;
}

/** The kubectl command line behind a document. */
export function documentArgs(doc: ObjectDocument): string[] {
  const namespace = doc.namespace === '' ? [] : ['-n', doc.namespace];
  const ref = `${resourceWord(doc.info)}/${doc.name}`;
  switch (doc.view) {
    case 'describe':
      return ['describe', resourceWord(doc.info), doc.name, ...namespace];
    case 'yaml':
      return ['get', ref, '-o', 'yaml', ...namespace];
    case 'logs':
      return ['logs', ref, ...(doc.container ? ['-c', doc.container] : []), ...namespace];
    case 'history':
      return ['rollout', 'history', ref, `--revision=${doc.revision ?? 0}`, ...namespace];
  }
}

/** The text of a document: what kubectl prints, its errors included (`pods "x" not found`). */
export function documentText(cluster: Cluster, doc: ObjectDocument): string {
  const result = runKubectl(cluster, documentArgs(doc), { settle: false });
  const header = `# kubectl ${documentArgs(doc).join(' ')}\n`;
  return doc.view === 'yaml' && result.exitCode === 0 ? result.stdout : `${doc.view === 'describe' || doc.view === 'history' ? '' : header}${result.stdout}${result.stderr}`;
}

/** The URI of a document. */
export function documentUri(doc: ObjectDocument): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: documentPath(doc) });
}

/** Opens a document in an editor (preview when asked). */
export async function showDocument(doc: ObjectDocument, preview = true): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(documentUri(doc));
  const editor = await vscode.window.showTextDocument(document, { preview });
  if (doc.view === 'logs') revealEnd(editor);
  return editor;
}

function revealEnd(editor: vscode.TextEditor): void {
  const last = Math.max(0, editor.document.lineCount - 1);
  editor.revealRange(editor.document.lineAt(last).range);
}

export class ObjectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly cluster: () => Cluster) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const doc = parseDocumentPath(uri.path);
    return doc ? documentText(this.cluster(), doc) : '';
  }

  /** Asks VS Code to read again the open documents (only the logs when `logsOnly`). */
  refresh(open: readonly vscode.Uri[], logsOnly = false): void {
    for (const uri of open) {
      if (uri.scheme !== SCHEME) continue;
      if (logsOnly && !uri.path.startsWith('/logs/')) continue;
      this.changed.fire(uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** How often the logs are read again while simulated time runs. */
const LOGS_REFRESH_MS = 1000;

/** Registers the provider, refreshed on each cluster change, logs every second, editors of logs following the end. */
export function registerObjectDocuments(ctx: AtelierContext): void {
  const provider = new ObjectDocuments(() => ctx.cluster.cluster);
  // On a real cluster (target/), the same documents are printed from its mirror.
  const content: vscode.TextDocumentContentProvider = {
    onDidChange: provider.onDidChange,
    provideTextDocumentContent: (uri) => {
      const doc = parseDocumentPath(uri.path);
      return (doc && ctx.target?.documentText(doc)) ?? provider.provideTextDocumentContent(uri);
    },
  };
  const open = (): vscode.Uri[] => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === SCHEME).map((d) => d.uri);
  const unsubscribe = onViewChange(ctx, () => provider.refresh(open()));
  const timer = setInterval(() => provider.refresh(open(), true), LOGS_REFRESH_MS);
  const follow = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document.uri.scheme !== SCHEME || !event.document.uri.path.startsWith('/logs/')) return;
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === event.document) revealEnd(editor);
  });
  ctx.extension.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, content),
    follow,
    { dispose: unsubscribe },
    { dispose: () => clearInterval(timer) },
  );
}
