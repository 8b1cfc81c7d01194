/**
 * `probes-missing`: a container meant to run for good (a Pod that restarts, a Deployment,
 * a StatefulSet, a DaemonSet…) without readinessProbe or livenessProbe. A Job's containers
 * are expected to finish, so they are left alone (kube-linter's `no-readiness-probe`,
 * `no-liveness-probe` skip them the same way).
 */
import type { LintFinding, LintRule } from '../rule';
import { containerPhrase, containersOf, isObject, LONG_RUNNING_KINDS, podSpecsOf, type ContainerAt } from './podSpecs';

const PROBES = ['readinessProbe', 'livenessProbe'] as const;
type Probe = (typeof PROBES)[number];

const WHY: Record<Probe, string> = {
  readinessProbe:
    "Sans readinessProbe, le Pod est déclaré prêt dès que le conteneur démarre : un Service lui envoie du trafic avant que l'application réponde, et une mise à jour progressive supprime les anciens Pods sans vérifier que les nouveaux fonctionnent.",
  livenessProbe:
    "Sans livenessProbe, le kubelet ne redémarre le conteneur que si son processus s'arrête : une application bloquée (interblocage, boucle sans fin) reste en place sans rien servir.",
};

function message(container: ContainerAt, missing: Probe[]): string {
  const what =
    missing.length === 2
      ? `Le ${containerPhrase(container)} n'a ni readinessProbe ni livenessProbe.`
      : `Le ${containerPhrase(container)} n'a pas de ${missing[0]}.`;
  const todo = "Ajoute-en une : httpGet sur une route de santé de l'application, tcpSocket sur son port, ou exec d'une commande de vérification.";
  return [what, ...missing.map((probe) => WHY[probe]), todo].join(' ');
}

/** The first declared port, for a quick fix that writes a probe. */
function firstPort(container: ContainerAt): number | string | undefined {
  const ports = container.container.ports;
  const first: unknown = Array.isArray(ports) ? ports[0] : undefined;
  if (!isObject(first)) return undefined;
  if (typeof first.name === 'string' && first.name !== '') return first.name;
  return typeof first.containerPort === 'number' ? first.containerPort : undefined;
}

export const probesMissing: LintRule = {
  id: 'probes-missing',
  severity: 'information',
  chapter: 'avance',
  kinds: LONG_RUNNING_KINDS,
  description: "Signale un conteneur qui tourne en continu sans readinessProbe ni livenessProbe : Kubernetes ne sait ni s'il est prêt, ni s'il est bloqué.",
  check(object, context) {
    const findings: LintFinding[] = [];
    for (const pod of podSpecsOf(object, context.info.kind)) {
      if (!pod.longRunning) continue;
      for (const container of containersOf(pod, ['containers'])) {
        const missing = PROBES.filter((probe) => container.container[probe] == null);
        if (missing.length === 0) continue;
        const port = firstPort(container);
        findings.push({
          path: container.path,
          message: message(container, missing),
          fix: { container: container.path, missing, ...(port !== undefined ? { port } : {}) },
        });
      }
    }
    return findings;
  },
};
