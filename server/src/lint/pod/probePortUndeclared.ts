/**
 * `probe-port-undeclared`: a probe aimed at a port the container does not declare. A named
 * port the container lacks makes the kubelet fail the probe ("couldn't find port"); a number
 * still gets probed, but an undeclared one is most often a typo (kube-linter's
 * `liveness-port` / `readiness-port` / `startup-port`).
 */
import { distance } from 'fastest-levenshtein';
import type { LintFinding, LintRule } from '../rule';
import { allContainers, containerPhrase, isObject, isSidecar, WORKLOAD_KINDS, type ContainerAt } from './podSpecs';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'] as const;
type Probe = (typeof PROBES)[number];
const HANDLERS = ['httpGet', 'tcpSocket', 'grpc'] as const;

const IF_IT_FAILS: Record<Probe, string> = {
  readinessProbe: 'le Pod ne sera jamais prêt (aucun trafic ne lui arrivera)',
  livenessProbe: 'le kubelet redémarrera le conteneur en boucle',
  startupProbe: 'le kubelet redémarrera le conteneur en boucle',
};

interface Declared {
  names: string[];
  numbers: number[];
  /** `8080 (http)`, for the message. */
  labels: string[];
}

function declaredPorts(container: ContainerAt): Declared {
  const declared: Declared = { names: [], numbers: [], labels: [] };
  for (const port of Array.isArray(container.container.ports) ? container.container.ports.filter(isObject) : []) {
    const name = typeof port.name === 'string' && port.name !== '' ? port.name : undefined;
    const number = typeof port.containerPort === 'number' ? port.containerPort : undefined;
    if (name !== undefined) declared.names.push(name);
    if (number !== undefined) declared.numbers.push(number);
    if (name !== undefined || number !== undefined) declared.labels.push([number, name && `(${name})`].filter((part) => part !== undefined).join(' '));
  }
  return declared;
}

/** The port a probe handler aims at; a numeric string is still a number to the learner (and an invalid name to the API). */
function portOf(raw: unknown): string | number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string' || raw === '') return undefined;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function isDeclared(port: string | number, declared: Declared): boolean {
  return typeof port === 'string' ? declared.names.includes(port) : declared.numbers.includes(port);
}

/** The declared port the learner most likely meant: a close name or number, or the only one. */
function suggestion(port: string | number, candidates: (string | number)[]): string | number | undefined {
  const close = candidates.filter((candidate) => distance(String(candidate), String(port)) <= 2);
  if (close.length === 1) return close[0];
  return candidates.length === 1 ? candidates[0] : undefined;
}

function message(container: ContainerAt, probe: Probe, port: string | number, declared: Declared, suggested: string | number | undefined): string {
  const owner = `La ${probe} du ${containerPhrase(container)}`;
  const listedPorts = declared.labels.length === 0 ? 'Ce conteneur ne déclare aucun port.' : `Ports déclarés : ${declared.labels.join(', ')}.`;
  const hint = suggested !== undefined ? ` Voulais-tu dire « ${suggested} » ?` : '';
  if (typeof port === 'string') {
    return (
      `${owner} vise le port nommé « ${port} », mais aucun port de ce conteneur ne porte ce nom : ` +
      `le kubelet ne peut pas le résoudre, la sonde échoue et ${IF_IT_FAILS[probe]}. ${listedPorts}${hint}`
    );
  }
  return (
    `${owner} vise le port ${port}, qu'aucun \`containerPort\` de ce conteneur ne déclare. ` +
    `Si l'application n'écoute pas sur ce port, la sonde échoue et ${IF_IT_FAILS[probe]}. ${listedPorts}${hint} ` +
    `Si c'est bien le bon port, déclare-le dans \`ports\` (containerPort: ${port}) : c'est sa documentation.`
  );
}

export const probePortUndeclared: LintRule = {
  id: 'probe-port-undeclared',
  severity: 'warning',
  chapter: 'avance',
  kinds: WORKLOAD_KINDS,
  description: "Signale une sonde (probe) qui vise un port, par numéro ou par nom, qu'aucun containerPort du conteneur ne déclare.",
  check(object, context) {
    const findings: LintFinding[] = [];
    for (const container of allContainers(object, context.info.kind, ['initContainers', 'containers'])) {
      // Only sidecars among init containers may have probes.
      if (container.list === 'initContainers' && !isSidecar(container)) continue;
      const declared = declaredPorts(container);
      for (const probe of PROBES) {
        const spec = container.container[probe];
        if (!isObject(spec)) continue;
        for (const handler of HANDLERS) {
          const action = spec[handler];
          if (!isObject(action)) continue;
          const port = portOf(action.port);
          if (port === undefined || isDeclared(port, declared)) continue;
          const suggestedPort = suggestion(port, typeof port === 'string' ? declared.names : declared.numbers);
          findings.push({
            path: [...container.path, probe, handler, 'port'],
            message: message(container, probe, port, declared, suggestedPort),
            fix: {
              container: container.path,
              probe,
              handler,
              port,
              ...(suggestedPort !== undefined ? { suggestedPort } : {}),
              declaredPorts: { names: declared.names, numbers: declared.numbers },
            },
          });
        }
      }
    }
    return findings;
  },
};
