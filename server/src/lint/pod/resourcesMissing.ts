/**
 * `resources-missing`: a container without cpu and memory requests and limits (kube-score's
 * `container-resources`, Polaris' `cpuRequestsMissing`… in one finding per container).
 */
import type { LintFinding, LintRule } from '../rule';
import { allContainers, containerPhrase, existingPath, isObject, WORKLOAD_KINDS, type ContainerAt } from './podSpecs';

const RESOURCES = ['cpu', 'memory'] as const;
type Section = 'requests' | 'limits';

interface Missing {
  sections: Section[];
  /** `requests.cpu`, `limits.memory`… */
  fields: string[];
}

function missingOf(container: ContainerAt): Missing {
  const resources = isObject(container.container.resources) ? container.container.resources : {};
  const requests = isObject(resources.requests) ? resources.requests : {};
  const limits = isObject(resources.limits) ? resources.limits : {};
  const fields: string[] = [];
  for (const resource of RESOURCES) {
    // Mirrors the API server's defaulting: a request left out takes the value of its limit.
    if (requests[resource] == null && limits[resource] == null) fields.push(`requests.${resource}`);
  }
  for (const resource of RESOURCES) if (limits[resource] == null) fields.push(`limits.${resource}`);
  const sections = (['requests', 'limits'] as const).filter((section) => fields.some((field) => field.startsWith(`${section}.`)));
  return { sections, fields };
}

function listed(missing: Missing, section: Section): string {
  const names = missing.fields.filter((field) => field.startsWith(`${section}.`)).map((field) => field.slice(section.length + 1));
  return `\`resources.${section}\` (${names.join(', ')})`;
}

function message(container: ContainerAt, missing: Missing): string {
  const what = `Il manque au ${containerPhrase(container)} ${missing.sections.map((section) => listed(missing, section)).join(' et ')}.`;
  const why: string[] = [];
  if (missing.sections.includes('requests')) {
    why.push("Les requests disent au scheduler ce que le conteneur réserve : sans elles, il place le Pod sans savoir s'il tient sur le nœud.");
  }
  if (missing.sections.includes('limits')) {
    why.push(
      "Sans limits, le conteneur peut prendre la mémoire et le CPU de ses voisins ; avec une limite de mémoire, c'est lui qui est arrêté (OOMKilled) s'il la dépasse.",
    );
  }
  why.push(
    "Tant que cpu et memory n'ont pas de requests et de limits, le Pod n'est pas en classe QoS Guaranteed ; sans rien du tout, il est BestEffort, le premier expulsé quand le nœud manque de mémoire.",
  );
  const todo = 'Ajoute-les, par exemple requests `cpu: 100m`, `memory: 128Mi` et limits `memory: 128Mi`, `cpu: 500m`.';
  return [what, ...why, todo].join(' ');
}

export const resourcesMissing: LintRule = {
  id: 'resources-missing',
  severity: 'warning',
  chapter: 'avance',
  kinds: WORKLOAD_KINDS,
  description: "Signale un conteneur sans requests ni limits de cpu et de memory, que le scheduler ne sait pas placer et qu'aucune limite ne borne.",
  check(object, context) {
    const findings: LintFinding[] = [];
    // Ephemeral containers cannot have resources: the API server rejects them.
    for (const container of allContainers(object, context.info.kind, ['initContainers', 'containers'])) {
      const missing = missingOf(container);
      if (missing.sections.length === 0) continue;
      const target = [...container.path, 'resources', ...(missing.sections.length === 1 ? missing.sections : [])];
      findings.push({
        path: existingPath(object, target),
        message: message(container, missing),
        fix: { container: container.path, missing: missing.sections, fields: missing.fields },
      });
    }
    return findings;
  },
};
