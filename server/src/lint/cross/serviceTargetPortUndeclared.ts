/**
 * `service-target-port-undeclared`: a Service port whose targetPort no container of the
 * selected Pods declares. A named targetPort that no container names leaves the Service
 * without endpoints for that port; a number that no container declares is legal (the
 * declaration is informative) but is most often the wrong port: the container listens on
 * the one it declares.
 */
import type { LintFinding, LintRule } from '../rule';
import { containersOf, knownWorkloads, type Workload } from './podTemplates';
import { selectedWorkloads, serviceSelector } from './serviceSelectorNoMatch';
import { describe, isObj, list, obj, text } from './objects';

interface DeclaredPort {
  container: string;
  name?: string;
  containerPort: number;
  protocol: string;
}

function declaredPorts(workloads: readonly Workload[]): DeclaredPort[] {
  const out: DeclaredPort[] = [];
  for (const workload of workloads) {
    for (const { container, list: kind, name } of containersOf(workload.template, ['containers', 'initContainers'])) {
      // Only sidecars (restartable init containers) keep running and can serve traffic.
      if (kind === 'initContainers' && container.restartPolicy !== 'Always') continue;
      for (const port of list(container.ports)) {
        if (!isObj(port) || typeof port.containerPort !== 'number') continue;
        out.push({ container: name, name: text(port.name), containerPort: port.containerPort, protocol: text(port.protocol) ?? 'TCP' });
      }
    }
  }
  return out;
}

function formatPort(port: DeclaredPort): string {
  return `${port.containerPort}${port.name ? ` \`${port.name}\`` : ''} (conteneur \`${port.container}\`)`;
}

function declaredList(ports: readonly DeclaredPort[]): string {
  return `Ports déclarés : ${ports.map(formatPort).join(', ')}.`;
}

function message(target: number | string, implicit: boolean, ports: readonly DeclaredPort[], selected: readonly Workload[]): string {
  const pods = `Aucun conteneur des Pods sélectionnés (${selected.map((workload) => describe(workload.resource)).join(', ')})`;
  const origin = implicit ? ' Sans `targetPort`, le Service vise le même numéro que `port`.' : '';
  if (typeof target === 'string') {
    return (
      `${pods} ne déclare de port nommé \`${target}\` : le Service ne sait pas vers quel port envoyer le trafic, ` +
      `ses endpoints restent vides pour ce port et les connexions échouent. ${ports.length > 0 ? `${declaredList(ports)} ` : ''}` +
      'Nomme le port dans `containers[].ports[].name`, ou mets ici son numéro.'
    );
  }
  if (ports.length === 0) {
    return (
      `${pods} ne déclare de port : rien ne confirme que l'application écoute sur ${target}.${origin} ` +
      `Le trafic y sera envoyé quand même ; déclare \`containerPort: ${target}\` dans le conteneur pour documenter le Pod et pouvoir viser le port par son nom.`
    );
  }
  return (
    `${pods} ne déclare le port ${target}. ${declaredList(ports)}${origin} ` +
    `Le Service enverra le trafic au port ${target} des Pods : si l'application écoute sur un port déclaré, les connexions seront refusées. ` +
    `Si elle écoute bien sur ${target}, déclare-le dans \`ports\` du conteneur.`
  );
}

export const serviceTargetPortUndeclared: LintRule = {
  id: 'service-target-port-undeclared',
  severity: 'warning',
  chapter: 'ressources',
  kinds: ['Service'],
  description: "Signale un port de Service dont le targetPort (numéro ou nom) n'est déclaré par aucun conteneur des Pods que le Service sélectionne.",
  check(object, context): LintFinding[] {
    const selector = serviceSelector(object);
    if (!selector) return [];
    const selected = selectedWorkloads(selector, knownWorkloads(context.resources, context.namespace));
    // With no Pod selected, `service-selector-no-match` says what matters.
    if (selected.length === 0) return [];
    const ports = declaredPorts(selected);
    const findings: LintFinding[] = [];
    list(obj(object.spec)?.ports).forEach((port, index) => {
      if (!isObj(port)) return;
      const implicit = port.targetPort === undefined || port.targetPort === null;
      const target = implicit ? port.port : port.targetPort;
      if (typeof target !== 'number' && (typeof target !== 'string' || target === '')) return;
      const protocol = text(port.protocol) ?? 'TCP';
      const declared = ports.some(
        (declaredPort) => declaredPort.protocol === protocol && (typeof target === 'number' ? declaredPort.containerPort === target : declaredPort.name === target),
      );
      if (declared) return;
      findings.push({
        path: ['spec', 'ports', index, implicit ? 'port' : 'targetPort'],
        message: message(target, implicit, ports, selected),
        fix: { targetPort: target, declared: ports.map(({ name, containerPort, protocol: portProtocol }) => ({ name, containerPort, protocol: portProtocol })) },
      });
    });
    return findings;
  },
};
