/**
 * apps/v1 defaults: Deployment, ReplicaSet, StatefulSet, DaemonSet. Each also defaults
 * its pod template, as the generated SetObjectDefaults_* functions do.
 */
import { defaultPodTemplate, defaultTemplateMetadata } from './pod';
import { defaultPersistentVolumeClaim } from './storage';
import { ensureObj, isNil, objAt, objsAt, setIfNil, setIfZero, type Obj } from './util';

/** Mirrors SetDefaults_Deployment (pkg/apis/apps/v1/defaults.go). */
export function defaultDeployment(deployment: Obj): void {
  const spec = ensureObj(deployment, 'spec');
  if (spec === undefined) return;
  setIfNil(spec, 'replicas', 1);
  const strategy = ensureObj(spec, 'strategy');
  setIfZero(strategy, 'type', 'RollingUpdate');
  if (strategy?.type === 'RollingUpdate') {
    const rollingUpdate = ensureObj(strategy, 'rollingUpdate');
    // 25% each way: a rollout keeps at least three quarters of the pods serving.
    setIfNil(rollingUpdate, 'maxUnavailable', '25%');
    setIfNil(rollingUpdate, 'maxSurge', '25%');
  }
  setIfNil(spec, 'revisionHistoryLimit', 10);
  setIfNil(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(objAt(spec, 'template'));
}

/** Mirrors SetDefaults_ReplicaSet (pkg/apis/apps/v1/defaults.go). */
export function defaultReplicaSet(replicaSet: Obj): void {
  const spec = ensureObj(replicaSet, 'spec');
  setIfNil(spec, 'replicas', 1);
  defaultPodTemplate(objAt(spec, 'template'));
}

/** Mirrors SetDefaults_DaemonSet (pkg/apis/apps/v1/defaults.go). */
export function defaultDaemonSet(daemonSet: Obj): void {
  const spec = ensureObj(daemonSet, 'spec');
  if (spec === undefined) return;
  const strategy = ensureObj(spec, 'updateStrategy');
  setIfZero(strategy, 'type', 'RollingUpdate');
  if (strategy?.type === 'RollingUpdate') {
    const rollingUpdate = ensureObj(strategy, 'rollingUpdate');
    // One node at a time, and no surge: a node runs one copy of the daemon.
    setIfNil(rollingUpdate, 'maxUnavailable', 1);
    setIfNil(rollingUpdate, 'maxSurge', 0);
  }
  setIfNil(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(objAt(spec, 'template'));
}

/**
 * Mirrors SetDefaults_StatefulSet (pkg/apis/apps/v1/defaults.go) with v1.30's default
 * feature gates: StatefulSetAutoDeletePVC on (retention policy Retain/Retain),
 * MaxUnavailableStatefulSet off (no maxUnavailable). A `rollingUpdate` block is only
 * created when the strategy type itself was defaulted, as upstream does.
 */
export function defaultStatefulSet(statefulSet: Obj): void {
  const spec = ensureObj(statefulSet, 'spec');
  if (spec === undefined) return;
  setIfZero(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = ensureObj(spec, 'updateStrategy');
  if (strategy !== undefined && (isNil(strategy.type) || strategy.type === '')) {
    strategy.type = 'RollingUpdate';
    setIfNil(strategy, 'rollingUpdate', {});
  }
  if (strategy?.type === 'RollingUpdate') setIfNil(objAt(strategy, 'rollingUpdate'), 'partition', 0);
  const retention = ensureObj(spec, 'persistentVolumeClaimRetentionPolicy');
  setIfZero(retention, 'whenDeleted', 'Retain');
  setIfZero(retention, 'whenScaled', 'Retain');
  setIfNil(spec, 'replicas', 1);
  setIfNil(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(objAt(spec, 'template'));
  for (const claim of objsAt(spec, 'volumeClaimTemplates')) {
    // Not a default but seen on every read: Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec
    // (pkg/apis/apps/v1/conversion.go) writes apiVersion and kind into each claim template
    // to keep the pre-1.17 output (kubernetes/kubernetes#87583).
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    defaultTemplateMetadata(claim);
    defaultPersistentVolumeClaim(claim);
  }
}
