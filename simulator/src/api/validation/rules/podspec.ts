/**
 * Where each workload kind keeps its Pod: a Pod is one, a Deployment has a template,
 * a CronJob has a template inside its job template. Rules about Pods find them here.
 */
import type { KubeObject } from '../rule';
import { get, isRecord, type Path } from './common';

export interface PodLocation {
  /** Where the pod's labels and annotations live (`metadata`, `spec.template.metadata`). */
  metadataPath: Path;
  /** How the API server prints that place: templates print `spec.template.labels` (no `metadata`). */
  metadataFieldPath: Path;
  /** Where the PodSpec lives. */
  specPath: Path;
  /** False for StatefulSet: ValidatePodTemplateSpecForStatefulSet does not validate the spec. */
  specValidated: boolean;
}

const template = (prefix: Path, specValidated = true): PodLocation => ({
  metadataPath: [...prefix, 'metadata'],
  metadataFieldPath: prefix,
  specPath: [...prefix, 'spec'],
  specValidated,
});

const BY_KIND: Record<string, PodLocation> = {
  Pod: { metadataPath: ['metadata'], metadataFieldPath: ['metadata'], specPath: ['spec'], specValidated: true },
  Deployment: template(['spec', 'template']),
  ReplicaSet: template(['spec', 'template']),
  DaemonSet: template(['spec', 'template']),
  Job: template(['spec', 'template']),
  CronJob: template(['spec', 'jobTemplate', 'spec', 'template']),
  // Mirrors ValidatePodTemplateSpecForStatefulSet: labels and annotations only (a TODO upstream).
  StatefulSet: template(['spec', 'template'], false),
};

/** The kinds that carry a Pod or a Pod template. */
export const POD_KINDS: readonly string[] = Object.keys(BY_KIND);

/** Where the Pod of `kind` lives, or undefined for kinds without one. */
export function podLocation(kind: string): PodLocation | undefined {
  return BY_KIND[kind];
}

/** The value at `path` in `object`. */
export function at(object: KubeObject, path: Path): unknown {
  return get(object, ...path.map(String));
}

/** The PodSpec object of a pod kind, when present and validated by the API server. */
export function validatedPodSpec(object: KubeObject, kind: string): { spec: KubeObject; path: Path } | undefined {
  const location = podLocation(kind);
  if (!location?.specValidated) return undefined;
  const spec = at(object, location.specPath);
  return isRecord(spec) ? { spec, path: location.specPath } : undefined;
}
