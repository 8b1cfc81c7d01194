/**
 * Storage defaults: PersistentVolume, PersistentVolumeClaim (also as a StatefulSet's
 * claim template or an ephemeral volume's) and StorageClass.
 */
import { defaultClaimSpec, defaultPersistentVolumeSource } from './volumes';
import { ensureObj, setIfNil, setIfZero, type Obj } from './util';

/**
 * Mirrors SetDefaults_PersistentVolumeClaim and SetDefaults_PersistentVolumeClaimSpec
 * (pkg/apis/core/v1/defaults.go). The status phase is a default too: the registry clears
 * status on create, and every read defaults it back to Pending until the claim is bound.
 */
export function defaultPersistentVolumeClaim(claim: Obj): void {
  const spec = ensureObj(claim, 'spec');
  if (spec !== undefined) defaultClaimSpec(spec);
  setIfZero(ensureObj(claim, 'status'), 'phase', 'Pending');
}

/**
 * Mirrors SetDefaults_PersistentVolume (pkg/apis/core/v1/defaults.go): a statically
 * created volume is kept (Retain) when its claim goes away; the Delete that dynamically
 * provisioned volumes show comes from their StorageClass, set by the provisioner.
 */
export function defaultPersistentVolume(volume: Obj): void {
  const spec = ensureObj(volume, 'spec');
  setIfZero(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  setIfNil(spec, 'volumeMode', 'Filesystem');
  if (spec !== undefined) defaultPersistentVolumeSource(spec);
  setIfZero(ensureObj(volume, 'status'), 'phase', 'Pending');
}

/** Mirrors SetDefaults_StorageClass (pkg/apis/storage/v1/defaults.go). */
export function defaultStorageClass(storageClass: Obj): void {
  setIfNil(storageClass, 'reclaimPolicy', 'Delete');
  setIfNil(storageClass, 'volumeBindingMode', 'Immediate');
}
