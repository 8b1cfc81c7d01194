/**
 * `service-selector-no-match`: a Service whose selector matches the Pods of no known
 * workload. The API server accepts it; the Service simply has no endpoints, and every
 * connection to it fails. The commonest cause is a selector copied from the Deployment's
 * own labels, or a one-letter difference with the Pod template's.
 */
import type { LintFinding, LintRule } from '../rule';
import { knownWorkloads, selects, type Workload } from './podTemplates';
import { describe, formatLabels, labelMap, obj, type Obj } from './objects';

/** The Service's selector, when it has one that the endpoints controller uses. */
export function serviceSelector(object: Obj): Record<string, string> | undefined {
  const spec = obj(object.spec);
  if (!spec || spec.type === 'ExternalName') return undefined;
  const selector = labelMap(spec.selector);
  // No selector: the endpoints are managed by hand (or by another controller).
  return selector && Object.keys(selector).length > 0 ? selector : undefined;
}

/** The workloads whose Pods the selector picks. */
export function selectedWorkloads(selector: Readonly<Record<string, string>>, workloads: readonly Workload[]): Workload[] {
  return workloads.filter((workload) => selects(selector, workload.template.labels));
}

function score(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): [number, number] {
  const entries = Object.entries(selector);
  return [entries.filter(([key, value]) => labels[key] === value).length, entries.filter(([key]) => key in labels).length];
}

/** Workloads with Pod labels, most similar to the selector first, one per label map. */
function nearest(selector: Readonly<Record<string, string>>, workloads: readonly Workload[], limit = 5): Workload[] {
  const ranked = workloads
    .filter((workload) => Object.keys(workload.template.labels).length > 0)
    .map((workload) => ({ workload, score: score(selector, workload.template.labels) }))
    // Stable sort: on a tie, Deployments come before the ReplicaSets they own (WORKLOAD_KINDS order).
    .sort((a, b) => b.score[0] - a.score[0] || b.score[1] - a.score[1]);
  const seen = new Set<string>();
  const out: Workload[] = [];
  for (const { workload } of ranked) {
    const key = JSON.stringify(Object.entries(workload.template.labels).sort());
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(workload);
    if (out.length === limit) break;
  }
  return out;
}

/** Why the learner may have believed it matched: labels on the workload itself, or another namespace. */
function nearMiss(selector: Readonly<Record<string, string>>, context: Parameters<LintRule['check']>[1]): string {
  for (const workload of knownWorkloads(context.resources, context.namespace)) {
    if (workload.resource.kind === 'Pod') continue;
    const own = labelMap(obj(obj(workload.resource.object)?.metadata)?.labels) ?? {};
    if (selects(selector, own)) {
      return ` Le ${describe(workload.resource)} porte ces labels sur lui-même, mais pas ses Pods : c'est \`spec.template.metadata.labels\` qui compte.`;
    }
  }
  if (context.namespace === undefined) return '';
  for (const workload of knownWorkloads(context.resources, undefined)) {
    if (workload.resource.namespace !== undefined && workload.resource.namespace !== context.namespace && selects(selector, workload.template.labels)) {
      return ` Les Pods du ${describe(workload.resource)} ont ces labels, mais dans le namespace ${workload.resource.namespace} : un Service ne sélectionne que les Pods de son propre namespace.`;
    }
  }
  return '';
}

export const serviceSelectorNoMatch: LintRule = {
  id: 'service-selector-no-match',
  severity: 'warning',
  chapter: 'ressources',
  kinds: ['Service'],
  description: "Signale un Service dont le selector ne correspond aux labels des Pods d'aucun Deployment, StatefulSet, DaemonSet, Job ou Pod connu du même namespace.",
  check(object, context): LintFinding[] {
    const selector = serviceSelector(object);
    if (!selector) return [];
    const workloads = knownWorkloads(context.resources, context.namespace);
    if (selectedWorkloads(selector, workloads).length > 0) return [];
    const candidates = nearest(selector, workloads);
    let message =
      `Ce Service ne sélectionne aucun Pod : ni les modèles de Pod des Deployments, StatefulSets, DaemonSets et Jobs connus ` +
      `(espace de travail et cluster simulé), ni les Pods eux-mêmes n'ont les labels ${formatLabels(selector)}. ` +
      `Sans Pod sélectionné, le Service n'a pas d'endpoints et les connexions vers lui échouent.${nearMiss(selector, context)}`;
    const best = candidates[0];
    if (best) message += ` Le plus proche : ${describe(best.resource)}, dont les Pods ont ${formatLabels(best.template.labels)}.`;
    return [
      {
        path: ['spec', 'selector'],
        message,
        fix: {
          selector,
          candidates: candidates.map((candidate) => candidate.template.labels),
          sources: candidates.map((candidate) => `${candidate.resource.kind}/${candidate.resource.name}`),
        },
      },
    ];
  },
};
