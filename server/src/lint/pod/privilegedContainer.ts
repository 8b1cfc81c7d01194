/**
 * `privileged-container`: a container with more power than an application needs:
 * `privileged: true`, `allowPrivilegeEscalation: true`, or a dangerous capability added
 * (kube-linter's `privileged-container` and `privilege-escalation-container`, Polaris'
 * `dangerousCapabilities`).
 */
import type { LintFinding, LintRule } from '../rule';
import { allContainers, containerPhrase, isObject, WORKLOAD_KINDS } from './podSpecs';

/** Capabilities that, alone, give a container most of the node. */
const DANGEROUS: Readonly<Record<string, string>> = {
  SYS_ADMIN: "SYS_ADMIN est presque l'équivalent de root : monter des systèmes de fichiers, changer d'espace de noms, et souvent sortir du conteneur",
  NET_ADMIN: 'NET_ADMIN permet de reconfigurer le réseau (interfaces, routes, règles iptables) et de détourner le trafic des autres',
  ALL: 'ALL donne toutes les capabilities Linux à la fois, autant dire les droits de root',
};

function privileged(phrase: string): string {
  return (
    `Le ${phrase} est privilégié (\`privileged: true\`) : il voit tous les périphériques du nœud et y a presque tous les droits de root. ` +
    "Une faille dans l'application devient alors une prise de contrôle du nœud. " +
    "Retire ce réglage ; si le conteneur a besoin d'un droit précis, ajoute seulement la capability correspondante dans `capabilities.add`."
  );
}

function escalation(phrase: string): string {
  return (
    `Le ${phrase} autorise l'élévation de privilèges (\`allowPrivilegeEscalation: true\`) : un de ses processus peut obtenir plus de droits que son parent, ` +
    "par exemple grâce à un programme setuid comme sudo. Une application n'en a presque jamais besoin : mets `allowPrivilegeEscalation: false`."
  );
}

function capability(phrase: string, name: string): string {
  return (
    `Le ${phrase} ajoute la capability ${name}. ${DANGEROUS[name]}. ` +
    "Retire-la, ou remplace-la par la capability précise dont l'application a besoin (par exemple NET_BIND_SERVICE pour écouter sur un port inférieur à 1024)."
  );
}

export const privilegedContainer: LintRule = {
  id: 'privileged-container',
  severity: 'warning',
  chapter: 'quotidien',
  kinds: WORKLOAD_KINDS,
  description: "Signale un conteneur privilégié, qui autorise l'élévation de privilèges ou qui ajoute une capability dangereuse (SYS_ADMIN, NET_ADMIN, ALL).",
  check(object, context) {
    const findings: LintFinding[] = [];
    for (const container of allContainers(object, context.info.kind)) {
      const security = container.container.securityContext;
      if (!isObject(security)) continue;
      const at = [...container.path, 'securityContext'];
      const phrase = containerPhrase(container);
      if (security.privileged === true) {
        findings.push({ path: [...at, 'privileged'], message: privileged(phrase), fix: { container: container.path, field: 'privileged' } });
      }
      if (security.allowPrivilegeEscalation === true) {
        findings.push({
          path: [...at, 'allowPrivilegeEscalation'],
          message: escalation(phrase),
          fix: { container: container.path, field: 'allowPrivilegeEscalation' },
        });
      }
      const added = isObject(security.capabilities) ? security.capabilities.add : undefined;
      if (!Array.isArray(added)) continue;
      added.forEach((value: unknown, index) => {
        // `CAP_SYS_ADMIN` is the same capability under its Linux name.
        const name = typeof value === 'string' ? value.toUpperCase().replace(/^CAP_/, '') : '';
        if (!Object.hasOwn(DANGEROUS, name)) return;
        findings.push({
          path: [...at, 'capabilities', 'add', index],
          message: capability(phrase, name),
          fix: { container: container.path, field: 'capabilities.add', capability: value as string, index },
        });
      });
    }
    return findings;
  },
};
