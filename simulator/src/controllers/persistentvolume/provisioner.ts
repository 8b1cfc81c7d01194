/**
 * Dynamic provisioning: the PV controller's side (it hands the claim to the external
 * provisioner named by its StorageClass and says so in an event) and a simulated
 * rancher.io/local-path provisioner, the one kind runs: it creates `pvc-<claim uid>`, a
 * hostPath volume under /var/local-path-provisioner pinned to the Node the scheduler chose.
 * Other provisioners are not running here, so their claims wait, as on a real cluster.
 */
import { LOCAL_PATH_PROVISIONER } from '../storageclass';
import type { KubeObject } from '../../store/store';
import type { Action } from '../types';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_PROVISIONED_BY, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, BINDER_COMPONENT, PV_PROTECTION,
  annotationsOf, claimRefOf, metaOf, obj, str,
} from './binder';

/**
 * The identity the provisioner reports its events under, as lib-external-provisioner builds it:
 * `<provisioner>_<pod name>_<uuid>`. Fixed here, so that the same seed gives the same events.
 */
export const LOCAL_PATH_IDENTITY = `${LOCAL_PATH_PROVISIONER}_local-path-provisioner-6f8956fb48-9vhbq_3c1f6b5e-8f0a-4d4b-9a57-2f2f1c9d7e01`;

/** Mirrors the ExternalProvisioning event of provisionClaimOperationExternal (v1.30 text). */
export function externalProvisioningMessage(provisioner: string): string {
  return `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that your external provisioner is running and correctly registered.`;
}

/** The provisioner a claim was handed to (the annotation the PV controller sets). */
export const provisionerOf = (claim: KubeObject): string => str(annotationsOf(claim)[ANN_STORAGE_PROVISIONER] ?? annotationsOf(claim)[ANN_BETA_STORAGE_PROVISIONER]);

/**
 * Mirrors provisionClaimOperationExternal: the claim is annotated with the provisioner that
 * must serve it (once), and an ExternalProvisioning event says the controller is waiting.
 */
export function handOverActions(claim: KubeObject, provisioner: string): Action[] {
  const actions: Action[] = [];
  if (provisionerOf(claim) !== provisioner) {
    const annotations = { ...annotationsOf(claim), [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner };
    actions.push({ type: 'update', object: { ...claim, metadata: { ...metaOf(claim), annotations } } });
  }
  actions.push({ type: 'event', event: { involved: claim, type: 'Normal', reason: 'ExternalProvisioning', message: externalProvisioningMessage(provisioner), component: BINDER_COMPONENT } });
  return actions;
}

/** The volume local-path creates for a claim on a Node (its reclaim policy from the class). */
export function localPathVolume(claim: KubeObject, storageClass: KubeObject, node: string): KubeObject {
  const meta = metaOf(claim);
  const spec = obj(claim.spec);
  const name = `pvc-${str(meta.uid)}`;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER, 'local.path.provisioner/selected-node': node }, finalizers: [PV_PROTECTION] },
    spec: {
      accessModes: spec.accessModes,
      capacity: { storage: obj(obj(spec.resources).requests).storage },
      claimRef: claimRefOf(claim),
      hostPath: { path: `/var/local-path-provisioner/${name}_${str(meta.namespace)}_${str(meta.name)}`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] }] } },
      persistentVolumeReclaimPolicy: str(storageClass.reclaimPolicy) || 'Delete',
      storageClassName: str(metaOf(storageClass).name),
      volumeMode: str(spec.volumeMode) || 'Filesystem',
    },
  };
}

/**
 * What the simulated local-path provisioner does with a claim handed to it: nothing when its
 * volume exists; otherwise Provisioning, the PV (pre-bound to the claim: the binder finishes
 * the binding), ProvisioningSucceeded. Without a selected Node it fails like local-path does
 * with an Immediate class.
 */
export function localPathActions(claim: KubeObject, storageClass: KubeObject, volumeExists: boolean): Action[] {
  if (volumeExists) return [];
  const ns = str(metaOf(claim).namespace);
  const event = (type: 'Normal' | 'Warning', reason: string, message: string): Action => ({ type: 'event', event: { involved: claim, type, reason, message, component: LOCAL_PATH_IDENTITY } });
  const provisioning = event('Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${ns}/${str(metaOf(claim).name)}"`);
  const node = str(annotationsOf(claim)[ANN_SELECTED_NODE]);
  if (node === '') {
    return [provisioning, event('Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${str(metaOf(storageClass).name)}": configuration error, no node was specified`)];
  }
  const pv = localPathVolume(claim, storageClass, node);
  return [provisioning, { type: 'create', object: pv }, event('Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${str(metaOf(pv).name)}`)];
}
