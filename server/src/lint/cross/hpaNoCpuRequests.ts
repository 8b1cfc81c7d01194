/**
 * `hpa-no-cpu-requests`: an HPA that scales on CPU utilization while a container of its
 * target has no CPU request. Utilization is usage divided by request; without a request the
 * HPA controller cannot compute it (`missing request for cpu`), so it never scales.
 */
import type { KnownResource } from '../../workspace/resources';
import type { LintContext, LintFinding, LintRule } from '../rule';
import { containersOf, podTemplateOf, type PodTemplate } from './podTemplates';
import { describe, isObj, list, obj, text, type Obj, type Path } from './objects';

/** A CPU-utilization metric of the HPA: where it is, and which containers it measures. */
interface CpuMetric {
  path: Path;
  /** One container (a ContainerResource metric), or all of them. */
  container?: string;
  /** True for the metric the API server adds when `metrics` is empty. */
  implicit: boolean;
}

function cpuMetrics(object: Obj, apiVersion: string): CpuMetric[] {
  const spec = obj(object.spec);
  if (!spec) return [];
  if (apiVersion === 'autoscaling/v1') {
    // v1 knows one metric only: CPU utilization, 80 % when not given.
    const explicit = spec.targetCPUUtilizationPercentage !== undefined;
    return [{ path: ['spec', explicit ? 'targetCPUUtilizationPercentage' : 'scaleTargetRef'], implicit: !explicit }];
  }
  const metrics = list(spec.metrics);
  // Mirrors the autoscaling/v2 defaulting: no metrics means 80 % average CPU utilization.
  if (metrics.length === 0) return [{ path: ['spec', 'scaleTargetRef'], implicit: true }];
  const out: CpuMetric[] = [];
  metrics.forEach((metric, index) => {
    if (!isObj(metric)) return;
    const field = metric.type === 'Resource' ? 'resource' : metric.type === 'ContainerResource' ? 'containerResource' : undefined;
    const source = field ? obj(metric[field]) : undefined;
    if (!field || !source || source.name !== 'cpu' || obj(source.target)?.type !== 'Utilization') return;
    const container = field === 'containerResource' ? text(source.container) : undefined;
    if (field === 'containerResource' && !container) return;
    out.push({ path: ['spec', 'metrics', index, field, 'name'], container, implicit: false });
  });
  return out;
}

function target(object: Obj, context: LintContext): { resource: KnownResource; template: PodTemplate } | undefined {
  const ref = obj(obj(object.spec)?.scaleTargetRef);
  const kind = text(ref?.kind);
  const name = text(ref?.name);
  if (!kind || !name) return undefined;
  const found = context.resources
    .list(kind, context.namespace)
    .filter((resource) => resource.name === name)
    .sort((a, b) => (a.source === b.source ? 0 : a.source === 'workspace' ? -1 : 1));
  for (const resource of found) {
    const template = podTemplateOf(resource.object);
    if (template) return { resource, template };
  }
  return undefined;
}

function hasCpuRequest(container: Obj): boolean {
  const resources = obj(container.resources);
  // The API server copies a limit into a missing request: a limit is enough.
  return obj(resources?.requests)?.cpu !== undefined || obj(resources?.limits)?.cpu !== undefined;
}

/** A LimitRange that gives containers a default CPU request fills the gap at admission. */
function limitRangeDefaultsCpu(context: LintContext): boolean {
  return context.resources.list('LimitRange', context.namespace).some((range) =>
    list(obj(obj(range.object)?.spec)?.limits).some((limit) => {
      const item = obj(limit);
      return item?.type === 'Container' && (obj(item.defaultRequest)?.cpu !== undefined || obj(item.default)?.cpu !== undefined);
    }),
  );
}

function message(metric: CpuMetric, apiVersion: string, resource: KnownResource, missing: readonly string[]): string {
  const intro = metric.implicit
    ? `Sans \`${apiVersion === 'autoscaling/v1' ? 'targetCPUUtilizationPercentage' : 'metrics'}\`, un HPA ${apiVersion} vise 80 % d'utilisation CPU. `
    : '';
  const who = missing.length === 1 ? `le conteneur \`${missing[0]}\`` : `les conteneurs ${missing.map((name) => `\`${name}\``).join(', ')}`;
  return (
    `${intro}L'utilisation CPU se calcule en pourcentage de \`resources.requests.cpu\`, mais ${who} du ${describe(resource)} ` +
    `${missing.length === 1 ? "n'en a pas" : "n'en ont pas"} : l'HPA ne peut rien calculer et ne changera jamais le nombre de réplicas ` +
    `(condition ScalingActive=False, événement FailedGetResourceMetric : missing request for cpu in container ${missing[0]}). ` +
    `Ajoute par exemple \`resources: { requests: { cpu: 100m } }\` ${missing.length === 1 ? 'à ce conteneur' : 'à ces conteneurs'}.`
  );
}

export const hpaNoCpuRequests: LintRule = {
  id: 'hpa-no-cpu-requests',
  severity: 'warning',
  chapter: 'quotidien',
  kinds: ['HorizontalPodAutoscaler'],
  description: "Signale un HorizontalPodAutoscaler qui vise une utilisation CPU alors qu'un conteneur de sa cible n'a pas de requests.cpu : l'HPA ne peut pas la calculer.",
  check(object, context): LintFinding[] {
    const metrics = cpuMetrics(object, context.info.apiVersion);
    if (metrics.length === 0) return [];
    const workload = target(object, context);
    if (!workload || limitRangeDefaultsCpu(context)) return [];
    const containers = containersOf(workload.template, ['containers']);
    const findings: LintFinding[] = [];
    for (const metric of metrics) {
      const missing = containers
        .filter((ref) => (metric.container === undefined || ref.name === metric.container) && !hasCpuRequest(ref.container))
        .map((ref) => ref.name);
      if (missing.length === 0) continue;
      const { resource } = workload;
      findings.push({
        path: metric.path,
        message: message(metric, context.info.apiVersion, resource, missing),
        fix: { kind: resource.kind, name: resource.name, namespace: resource.namespace, uri: resource.uri, containers: missing },
      });
    }
    return findings;
  },
};
