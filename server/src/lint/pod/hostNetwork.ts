/**
 * `host-network`: a Pod that shares the node's network, processes or IPC
 * (kube-linter's `host-network`, `host-pid`, `host-ipc`; Polaris' `hostNetworkSet`…).
 */
import type { LintFinding, LintRule } from '../rule';
import { podSpecsOf, WORKLOAD_KINDS } from './podSpecs';

const FIELDS = {
  hostNetwork:
    "Le Pod partage le réseau du nœud (`hostNetwork: true`) : il écoute directement sur les interfaces du nœud, ses ports peuvent entrer en conflit avec ceux du nœud et des autres Pods, et il voit le trafic du nœud. Pour exposer une application, utilise un Service.",
  hostPID:
    "Le Pod voit tous les processus du nœud (`hostPID: true`) : il peut lire leurs variables d'environnement (souvent des mots de passe) et, avec assez de droits, les arrêter ou s'y attacher. Retire ce réglage.",
  hostIPC:
    "Le Pod partage la mémoire partagée (IPC) du nœud (`hostIPC: true`) : il peut lire ou modifier ce que s'échangent les autres processus du nœud. Retire ce réglage.",
} as const;

export const hostNetwork: LintRule = {
  id: 'host-network',
  severity: 'warning',
  chapter: 'quotidien',
  kinds: WORKLOAD_KINDS,
  description: 'Signale un Pod qui partage le réseau, les processus ou la mémoire partagée du nœud (hostNetwork, hostPID, hostIPC).',
  check(object, context) {
    const findings: LintFinding[] = [];
    for (const pod of podSpecsOf(object, context.info.kind)) {
      for (const [field, message] of Object.entries(FIELDS)) {
        if (pod.spec[field] === true) findings.push({ path: [...pod.path, field], message, fix: { field } });
      }
    }
    return findings;
  },
};
