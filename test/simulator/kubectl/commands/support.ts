/**
 * A whole simulated cluster for the kubectl command tests: the controllers the cluster
 * wires (controllers/index.ts), plus the workload controllers, the scheduler and the
 * kubelet while they are not all wired there yet, and the default nodes.
 */
import { createCluster, type Cluster } from '../../../../simulator/src/cluster';
import { createDeploymentController } from '../../../../simulator/src/controllers/deployment';
import { defaultControllers } from '../../../../simulator/src/controllers/index';
import { createReplicaSetController } from '../../../../simulator/src/controllers/replicaset';
import type { Controller } from '../../../../simulator/src/controllers/types';
import { createKubelet } from '../../../../simulator/src/kubelet/kubelet';
import { runKubectl, type KubectlResult } from '../../../../simulator/src/kubectl/commands/index';
import { createNodeLifecycleController } from '../../../../simulator/src/scheduler/lifecycle';
import { defaultNodes } from '../../../../simulator/src/scheduler/nodes';
import { createScheduler } from '../../../../simulator/src/scheduler/scheduler';

/** The cluster's own controllers, completed with those it does not wire yet (by name). */
export function fullControllers(): Controller[] {
  const controllers = defaultControllers();
  const names = new Set(controllers.map((controller) => controller.name));
  for (const extra of [createDeploymentController(), createReplicaSetController(), createScheduler(), createKubelet(), createNodeLifecycleController()]) {
    if (!names.has(extra.name)) controllers.push(extra);
  }
  return controllers;
}

/** A cluster with a control plane and two workers, seeded. */
export function testCluster(seed = 1): Cluster {
  return createCluster({ seed, nodes: defaultNodes(), controllers: fullControllers() });
}

/** Runs a kubectl command line (split on spaces; quotes not needed in tests). */
export function kubectl(cluster: Cluster, line: string, files: Record<string, string> = {}): KubectlResult {
  return runKubectl(cluster, line.split(' ').filter((word) => word !== ''), { files });
}
