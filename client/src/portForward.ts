/**
 * `kubectl port-forward` for the simulated cluster: a real HTTP server on 127.0.0.1 (the
 * port asked for, or one the system picks) answering what the simulated container serves
 * (nginx's welcome page for nginx, whoami's report...), read from the cluster at each
 * request. As with kubectl, a Service or a Deployment is forwarded to one of its Pods,
 * chosen when the forward starts; when that Pod goes away, the forward answers an
 * explanation instead. A status-bar entry lists the forwards; each stops on demand and
 * all of them with the extension. The ports `docker run -p` publishes are served the same
 * way, while their container runs (syncDocker).
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
import { podAnswer, REASONS, type HttpAnswer } from '../../simulator/src/network/http';
import { publishedAnswer, publishedPorts } from '../../simulator/src/docker/http';
import { forwardTarget } from '../../simulator/src/network/targets';

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
  /** A port `docker run -p` published: the container's name (`pod` is that name too). */
  readonly container?: string;
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
    const local = await listen(server, spec.local, (why) => `Unable to listen on port ${spec.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${spec.local}: ${why}]\nerror: unable to listen on any of the requested ports: [{${spec.local} ${podPort}}]`);
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

  /**
   * Serves each host port that a running docker container publishes, and stops serving
   * those no container publishes any more (call it after each docker command). Returns
   * French notices: the ports opened, and those another program already holds.
   */
  async syncDocker(): Promise<string[]> {
    const { l10n } = this;
    const cluster = this.cluster();
    const wanted = publishedPorts(cluster.docker, cluster.clock.now());
    for (const forward of this.forwards.values()) {
      if (forward.container !== undefined && !wanted.some((p) => p.binding.host === forward.local && p.container.name === forward.container)) this.stop(forward.id);
    }
    const notices: string[] = [];
    for (const { container, binding } of wanted) {
      if ([...this.forwards.values()].some((forward) => forward.container !== undefined && forward.local === binding.host)) continue;
      const server = http.createServer((request, response) => this.answerDocker(binding.host, request, response));
      try {
        await listen(server, binding.host, (why) => `Error starting userland proxy: listen tcp4 0.0.0.0:${binding.host}: ${why}`);
      } catch (error) {
        notices.push(l10n.t("Le port {0} de ton ordinateur est déjà pris par un autre programme : le conteneur {1} tourne, mais http://127.0.0.1:{0}/ ne mène pas à lui ({2}).", binding.host, container.name, (error as Error).message));
        continue;
      }
      const id = this.nextId++;
      const url = `http://127.0.0.1:${binding.host}/`;
      this.forwards.set(id, { id, namespace: '', target: `container/${container.name}`, pod: container.name, podPort: binding.container, local: binding.host, url, server, container: container.name });
      notices.push(l10n.t('{0} mène maintenant au port {1} du conteneur {2}.', url, binding.container, container.name));
    }
    this.fire();
    return notices;
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
    const answer = podAnswer(readerOf(cluster.store), cluster.clock.now(), pod, port, requestOf(request));
    if (answer === 'refused') {
      fail(l10n.t("Rien n'écoute sur le port {0} du Pod {1}", port, podName), l10n.t('Le conteneur démarre peut-être encore, ou son programme écoute sur un autre port (kubectl describe pod les montre).'));
      return;
    }
    reply(request, response, answer);
  }

  /** One request on a port docker publishes: what the container holding it answers now. */
  private answerDocker(hostPort: number, request: http.IncomingMessage, response: http.ServerResponse): void {
    const { l10n } = this;
    const cluster = this.cluster();
    const answer = publishedAnswer(cluster.docker, readerOf(cluster.store), cluster.clock.now(), hostPort, requestOf(request));
    const fail = (title: string, detail: string): void => {
      response.writeHead(502, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : problemPage(title, detail));
    };
    if (answer === 'closed') fail(l10n.t('Aucun conteneur ne publie le port {0}', hostPort), l10n.t('Le conteneur qui le publiait est arrêté ou supprimé : docker ps -a montre son état, docker start le relance.'));
    else if (answer === 'refused') fail(l10n.t('Rien n\'écoute dans le conteneur derrière le port {0}', hostPort), l10n.t('Le programme du conteneur démarre peut-être encore, ou il écoute sur un autre port que celui de -p HOTE:CONTENEUR (docker ps montre les ports publiés).'));
    else reply(request, response, answer);
  }
}

/** The request as the simulator's network reads it. */
function requestOf(request: http.IncomingMessage) {
  return {
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    host: request.headers.host ?? `127.0.0.1`,
    remote: `127.0.0.1:${request.socket.remotePort ?? 0}`,
    userAgent: request.headers['user-agent'] ?? '',
  };
}

/** Writes the simulated server's answer; a server that does not speak HTTP (a database) just ends the connection. */
function reply(request: http.IncomingMessage, response: http.ServerResponse, answer: HttpAnswer | 'eof'): void {
  if (answer === 'eof') {
    request.socket.destroy();
    return;
  }
  const body = new TextEncoder().encode(answer.body);
  response.writeHead(answer.status, REASONS[answer.status], { ...answer.headers, 'Content-Length': String(body.length) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Listens on 127.0.0.1:`port` (0: a free one); rejects with `message(why)`. */
function listen(server: http.Server, port: number, message: (why: string) => string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'bind: address already in use' : error.code === 'EACCES' ? 'bind: permission denied' : error.message;
      reject(new Error(message(why)));
    });
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
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
    item.tooltip = [...list.map((f) => (f.container !== undefined ? `${f.url} → ${f.target}:${f.podPort} (docker run -p)` : `${f.url} → ${f.target} (pod/${f.pod}:${f.podPort})`)), vscode.l10n.t('Cliquer pour arrêter une redirection')].join('\n');
    item.show();
  };
  update();
  const unsubscribe = forwards.onDidChange(update);
  ctx.extension.subscriptions.push(item, { dispose: unsubscribe });
}

/** `Forwarding from 127.0.0.1:8080 -> 80`, as kubectl prints it. */
export const forwardingLine = (forward: Forward): string => `Forwarding from 127.0.0.1:${forward.local} -> ${forward.podPort}\n`;
