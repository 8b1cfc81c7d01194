/**
 * What the language server learns of the simulated cluster (notification
 * `atelier/clusterInventory`, server/src/server.ts): every object by kind, namespace and
 * name with its content (cross-resource rules look at labels and ports), and the image
 * catalogue of the simulated kubelet (for image completion).
 */
import { KINDS } from '../../../simulator/src/api/catalog';
import { LAST_APPLIED_ANNOTATION } from '../../../simulator/src/store/apply';
import type { ObjectStore } from '../../../simulator/src/store/store';
import { isObj, nameOf, namespaceOf, str } from './json';

/** The notification the server listens to. */
export const CLUSTER_INVENTORY = 'atelier/clusterInventory';

/** Mirrors server/src/workspace/resources.ts's KnownResource (the server adds `source`). */
export interface KnownResource {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  object: Record<string, unknown>;
}

export interface ClusterInventory {
  resources: KnownResource[];
  images: string[];
}

/** Resources that say nothing about what a manifest may refer to, and would only weigh. */
const SKIPPED = new Set(['events', 'leases', 'endpointslices', 'controllerrevisions']);

/**
 * The object as manifests may refer to it: without its status and resourceVersion (which
 * move all the time and would re-check every open file for nothing), nor what only kubectl
 * needs (the last-applied copy, managed fields).
 */
function lighten(object: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = object;
  if (!isObj(rest.metadata)) return rest;
  const metadata = { ...rest.metadata };
  delete metadata.managedFields;
  delete metadata.resourceVersion;
  if (isObj(metadata.annotations) && LAST_APPLIED_ANNOTATION in metadata.annotations) {
    const annotations = { ...metadata.annotations };
    delete annotations[LAST_APPLIED_ANNOTATION];
    metadata.annotations = annotations;
  }
  return { ...rest, metadata };
}

export function buildInventory(store: ObjectStore, images: readonly string[]): ClusterInventory {
  const resources: KnownResource[] = [];
  for (const info of KINDS) {
    // One entry per resource: a kind served in two versions (HPA) is listed once.
    if (!info.preferred || !info.verbs.includes('list') || SKIPPED.has(info.resource)) continue;
    for (const object of store.list(info)) {
      const namespace = namespaceOf(object);
      resources.push({ apiVersion: str(object.apiVersion) || info.apiVersion, kind: info.kind, name: nameOf(object), ...(namespace ? { namespace } : {}), object: lighten(object) });
    }
  }
  return { resources, images: [...images] };
}
