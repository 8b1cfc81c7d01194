/**
 * Where a workload keeps the Pods it creates: the PodSpec and the labels those Pods will
 * carry, with their paths in the object. A Service selects these labels, an HPA reads
 * these containers' requests, and every ConfigMap or Secret reference lives in the spec.
 */
import type { KnownResource, ResourceIndex } from '../../workspace/resources';
import { isObj, labelMap, list, obj, text, type Obj, type Path } from './objects';

/** The kinds whose Pods a Service can select (bare Pods included). */
export const WORKLOAD_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'Pod'] as const;

export interface PodTemplate {
  /** The labels the Pods will carry (the template's, or a bare Pod's own). */
  labels: Record<string, string>;
  /** The PodSpec. */
  spec: Obj;
  /** Path of the PodSpec in the object. */
  specPath: Path;
}

export interface ContainerRef {
  container: Obj;
  /** `containers`, `initContainers` or `ephemeralContainers`. */
  list: 'containers' | 'initContainers' | 'ephemeralContainers';
  path: Path;
  name: string;
}

// Where each kind keeps its Pod template.
const TEMPLATE_PATHS: Readonly<Record<string, Path>> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  PodTemplate: ['template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

function at(object: Obj, path: Path): unknown {
  let node: unknown = object;
  for (const segment of path) node = isObj(node) ? node[segment] : undefined;
  return node;
}

/** The Pod template of a workload (or a bare Pod), when the object has one. */
export function podTemplateOf(object: unknown): PodTemplate | undefined {
  if (!isObj(object)) return undefined;
  const kind = text(object.kind);
  const templatePath = kind === undefined ? undefined : TEMPLATE_PATHS[kind];
  if (templatePath === undefined) return undefined;
  const template = obj(at(object, templatePath));
  const spec = obj(template?.spec);
  if (!template || !spec) return undefined;
  return { labels: labelMap(obj(template.metadata)?.labels) ?? {}, spec, specPath: [...templatePath, 'spec'] };
}

/** Every container of a PodSpec, with its path; `lists` chooses which kinds of container. */
export function containersOf(template: PodTemplate, lists: readonly ContainerRef['list'][] = ['initContainers', 'containers', 'ephemeralContainers']): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const key of lists) {
    list(template.spec[key]).forEach((container, index) => {
      if (isObj(container)) out.push({ container, list: key, path: [...template.specPath, key, index], name: text(container.name) ?? `#${index + 1}` });
    });
  }
  return out;
}

/** A known workload and its Pod template. */
export interface Workload {
  resource: KnownResource;
  template: PodTemplate;
}

/**
 * Every known workload whose Pods could live in `namespace`. An object applied from a file is
 * both in the file and in the cluster: the cluster copy is dropped, the file being the one edited.
 */
export function knownWorkloads(resources: ResourceIndex, namespace: string | undefined): Workload[] {
  const out: Workload[] = [];
  const key = (resource: KnownResource): string => `${resource.kind}/${resource.namespace ?? ''}/${resource.name}`;
  for (const kind of WORKLOAD_KINDS) {
    const found = resources.list(kind, namespace);
    const inFiles = new Set(found.filter((resource) => resource.source === 'workspace').map(key));
    for (const resource of found) {
      if (resource.source === 'cluster' && inFiles.has(key(resource))) continue;
      const template = podTemplateOf(resource.object);
      if (template) out.push({ resource, template });
    }
  }
  return out;
}

/** True when every key=value of a Service's selector is among the labels. */
export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}
