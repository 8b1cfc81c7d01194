/**
 * The controllers a simulated cluster runs, in the order their queues are served
 * (kube-controller-manager, the scheduler and the kubelets, all in one process here).
 */
import { createDaemonSetController } from './daemonset';
import { createDeploymentController } from './deployment';
import { createStatefulSetController } from './statefulset';
import { createCronJobController } from './cronjob';
import { createEndpointsController } from './endpoints';
import { createHpaController } from './hpa';
import { createJobController, createTtlAfterFinishedController } from './job';
import { createReplicaSetController } from './replicaset';
import { createNamespaceController } from './namespace';
import { createServiceLbController } from './service';
import { createRootCACertPublisher, createServiceAccountController } from './serviceaccount';
import { createKubelet } from '../kubelet/kubelet';
import { createClusterRoleAggregationController } from '../rbac/aggregation';
import { createNodeLifecycleController } from '../scheduler/lifecycle';
import { createScheduler } from '../scheduler/scheduler';
import { withVolumeBinding } from '../scheduler/volumes';
import { createPersistentVolumeController } from './persistentvolume';
import { createResourceQuotaController } from './resourcequota';
import { createDisruptionController } from './disruption';
import { createTaintEvictionController } from './tainteviction';
import type { Controller } from './types';

/** A fresh set of controllers for one cluster (controllers may hold caches). */
export function defaultControllers(): Controller[] {
  return [
    createDeploymentController(),
    createReplicaSetController(),
    createStatefulSetController(),
    createDaemonSetController(),
    createJobController(),
    createTtlAfterFinishedController(),
    createCronJobController(),
    createHpaController(),
    createResourceQuotaController(),
    createDisruptionController(),
    createNamespaceController(),
    createServiceAccountController(),
    createRootCACertPublisher(),
    createEndpointsController(),
    createServiceLbController(),
    createClusterRoleAggregationController(),
    createNodeLifecycleController(),
    createTaintEvictionController(),
    createPersistentVolumeController(),
    withVolumeBinding(createScheduler()),
    createKubelet(),
  ];
}
