/**
 * `kubectl port-forward` for the simulated cluster: a real HTTP server on 127.0.0.1 (the
 * port asked for, or one the system picks) answering what the simulated container serves
 * (nginx's welcome page for nginx, whoami's report...), read from the cluster at each
 * request. As with kubectl, a Service or a Deployment is forwarded to one of its Pods,
 * chosen when the forward starts; when that Pod goes away, the forward answers an
 * explanation instead. A status-bar entry lists the forwards; each stops on demand and
 * all of them with the extension.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { KindInfo } from '../../simulator/src/api/catalog';
import { kindInfo } from '../../simulator/src/api/catalog';
import type { Cluster } from '../../simulator/src/cluster';
import { readerOf } from '../../simulator/src/kubelet/replay';
import { CONTEXT_KEYS, COMMAND_IDS } from './commands/ids';
import type { AtelierContext } from './context';
import { podAnswer, REASONS } from './terminal/network';
import { forwardTarget } from './terminal/targets';

type L10n = Pick<typeof vscode.l10n, 't'>;

const PODS = kindInfo('v1', 'Pod')!;

export interface ForwardSpec {
  namespace: string;
  info: KindInfo;
  name: string;
  /** The port on the object: a container port, or a Service's port. */
  remote: number;
  /** The local port; 0 lets the system choose. */
  local: number;
}

export interface Forward {
  readonly id: number;
  readonly namespace: string;
  /** What was asked for: `deployment/web`. */
  readonly target: string;
  /** The Pod chosen, and its port. */
  readonly pod: string;
  readonly podPort: number;
  /** The port listened on, on 127.0.0.1. */
  readonly local: number;
  readonly url: string;
}

interface Running extends Forward {
  server: http.Server;
}

/** A small French page for what kubectl would report as a lost connection. */
function problemPage(title: string, detail: string): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>${escape(title)}</title></head>\n<body>\n<h1>${escape(title)}</h1>\n<p>${escape(detail)}</p>\n<p><em>Atelier Kubernetes : redirection de port vers le cluster simulé</em></p>\n</body>\n</html>\n`;
}

/** The port-forwards running, each a local HTTP server. No module state: one instance per activation. */
export class PortForwards implements vscode.Disposable {
  private readonly forwards = new Map<number, Running>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(
    private readonly cluster: () => Cluster,
    private readonly l10n: L10n,
  ) {}

  /** The forwards running, oldest first. */
  get list(): Forward[] {
    return [...this.forwards.values()].map(({ server: _server, ...forward }) => forward);
  }

  /** Calls `listener` when a forward starts or stops; returns the unsubscribe. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Starts a forward; rejects with kubectl's error (`pods "x" not found`, `unable to
   * forward port because pod is not running`, `unable to listen on any of the requested ports`).
   */
  async start(spec: ForwardSpec): Promise<Forward> {
    const found = forwardTarget(this.cluster().store, spec.namespace, spec.info, spec.name, spec.remote);
    if (!found.ok) throw new Error(found.error);
    const pod = String((found.value.pod.metadata as { name?: unknown }).name);
    const podPort = found.value.port;
    const server = http.createServer((request, response) => this.answer(spec.namespace, pod, podPort, request, response));
    const local = await new Promise<number>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        const why = error.code === 'EADDRINUSE' ? 'bind: address already in use' : error.code === 'EACCES' ? 'bind: permission denied' : error.message;
        reject(new Error(`Unable to listen on port ${spec.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${spec.local}: ${why}]\nerror: unable to listen on any of the requested ports: [{${spec.local} ${podPort}}]`));
      });
      server.listen(spec.local, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
    const id = this.nextId++;
    const target = `${spec.info.singular}/${spec.name}`;
    this.forwards.set(id, { id, namespace: spec.namespace, target, pod, podPort, local, url: `http://127.0.0.1:${local}/`, server });
    this.fire();
    return this.list.find((forward) => forward.id === id)!;
  }

  /** Stops one forward (its server closes, open connections too). */
  stop(id: number): void {
    const forward = this.forwards.get(id);
    if (!forward) return;
    this.forwards.delete(id);
    forward.server.close();
    forward.server.closeAllConnections();
    this.fire();
  }

  dispose(): void {
    for (const id of [...this.forwards.keys()]) this.stop(id);
    this.listeners.clear();
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** One request: what the container answers now, read from the cluster as it is. */
  private answer(namespace: string, podName: string, port: number, request: http.IncomingMessage, response: http.ServerResponse): void {
    const { l10n } = this;
    const cluster = this.cluster();
    const pod = cluster.store.find(PODS, namespace, podName);
    const fail = (title: string, detail: string): void => {
      response.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : problemPage(title, detail));
    };
    if (!pod) {
      fail(l10n.t("Le Pod {0} n'existe plus", podName), l10n.t('kubectl port-forward suit un seul Pod, choisi au départ : quand il disparaît, la redirection est perdue. Relance-la.'));
      return;
    }
    const answer = podAnswer(readerOf(cluster.store), cluster.clock.now(), pod, port, {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      host: request.headers.host ?? `127.0.0.1`,
      remote: `127.0.0.1:${request.socket.remotePort ?? 0}`,
      userAgent: request.headers['user-agent'] ?? '',
    });
    if (answer === 'eof') {
      // A server that does not speak HTTP (a database): the connection just ends.
      request.socket.destroy();
      return;
    }
    if (answer === 'refused') {
      fail(l10n.t("Rien n'écoute sur le port {0} du Pod {1}", port, podName), l10n.t('Le conteneur démarre peut-être encore, ou son programme écoute sur un autre port (kubectl describe pod les montre).'));
      return;
    }
    const body = new TextEncoder().encode(answer.body);
    response.writeHead(answer.status, REASONS[answer.status], { ...answer.headers, 'Content-Length': String(body.length) });
    response.end(request.method === 'HEAD' ? undefined : body);
  }
}

/** The status-bar entry listing the forwards (hidden when there is none); a click offers to stop one. */
export function registerPortForwardStatus(ctx: AtelierContext, forwards: PortForwards): void {
  const item = vscode.window.createStatusBarItem('atelierKubernetes.portForwards', vscode.StatusBarAlignment.Left, 49);
  item.name = vscode.l10n.t('Atelier Kubernetes : redirections de port');
  item.command = COMMAND_IDS.stopPortForward;
  const update = (): void => {
    const list = forwards.list;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.portForwarding, list.length > 0);
    if (list.length === 0) {
      item.hide();
      return;
    }
    item.text = `$(plug) ${list.length === 1 ? `127.0.0.1:${list[0]!.local}` : vscode.l10n.t('{0} redirections', list.length)}`;
    item.tooltip = [...list.map((f) => `${f.url} → ${f.target} (pod/${f.pod}:${f.podPort})`), vscode.l10n.t('Cliquer pour arrêter une redirection')].join('\n');
    item.show();
  };
  update();
  const unsubscribe = forwards.onDidChange(update);
  ctx.extension.subscriptions.push(item, { dispose: unsubscribe });
}

/** `Forwarding from 127.0.0.1:8080 -> 80`, as kubectl prints it. */
export const forwardingLine = (forward: Forward): string => `Forwarding from 127.0.0.1:${forward.local} -> ${forward.podPort}\n`;
