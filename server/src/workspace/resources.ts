/**
 * What resources exist besides the document being checked: the Kubernetes objects of the
 * workspace's files and of the simulated cluster (its inventory is sent by the client).
 * Cross-resource rules ("this Service selects no Pod", "this ConfigMap exists nowhere")
 * and completion of names read it.
 */

export interface KnownResource {
  apiVersion: string;
  kind: string;
  name: string;
  /** Absent for cluster-scoped objects and for manifests that do not set it. */
  namespace?: string;
  source: 'workspace' | 'cluster';
  /** The file it comes from (workspace resources). */
  uri?: string;
  /** The object itself, for rules that look inside (labels, ports, requests). */
  object: Record<string, unknown>;
}

function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  // A manifest without a namespace lands in the namespace `kubectl apply` targets: it can
  // match an object of any namespace in the workspace, and `default` in the cluster.
  return a === undefined || b === undefined || a === b;
}

/** Every known resource, by file and from the cluster. */
export class ResourceIndex {
  private readonly byFile = new Map<string, KnownResource[]>();
  private cluster: KnownResource[] = [];

  /** Replaces what `uri` declares. */
  setFile(uri: string, resources: KnownResource[]): void {
    if (resources.length === 0) this.byFile.delete(uri);
    else this.byFile.set(uri, resources);
  }

  removeFile(uri: string): void {
    this.byFile.delete(uri);
  }

  /** Replaces the simulated cluster's inventory. */
  setCluster(resources: KnownResource[]): void {
    this.cluster = resources;
  }

  /** Every known resource of `kind` (any source), optionally in `namespace`. */
  list(kind: string, namespace?: string): KnownResource[] {
    const out: KnownResource[] = [];
    for (const resources of this.byFile.values()) {
      for (const resource of resources) if (resource.kind === kind && sameNamespace(namespace, resource.namespace)) out.push(resource);
    }
    for (const resource of this.cluster) if (resource.kind === kind && sameNamespace(namespace, resource.namespace)) out.push(resource);
    return out;
  }

  /** True when an object of `kind` named `name` is known (in `namespace` if given). */
  has(kind: string, name: string, namespace?: string): boolean {
    return this.list(kind, namespace).some((resource) => resource.name === name);
  }

  /** How many files are indexed (for tests and logs). */
  get fileCount(): number {
    return this.byFile.size;
  }
}
