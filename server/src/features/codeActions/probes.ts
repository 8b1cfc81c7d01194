/**
 * `probes-missing`: writes a readinessProbe (httpGet on `/`, or tcpSocket for a server that
 * does not speak HTTP) and a livenessProbe (tcpSocket, deliberately lighter than readiness:
 * a liveness probe that fails when a dependency is slow restarts healthy containers).
 * Without a declared port there is nothing sensible to probe: no fix.
 */
import type { CodeAction } from 'vscode-languageserver';
import { hubName, parseImage } from '../../lint/pod/images';
import { documentFix, fixPath, fixStrings, valueAt, type FixContext } from './action';
import { mergeEdits, type Patch } from './yamlEdits';

// Databases and caches of the course answer TCP, not HTTP: an httpGet on them never succeeds.
const TCP_IMAGES = new Set(['redis', 'postgres', 'mysql', 'mariadb', 'mongo', 'memcached', 'rabbitmq']);
const TCP_PORTS = new Set([3306, 5432, 6379, 11211, 27017, 5672]);

function speaksHttp(port: number | string, image: unknown): boolean {
  if (typeof image === 'string' && TCP_IMAGES.has(hubName(parseImage(image).repository))) return false;
  if (typeof port === 'number') return !TCP_PORTS.has(port);
  return !/sql|redis|mongo|amqp|tcp|grpc|db/i.test(port);
}

function readiness(port: number | string, http: boolean): Patch {
  const check = http ? { httpGet: { path: '/', port } } : { tcpSocket: { port } };
  return { ...check, periodSeconds: 10 };
}

function liveness(port: number | string): Patch {
  return { tcpSocket: { port }, initialDelaySeconds: 15, periodSeconds: 20 };
}

export function addProbes(fix: FixContext): CodeAction[] {
  const container = fixPath(fix, 'container');
  const port = fix.data.fix?.port;
  if (!container || (typeof port !== 'number' && typeof port !== 'string')) return [];
  const missing = fixStrings(fix, 'missing');
  const http = speaksHttp(port, valueAt(fix, [...container, 'image']));
  const how = http ? `httpGet sur le port ${port}` : `tcpSocket sur le port ${port}`;
  const actions: CodeAction[] = [];
  if (missing.includes('readinessProbe') && missing.includes('livenessProbe')) {
    const both = { readinessProbe: readiness(port, http), livenessProbe: liveness(port) };
    actions.push(...documentFix(fix, 'Ajouter une readinessProbe et une livenessProbe (à ajuster)', mergeEdits(fix.document, container, both), true));
  }
  if (missing.includes('readinessProbe')) {
    const edits = mergeEdits(fix.document, container, { readinessProbe: readiness(port, http) });
    actions.push(...documentFix(fix, `Ajouter une readinessProbe (${how})`, edits, actions.length === 0));
  }
  if (missing.includes('livenessProbe') && !missing.includes('readinessProbe')) {
    const edits = mergeEdits(fix.document, container, { livenessProbe: liveness(port) });
    actions.push(...documentFix(fix, `Ajouter une livenessProbe (tcpSocket sur le port ${port})`, edits, true));
  }
  return actions;
}
