/**
 * Defaults of volume sources, for a pod's `volumes` and a PersistentVolume's source, and
 * of a claim spec (shared by claims, claim templates and ephemeral volumes). Kept as
 * data: each source names the fields the API server fills and with what.
 */
import { isNil, objAt, objsAt, setIfNil, setIfZero, type Obj } from './util';

/** 0644, what `kubectl get -o yaml` shows as `defaultMode: 420`. */
export const DEFAULT_FILE_MODE = 0o644;

/** [field, value, whether Go tests a nil pointer or a zero value]. */
type FieldDefault = readonly [field: string, value: unknown, unset: 'nil' | 'zero'];

// Mirrors core/v1 defaults.go: SetDefaults_HostPathVolumeSource, SetDefaults_SecretVolumeSource,
// SetDefaults_ConfigMapVolumeSource, SetDefaults_DownwardAPIVolumeSource,
// SetDefaults_ProjectedVolumeSource, SetDefaults_ISCSIVolumeSource, SetDefaults_RBDVolumeSource,
// SetDefaults_AzureDiskVolumeSource and SetDefaults_ScaleIOVolumeSource (and their
// *PersistentVolumeSource twins, which default the same JSON fields).
const SOURCE_DEFAULTS: Readonly<Record<string, readonly FieldDefault[]>> = {
  // HostPathUnset: "" means "no check before mounting", and it is stored as such.
  hostPath: [['type', '', 'nil']],
  secret: [['defaultMode', DEFAULT_FILE_MODE, 'nil']],
  configMap: [['defaultMode', DEFAULT_FILE_MODE, 'nil']],
  downwardAPI: [['defaultMode', DEFAULT_FILE_MODE, 'nil']],
  projected: [['defaultMode', DEFAULT_FILE_MODE, 'nil']],
  iscsi: [['iscsiInterface', 'default', 'zero']],
  rbd: [
    ['pool', 'rbd', 'zero'],
    ['user', 'admin', 'zero'],
    ['keyring', '/etc/ceph/keyring', 'zero'],
  ],
  azureDisk: [
    ['cachingMode', 'ReadWrite', 'nil'],
    ['kind', 'Shared', 'nil'],
    ['fsType', 'ext4', 'nil'],
    ['readOnly', false, 'nil'],
  ],
  scaleIO: [
    ['storageMode', 'ThinProvisioned', 'zero'],
    ['fsType', 'xfs', 'zero'],
  ],
};

/** The sources a PersistentVolume can carry that have defaults (SetObjectDefaults_PersistentVolume). */
const PERSISTENT_SOURCES = ['hostPath', 'iscsi', 'rbd', 'azureDisk', 'scaleIO'] as const;

function defaultSource(holder: Obj, name: string): void {
  const source = objAt(holder, name);
  if (source === undefined) return;
  for (const [field, value, unset] of SOURCE_DEFAULTS[name] ?? []) {
    (unset === 'nil' ? setIfNil : setIfZero)(source, field, value);
  }
}

/** Mirrors SetDefaults_ObjectFieldSelector: `fieldRef.apiVersion` is `v1`. */
export function defaultFieldRef(fieldRef: Obj | undefined): void {
  setIfZero(fieldRef, 'apiVersion', 'v1');
}

function defaultDownwardItems(downwardAPI: Obj | undefined): void {
  for (const item of objsAt(downwardAPI, 'items')) defaultFieldRef(objAt(item, 'fieldRef'));
}

/**
 * One entry of `spec.volumes`. Mirrors SetDefaults_Volume (a volume naming no source is an
 * `emptyDir: {}`) and the per-source defaults the generated SetObjectDefaults_Pod applies.
 */
export function defaultVolume(volume: Obj): void {
  const hasSource = Object.entries(volume).some(([key, value]) => key !== 'name' && !isNil(value));
  if (!hasSource) volume.emptyDir = {};
  for (const name of Object.keys(SOURCE_DEFAULTS)) defaultSource(volume, name);
  defaultDownwardItems(objAt(volume, 'downwardAPI'));
  for (const source of objsAt(objAt(volume, 'projected'), 'sources')) {
    defaultDownwardItems(objAt(source, 'downwardAPI'));
    // Mirrors SetDefaults_ServiceAccountTokenProjection: tokens last one hour unless asked.
    setIfNil(objAt(source, 'serviceAccountToken'), 'expirationSeconds', 3600);
  }
  // A generic ephemeral volume's claim template gets the claim spec defaults (volumeMode).
  const claimTemplate = objAt(objAt(volume, 'ephemeral'), 'volumeClaimTemplate');
  const claimSpec = objAt(claimTemplate, 'spec');
  if (claimSpec !== undefined) defaultClaimSpec(claimSpec);
}

/** Mirrors SetDefaults_PersistentVolumeClaimSpec: a claim asks for a filesystem, not a raw block device. */
export function defaultClaimSpec(spec: Obj): void {
  setIfNil(spec, 'volumeMode', 'Filesystem');
}

/** The source defaults of a PersistentVolume's spec (hostPath `type`, iSCSI interface ...). */
export function defaultPersistentVolumeSource(spec: Obj): void {
  for (const name of PERSISTENT_SOURCES) defaultSource(spec, name);
}
