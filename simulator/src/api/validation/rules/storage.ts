/**
 * PersistentVolumeClaim, PersistentVolume and StorageClass. Mirrors
 * ValidatePersistentVolumeClaimSpec, ValidatePersistentVolumeSpec
 * (pkg/apis/core/validation) and ValidateStorageClass (pkg/apis/storage/validation), v1.30.
 * The enum-like fields (access modes, reclaim policy, binding mode) are in enumerated.ts.
 */
import { forbidden, invalid, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { formatQuantity, parseQuantity } from '../../quantity';
import { asArray, asString, child, get, isRecord, keyField, type Path } from './common';
import { isDNS1123Subdomain, isQualifiedName } from './formats';

const STORAGE_FR = 'Un PersistentVolumeClaim doit demander une taille : `resources.requests.storage: 1Gi` par exemple.';

/** ValidatePositiveQuantityValue: `Invalid value: "0": must be greater than zero`. */
function positiveQuantity(value: unknown, path: Path, field: string, fr: string): Finding[] {
  if (typeof value !== 'string' && typeof value !== 'number') return [];
  const parsed = parseQuantity(value);
  if (!parsed.ok || parsed.quantity.nanos > 0n) return [];
  return [invalid({ code: 'quantity-not-positive', path, field, fr }, formatQuantity(parsed.quantity), 'must be greater than zero')];
}

function accessModes(spec: unknown, path: Path, detail: string): Finding[] {
  const modes = asArray(child(spec, 'accessModes')).map(String);
  const findings: Finding[] = [];
  if (modes.length === 0) {
    findings.push(required({ code: 'access-modes-required', path: [...path, 'accessModes'], fr: 'Indique au moins un mode d’accès : `accessModes: [ReadWriteOnce]` par exemple.' }, detail));
  }
  const known = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'];
  if (modes.includes('ReadWriteOncePod') && modes.some((mode) => known.includes(mode))) {
    findings.push(forbidden({ code: 'access-modes-rwop', path: [...path, 'accessModes'], fr: 'ReadWriteOncePod s’emploie seul, sans autre mode d’accès.' }, 'may not use ReadWriteOncePod with other access modes'));
  }
  return findings;
}

function className(spec: unknown, path: Path): Finding[] {
  const name = asString(child(spec, 'storageClassName'));
  if (!name) return [];
  return isDNS1123Subdomain(name).map((message) => invalid({ code: 'storage-class-name', path: [...path, 'storageClassName'], fr: 'storageClassName est le nom d’une StorageClass (sous-domaine DNS).' }, name, message));
}

function claimSpec(object: KubeObject): Finding[] {
  const spec = object.spec;
  const path: Path = ['spec'];
  const findings = accessModes(spec, path, 'at least 1 access mode is required');
  const requests = get(spec, 'resources', 'requests');
  // Upstream's path skips `requests`: spec.resources[storage].
  const field = keyField([...path, 'resources'], 'storage');
  if (!isRecord(requests) || requests.storage === undefined) findings.push(required({ code: 'storage-request-required', path: [...path, 'resources', 'requests', 'storage'], field, fr: STORAGE_FR }));
  else findings.push(...positiveQuantity(requests.storage, [...path, 'resources', 'requests', 'storage'], field, 'La taille demandée doit être strictement positive.'));
  return [...findings, ...className(spec, path)];
}

/** Mirrors ValidatePersistentVolumeClaimSpec. */
export const claimRule: ValidationRule = { id: 'persistentvolumeclaim', kinds: ['PersistentVolumeClaim'], check: claimSpec };

const PV_SOURCES = ['gcePersistentDisk', 'awsElasticBlockStore', 'hostPath', 'glusterfs', 'nfs', 'rbd', 'quobyte', 'cephfs', 'iscsi', 'cinder', 'fc', 'flocker', 'flexVolume', 'azureFile', 'vsphereVolume', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'local', 'storageos', 'csi'];

function volumeSpec(object: KubeObject): Finding[] {
  const spec = object.spec;
  const path: Path = ['spec'];
  const findings = accessModes(spec, path, '');
  const capacity = child(spec, 'capacity');
  if (!isRecord(capacity) || Object.keys(capacity).length === 0) findings.push(required({ code: 'pv-capacity-required', path: [...path, 'capacity'], fr: 'Un PersistentVolume annonce sa taille : `capacity.storage: 10Gi`.' }));
  else for (const [name, value] of Object.entries(capacity)) findings.push(...positiveQuantity(value, [...path, 'capacity', name], keyField([...path, 'capacity'], name), 'La capacité doit être strictement positive.'));
  const sources = PV_SOURCES.filter((key) => isRecord(child(spec, key)));
  if (sources.length === 0) findings.push(required({ code: 'pv-source-required', path, fr: 'Un PersistentVolume décrit où sont les données : hostPath, nfs, csi, local…' }, 'must specify a volume type'));
  sources.slice(1).forEach((key) => findings.push(forbidden({ code: 'pv-source-multiple', path: [...path, key], fr: 'Un PersistentVolume n’a qu’une seule source de stockage.' }, 'may not specify more than 1 volume type')));
  if (sources[0] === 'hostPath' && (asString(get(spec, 'hostPath', 'path')) ?? '') === '' && get(spec, 'hostPath', 'path') !== undefined) {
    findings.push(required({ code: 'volume-source-field', path: [...path, 'hostPath', 'path'], fr: 'Donne le chemin sur le nœud.' }));
  }
  return [...findings, ...className(spec, path)];
}

/** Mirrors ValidatePersistentVolumeSpec. */
export const volumeRule: ValidationRule = { id: 'persistentvolume', kinds: ['PersistentVolume'], check: volumeSpec };

/** Mirrors validateProvisioner: a qualified name, case ignored. */
export const storageClassRule: ValidationRule = {
  id: 'storageclass',
  kinds: ['StorageClass'],
  check(object) {
    const provisioner = asString(object.provisioner);
    if (provisioner === undefined) return [];
    if (provisioner === '') return [required({ code: 'provisioner-required', path: ['provisioner'], fr: 'Donne le provisionneur qui crée les volumes, par exemple « rancher.io/local-path ».' })];
    return isQualifiedName(provisioner.toLowerCase()).map((message) => invalid({ code: 'provisioner-invalid', path: ['provisioner'], fr: 'Le provisionneur se nomme comme une clé de label : domaine/nom.' }, provisioner.toLowerCase(), message));
  },
};
