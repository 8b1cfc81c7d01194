/**
 * `ingress-backend-unknown`: an Ingress backend naming a Service that no file and no
 * cluster object declares, or a port that Service does not expose. The Ingress controller
 * answers 503 for those paths. A classic mix-up: the backend names the container's port
 * (the Service's targetPort) instead of the Service's own `port`.
 */
import type { KnownResource } from '../../workspace/resources';
import type { LintContext, LintFinding, LintRule } from '../rule';
import { closestNames, didYouMean, isObj, list, obj, text, type Obj, type Path } from './objects';

interface Backend {
  service: Obj;
  /** Path of the `service` object. */
  path: Path;
}

function backendsOf(object: Obj): Backend[] {
  const spec = obj(object.spec);
  if (!spec) return [];
  const out: Backend[] = [];
  const add = (backend: unknown, path: Path): void => {
    const service = obj(obj(backend)?.service);
    if (service) out.push({ service, path: [...path, 'service'] });
  };
  add(spec.defaultBackend, ['spec', 'defaultBackend']);
  list(spec.rules).forEach((rule, ruleIndex) => {
    list(obj(obj(rule)?.http)?.paths).forEach((path, pathIndex) => {
      add(obj(path)?.backend, ['spec', 'rules', ruleIndex, 'http', 'paths', pathIndex, 'backend']);
    });
  });
  return out;
}

interface ServicePort {
  name?: string;
  port: number;
  targetPort?: number | string;
}

function portsOf(service: KnownResource): ServicePort[] {
  return list(obj(obj(service.object)?.spec)?.ports).flatMap((port) => {
    if (!isObj(port) || typeof port.port !== 'number') return [];
    const targetPort = typeof port.targetPort === 'number' || typeof port.targetPort === 'string' ? port.targetPort : undefined;
    return [{ name: text(port.name), port: port.port, targetPort }];
  });
}

function formatPorts(ports: readonly ServicePort[]): string {
  return ports.map((port) => (port.name ? `${port.port} (\`${port.name}\`)` : String(port.port))).join(', ');
}

function unknownService(name: string, backend: Backend, context: LintContext): LintFinding {
  const candidates = closestNames(
    name,
    context.resources.list('Service', context.namespace).map((service) => service.name),
  );
  return {
    path: [...backend.path, 'name'],
    message:
      `Aucun Service « ${name} » n'est connu dans ce namespace (ni dans l'espace de travail ni dans le cluster simulé) : ` +
      `le contrôleur d'Ingress répondra 503 (Service Temporarily Unavailable) pour ce chemin. ` +
      `Un Ingress ne peut viser qu'un Service de son propre namespace.${didYouMean(candidates)}`,
    fix: { service: name, candidates },
  };
}

function unknownPort(name: string, backend: Backend, services: readonly KnownResource[]): LintFinding | undefined {
  const port = obj(backend.service.port);
  if (!port) return undefined;
  const ports = services.flatMap(portsOf);
  // A Service without ports (ExternalName, or being written) cannot be judged.
  if (ports.length === 0) return undefined;
  const number = typeof port.number === 'number' ? port.number : undefined;
  const portName = text(port.name);
  if (number === undefined && portName === undefined) return undefined;
  if (ports.some((servicePort) => (number !== undefined ? servicePort.port === number : servicePort.name === portName))) return undefined;
  const wanted = number !== undefined ? String(number) : `nommé \`${portName}\``;
  let message = `Le Service « ${name} » n'expose pas le port ${wanted} : ${ports.length === 1 ? 'son port est' : 'ses ports sont'} ${formatPorts(ports)}. Le contrôleur d'Ingress répondra 503 pour ce chemin.`;
  if (number !== undefined && ports.some((servicePort) => servicePort.targetPort === number)) {
    message += ` ${number} est le \`targetPort\` du Service (le port du conteneur) : l'Ingress, lui, vise le \`port\` du Service.`;
  }
  return {
    path: [...backend.path, 'port', number !== undefined ? 'number' : 'name'],
    message,
    fix: { service: name, port: number ?? portName, ports: ports.map((servicePort) => ({ name: servicePort.name, number: servicePort.port })) },
  };
}

export const ingressBackendUnknown: LintRule = {
  id: 'ingress-backend-unknown',
  severity: 'warning',
  chapter: 'avance',
  kinds: ['Ingress'],
  description: "Signale un backend d'Ingress qui vise un Service inconnu, ou un port que ce Service n'expose pas.",
  check(object, context): LintFinding[] {
    const findings: LintFinding[] = [];
    for (const backend of backendsOf(object)) {
      const name = text(backend.service.name);
      if (!name) continue;
      const services = context.resources.list('Service', context.namespace).filter((service) => service.name === name);
      const finding = services.length === 0 ? unknownService(name, backend, context) : unknownPort(name, backend, services);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};
