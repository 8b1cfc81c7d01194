/**
 * `host-path`: a volume that mounts a directory of the node (kube-linter's
 * `host-mounts`, Polaris' `hostPathSet`). The data stays on one node, and a writable
 * mount of the node's files is a way out of the container.
 */
import type { LintFinding, LintRule } from '../rule';
import { isObject, podSpecsOf, WORKLOAD_KINDS } from './podSpecs';

/** Mounts that hand over the whole node: its root, or the container runtime's socket. */
function takesTheNode(hostPath: string): boolean {
  return hostPath === '/' || /(docker|containerd|crio)\.sock$/.test(hostPath);
}

function message(name: string, hostPath: string, kind: string): string {
  const where = hostPath ? ` (« ${hostPath} »)` : '';
  const parts = [
    `Le volume « ${name} » est un hostPath${where} : le Pod lit et écrit directement dans les fichiers du nœud.`,
    "Les données restent sur ce nœud (le Pod ne les retrouve pas s'il est recréé ailleurs), et un conteneur qui écrit dans les fichiers du nœud peut en prendre le contrôle.",
  ];
  if (takesTheNode(hostPath)) parts.push(`Monter « ${hostPath} » donne à lui seul le contrôle complet du nœud.`);
  parts.push(
    kind === 'DaemonSet'
      ? "Un agent de DaemonSet (collecte de logs, supervision) en a parfois besoin : monte alors seulement ce qu'il lit, avec `readOnly: true`."
      : 'Pour garder des données, utilise un PersistentVolumeClaim ; pour de la configuration, une ConfigMap ou un Secret ; pour un espace de travail temporaire, emptyDir.',
  );
  return parts.join(' ');
}

export const hostPathVolume: LintRule = {
  id: 'host-path',
  severity: 'warning',
  chapter: 'quotidien',
  kinds: WORKLOAD_KINDS,
  description: 'Signale un volume hostPath, qui donne au Pod accès aux fichiers du nœud et lie ses données à ce nœud.',
  check(object, context) {
    const findings: LintFinding[] = [];
    for (const pod of podSpecsOf(object, context.info.kind)) {
      const volumes = pod.spec.volumes;
      if (!Array.isArray(volumes)) continue;
      volumes.forEach((volume: unknown, index) => {
        if (!isObject(volume) || !isObject(volume.hostPath)) return;
        const name = typeof volume.name === 'string' ? volume.name : `n° ${index + 1}`;
        const hostPath = typeof volume.hostPath.path === 'string' ? volume.hostPath.path : '';
        const at = [...pod.path, 'volumes', index];
        findings.push({
          path: [...at, 'hostPath'],
          message: message(name, hostPath, context.info.kind),
          fix: { volume: at, name, hostPath },
        });
      });
    }
    return findings;
  },
};
