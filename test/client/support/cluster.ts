/**
 * Clusters for the client's tests: the real simulator, with no controllers unless a test
 * asks (so that what the client shows does not depend on which controllers exist yet).
 */
import { createCluster, loadCluster, type Cluster } from '../../../simulator/src/cluster';
import { defaultNodes } from '../../../simulator/src/scheduler/nodes';
import { ClusterService } from '../../../client/src/cluster/service';
import type { KubeObject } from '../../../simulator/src/store/store';

/** A cluster with the default nodes and no controllers: only what the test writes happens. */
export const bareCluster = (): Cluster => createCluster({ seed: 1, controllers: [], nodes: defaultNodes() });

/** A service over bare clusters (created, reset or imported), notifying synchronously at the end of each operation. */
export function bareService(): ClusterService {
  return new ClusterService({ create: bareCluster, load: (snapshot) => loadCluster(snapshot, { controllers: [] }), schedule: (callback) => callback() });
}

export const deployment = (name: string, replicas = 1, image = 'nginx:1.27'): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${name}
          image: ${image}
`;

export const service = (name: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
`;

/** A Pod owned by `owner` (a stored object), on `node`, with this status. */
export function ownedPod(name: string, owner: KubeObject | undefined, node: string | undefined, status: KubeObject = {}): { pod: KubeObject; status: KubeObject } {
  const meta = (owner?.metadata ?? {}) as { name?: string; uid?: string };
  return {
    pod: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: 'default',
        labels: { app: 'web' },
        ...(owner ? { ownerReferences: [{ apiVersion: String(owner.apiVersion), kind: String(owner.kind), name: meta.name, uid: meta.uid, controller: true }] } : {}),
      },
      spec: { ...(node ? { nodeName: node } : {}), containers: [{ name: 'web', image: 'nginx:1.27' }] },
    },
    status,
  };
}

/** Stores a Pod, then its status (as the kubelet would report it). */
export function addPod(cluster: Cluster, pod: { pod: KubeObject; status: KubeObject }): KubeObject {
  const created = cluster.store.create(pod.pod);
  return Object.keys(pod.status).length === 0 ? created : cluster.store.updateStatus({ ...created, status: pod.status });
}

/** A running Pod's status, ready or not, with restarts. */
export function runningStatus(ready: boolean, restarts = 0): KubeObject {
  return {
    phase: 'Running',
    podIP: '10.244.1.5',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    containerStatuses: [{ name: 'web', ready, restartCount: restarts, started: true, image: 'nginx:1.27', imageID: '', state: { running: { startedAt: '2024-01-01T00:00:00Z' } } }],
  };
}

/** A crash-looping Pod's status. */
export function crashLoopStatus(restarts: number): KubeObject {
  return {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'False' }],
    containerStatuses: [
      {
        name: 'web',
        ready: false,
        restartCount: restarts,
        image: 'nginx:1.27',
        imageID: '',
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=web' } },
      },
    ],
  };
}
