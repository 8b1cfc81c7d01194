/**
 * What each simulated image answers over HTTP, with its own bodies and error pages: nginx
 * and httpd serve their html folder (a ConfigMap mounted there included), whoami reports
 * the request, http-echo echoes its text, Prometheus and Grafana redirect and answer their
 * health paths, kube-state-metrics and Prometheus serve the cluster's metrics
 * (metrics/prometheus.ts). The simulator's image programs say which paths exist; the
 * bodies are here.
 * Also the pages of the ingress-nginx controller (404, 503, 504).
 */
import { flag } from '../kubelet/daemon';
import type { StateReader } from '../kubelet/replay';
import { kubeStateMetricsText, prometheusAnswer } from '../metrics/prometheus';
import { obj, text } from '../kubelet/util';
import type { JsonObject } from '../store/json';
import type { RunningContainer } from './containers';

export interface HttpRequest {
  method: string;
  path: string;
  /** The Host header. */
  host: string;
  /** Who asks, for servers that tell (whoami): `10.244.1.7:43120`. */
  remote: string;
  userAgent: string;
  /** Headers a proxy added (`X-Forwarded-For`...), in order. */
  extra?: [string, string][];
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reason phrases as nginx writes them on the status line and in its error pages. */
export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Not Allowed',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

const html = (status: number, body: string, server?: string): HttpAnswer => ({ status, headers: { ...(server ? { Server: server } : {}), 'Content-Type': 'text/html' }, body });
const plain = (status: number, body: string): HttpAnswer => ({ status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body });
const found = (location: string): HttpAnswer => ({ status: 302, headers: { 'Content-Type': 'text/html; charset=utf-8', Location: location }, body: `<a href="${location}">Found</a>.\n\n` });

/** nginx's own error page; `server` is `nginx/1.27.3`, or `nginx` with server_tokens off. */
export function nginxErrorPage(status: number, server: string): HttpAnswer {
  const title = `${status} ${REASONS[status] ?? ''}`;
  return html(status, `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`, server);
}

/** ingress-nginx's pages (server_tokens off): 404 when no rule matches, 503 without endpoints, 504 when the Pod does not answer. */
export const ingressErrorPage = (status: 404 | 503 | 504): HttpAnswer => nginxErrorPage(status, 'nginx');

/** A static server: the file under `root`, `index.html` for a folder, its own error pages. */
function staticFiles(container: RunningContainer, root: string, path: string, error: (status: number) => HttpAnswer, server: string): HttpAnswer {
  const { files, directories } = container.files();
  const clean = decodeURIComponent(path.split('?')[0]!).replace(/\/+$/, '');
  const target = `${root}${clean}`;
  const file = files.get(target) ?? (directories.has(target) || clean === '' ? files.get(`${target}/index.html`) : undefined);
  if (file !== undefined) return html(200, file, server);
  return error(directories.has(target) || clean === '' ? 403 : 404);
}

function apacheError(status: number): HttpAnswer {
  const title = `${status} ${REASONS[status] ?? ''}`;
  const why = status === 403 ? "<p>You don't have permission to access this resource.</p>" : '<p>The requested URL was not found on this server.</p>';
  return html(status, `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${title}</title>\n</head><body>\n<h1>${REASONS[status] ?? ''}</h1>\n${why}\n</body></html>\n`, 'Apache/2.4.62 (Unix)');
}

/** The cluster as the monitoring images see it (kube-state-metrics reads it, Prometheus holds its series). */
export interface ClusterView {
  reader: StateReader;
  now: number;
}

/** Each image's answer (the simulator says which paths it serves; the bodies are its own). */
export function page(container: RunningContainer, status: number, request: HttpRequest, pod: JsonObject, cluster?: ClusterView): HttpAnswer {
  const path = request.path.split('?')[0]!;
  const version = container.version;
  // A built image answers as the catalogue image it was built FROM.
  switch (container.image?.builtFrom?.name ?? container.image?.name) {
    case 'nginx':
      return staticFiles(container, '/usr/share/nginx/html', path, (code) => nginxErrorPage(code, `nginx/${version}`), `nginx/${version}`);
    case 'httpd':
      return staticFiles(container, '/usr/local/apache2/htdocs', path, apacheError, `Apache/${version} (Unix)`);
    case 'traefik/whoami': {
      const podIP = text(obj(pod.status).podIP);
      const extra = (request.extra ?? []).map(([name, value]) => `${name}: ${value}`);
      const lines = [`Hostname: ${container.hostname}`, 'IP: 127.0.0.1', 'IP: ::1', `IP: ${podIP}`, `RemoteAddr: ${request.remote}`, `${request.method} ${request.path} HTTP/1.1`, `Host: ${request.host}`, `User-Agent: ${request.userAgent}`, 'Accept: */*', ...extra];
      return plain(200, `${lines.join('\n')}\n\n`);
    }
    case 'hashicorp/http-echo':
      return plain(200, `${flag(container.argv.slice(1), 'text') ?? container.env.ECHO_TEXT ?? ''}\n`);
    case 'gcr.io/google-samples/hello-app':
      return plain(200, `Hello, world!\nVersion: ${version.split('.').length === 2 ? `${version}.0` : version}\nHostname: ${container.hostname}\n`);
    case 'registry.k8s.io/hpa-example':
      return status === 200 ? html(200, 'OK!') : apacheError(404);
    case 'registry.k8s.io/kube-state-metrics/kube-state-metrics':
      if (path === '/metrics' && cluster) return { status: 200, headers: { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }, body: kubeStateMetricsText(cluster.reader) };
      if (path === '/healthz' || path === '/livez' || path === '/readyz') return plain(200, 'OK');
      return status === 200 ? html(200, '<html>\n<head><title>Kube Metrics Server</title></head>\n<body>\n<h1>Kube Metrics</h1>\n<ul>\n<li><a href=\'/metrics\'>metrics</a></li>\n<li><a href=\'/healthz\'>healthz</a></li>\n</ul>\n</body>\n</html>\n') : plain(404, '404 page not found\n');
    case 'prom/prometheus': {
      const answer = cluster && prometheusAnswer(cluster.reader, cluster.now, request.path);
      if (answer) return { status: answer.status, headers: { 'Content-Type': answer.contentType }, body: answer.body };
      if (path === '/') return found('/graph');
      if (path === '/-/ready') return plain(200, 'Prometheus Server is Ready.\n');
      if (path === '/-/healthy') return plain(200, 'Prometheus Server is Healthy.\n');
      if (path === '/metrics') return plain(200, '# HELP prometheus_build_info A metric with a constant \'1\' value.\n# TYPE prometheus_build_info gauge\nprometheus_build_info{version="' + version + '"} 1\n');
      return status === 200 ? html(200, '<!doctype html><html lang="en"><head><title>Prometheus Time Series Collection and Processing Server</title></head><body></body></html>\n') : plain(404, '404 page not found\n');
    }
    case 'grafana/grafana':
      if (path === '/') return found('/login');
      if (path === '/api/health') return { status: 200, headers: { 'Content-Type': 'application/json' }, body: `{\n  "database": "ok",\n  "version": "${version}"\n}` };
      return status === 200 ? html(200, '<!DOCTYPE html>\n<html lang="en"><head><title>Grafana</title></head><body></body></html>\n') : plain(404, '404 page not found\n');
    case 'python': {
      const entries = [...container.files().directories].filter((dir) => dir !== '/' && !dir.slice(1).includes('/')).map((dir) => `${dir.slice(1)}/`);
      const items = entries.sort().map((entry) => `<li><a href="${entry}">${entry}</a></li>`).join('\n');
      return html(200, `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n${items}\n</ul>\n<hr>\n</body>\n</html>\n`, `SimpleHTTP/0.6 Python/${version}`);
    }
    default:
      return status === 200 ? plain(200, 'OK\n') : plain(status, '404 page not found\n');
  }
}
