/**
 * Tables of the cluster, configuration, storage and access kinds, as printers.go (v1.30)
 * builds them. Kinds without a handler there (Role, ClusterRole, LimitRange...) get the API
 * server's default table: NAME and CREATED AT.
 */
import { canonicalQuantity } from '../../api/quantity';
import { compareStrings } from '../../store/json';
import { rfc3339, since } from '../age';
import { arr, at, bool, meta, nameOf, num, obj, str, strs, type Json } from '../fields';
import { type Cell, type TableDefinition, wideColumn } from './types';

const age = (object: Json, now: number): string => since(meta(object).creationTimestamp, now);
const quantity = (value: unknown): string => (value === undefined || value === null ? '0' : canonicalQuantity(value));

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted. */
function nodeRoles(node: Json): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(obj(meta(node).labels))) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (key === 'kubernetes.io/role' && str(value) !== '') {
      roles.add(str(value));
    }
  }
  return roles.size === 0 ? '<none>' : [...roles].sort(compareStrings).join(',');
}

/** The node STATUS column: `Ready`, `NotReady`, `Unknown`, plus `,SchedulingDisabled`. */
export function nodeStatus(node: Json): string {
  const status: string[] = [];
  const ready = arr(at(node, 'status.conditions')).filter((c) => str(c.type) === 'Ready').pop();
  if (ready) status.push(str(ready.status) === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (bool(at(node, 'spec.unschedulable'))) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Json, type: string): string {
  const address = arr(at(node, 'status.addresses')).find((a) => str(a.type) === type);
  return address ? str(address.address) : '<none>';
}

export const NODES: TableDefinition = {
  columns: [
    { name: 'Name' }, { name: 'Status' }, { name: 'Roles' }, { name: 'Age' }, { name: 'Version' },
    wideColumn('Internal-IP'), wideColumn('External-IP'), wideColumn('OS-Image'), wideColumn('Kernel-Version'), wideColumn('Container-Runtime'),
  ],
  row(node, { now, wide }) {
    const info = obj(at(node, 'status.nodeInfo'));
    const cells: Cell[] = [nameOf(node), nodeStatus(node), nodeRoles(node), age(node, now), str(info.kubeletVersion)];
    if (wide) {
      cells.push(
        nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'), str(info.osImage) || '<unknown>',
        str(info.kernelVersion) || '<unknown>', str(info.containerRuntimeVersion) || '<unknown>',
      );
    }
    return cells;
  },
};

export const NAMESPACES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Status' }, { name: 'Age' }],
  row: (ns, { now }) => [nameOf(ns), str(at(ns, 'status.phase')), age(ns, now)],
};

export const CONFIGMAPS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Data' }, { name: 'Age' }],
  row: (cm, { now }) => [nameOf(cm), Object.keys(obj(cm.data)).length + Object.keys(obj(cm.binaryData)).length, age(cm, now)],
};

export const SECRETS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Type' }, { name: 'Data' }, { name: 'Age' }],
  // The API server converts stringData into data before storing, so only data counts.
  row: (secret, { now }) => [nameOf(secret), str(secret.type), Object.keys(obj(secret.data)).length, age(secret, now)],
};

export const SERVICEACCOUNTS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Secrets' }, { name: 'Age' }],
  row: (sa, { now }) => [nameOf(sa), arr(sa.secrets).length, age(sa, now)],
};

/** GetAccessModesAsString: `RWO,ROX,RWX,RWOP` in that fixed order. */
function accessModes(modes: unknown): string {
  const list = strs(modes);
  const out: string[] = [];
  const order: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];
  for (const [mode, short] of order) if (list.includes(mode)) out.push(short);
  return out.join(',');
}

/** GetPersistentVolume(Claim)Class: the spec field, else the beta annotation. */
function storageClassOf(object: Json): string {
  const fromSpec = at(object, 'spec.storageClassName');
  if (typeof fromSpec === 'string') return fromSpec;
  return str(obj(meta(object).annotations)['volume.beta.kubernetes.io/storage-class']);
}

export const PERSISTENTVOLUMES: TableDefinition = {
  columns: [
    { name: 'Name' }, { name: 'Capacity' }, { name: 'Access Modes' }, { name: 'Reclaim Policy' }, { name: 'Status' }, { name: 'Claim' },
    { name: 'StorageClass' }, { name: 'VolumeAttributesClass' }, { name: 'Reason' }, { name: 'Age' }, wideColumn('VolumeMode'),
  ],
  row(pv, { now }) {
    const spec = obj(pv.spec);
    const claim = spec.claimRef ? `${str(at(spec, 'claimRef.namespace'))}/${str(at(spec, 'claimRef.name'))}` : '';
    const phase = meta(pv).deletionTimestamp ? 'Terminating' : str(at(pv, 'status.phase'));
    return [
      nameOf(pv), quantity(obj(spec.capacity).storage), accessModes(spec.accessModes), str(spec.persistentVolumeReclaimPolicy), phase, claim,
      storageClassOf(pv), str(spec.volumeAttributesClassName) || '<unset>', str(at(pv, 'status.reason')), age(pv, now), str(spec.volumeMode) || '<unset>',
    ];
  },
};

export const PERSISTENTVOLUMECLAIMS: TableDefinition = {
  columns: [
    { name: 'Name' }, { name: 'Status' }, { name: 'Volume' }, { name: 'Capacity' }, { name: 'Access Modes' }, { name: 'StorageClass' },
    { name: 'VolumeAttributesClass' }, { name: 'Age' }, wideColumn('VolumeMode'),
  ],
  row(pvc, { now }) {
    const spec = obj(pvc.spec);
    const bound = str(spec.volumeName) !== '';
    const phase = meta(pvc).deletionTimestamp ? 'Terminating' : str(at(pvc, 'status.phase'));
    return [
      nameOf(pvc), phase, str(spec.volumeName), bound ? quantity(at(pvc, 'status.capacity.storage')) : '',
      bound ? accessModes(at(pvc, 'status.accessModes')) : '', storageClassOf(pvc), str(spec.volumeAttributesClassName) || '<unset>',
      age(pvc, now), str(spec.volumeMode) || '<unset>',
    ];
  },
};

export const STORAGECLASSES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Provisioner' }, { name: 'ReclaimPolicy' }, { name: 'VolumeBindingMode' }, { name: 'AllowVolumeExpansion' }, { name: 'Age' }],
  row(sc, { now }) {
    const annotations = obj(meta(sc).annotations);
    const isDefault =
      str(annotations['storageclass.kubernetes.io/is-default-class']) === 'true' || str(annotations['storageclass.beta.kubernetes.io/is-default-class']) === 'true';
    return [
      `${nameOf(sc)}${isDefault ? ' (default)' : ''}`, str(sc.provisioner), str(sc.reclaimPolicy) || 'Delete',
      str(sc.volumeBindingMode) || 'Immediate', bool(sc.allowVolumeExpansion), age(sc, now),
    ];
  },
};

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts. */
function subjectColumns(binding: Json): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const subject of arr(binding.subjects)) {
    const kind = str(subject.kind);
    if (kind === 'ServiceAccount') sas.push(`${str(subject.namespace)}/${str(subject.name)}`);
    else if (kind === 'User') users.push(str(subject.name));
    else if (kind === 'Group') groups.push(str(subject.name));
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

export const ROLEBINDINGS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Role' }, { name: 'Age' }, wideColumn('Users'), wideColumn('Groups'), wideColumn('ServiceAccounts')],
  row(binding, { now, wide }) {
    const cells: Cell[] = [nameOf(binding), `${str(at(binding, 'roleRef.kind'))}/${str(at(binding, 'roleRef.name'))}`, age(binding, now)];
    if (wide) cells.push(...subjectColumns(binding));
    return cells;
  },
};

export const RESOURCEQUOTAS: TableDefinition = {
  // v1.30 order: AGE before REQUEST and LIMIT (moved to the end in later releases).
  columns: [{ name: 'Name' }, { name: 'Age' }, { name: 'Request' }, { name: 'Limit' }],
  row(quota, { now }) {
    const hard = obj(at(quota, 'status.hard'));
    const used = obj(at(quota, 'status.used'));
    const request: string[] = [];
    const limit: string[] = [];
    for (const resource of Object.keys(hard).sort(compareStrings)) {
      const text = `${resource}: ${quantity(used[resource])}/${quantity(hard[resource])}`;
      (resource.split('.').length > 1 && resource.split('.')[0] === 'limits' ? limit : request).push(text);
    }
    return [nameOf(quota), age(quota, now), request.join(', '), limit.join(', ')];
  },
};

export const PRIORITYCLASSES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Value' }, { name: 'Global-Default' }, { name: 'Age' }, wideColumn('PreemptionPolicy')],
  row(pc, { now, wide }) {
    const cells: Cell[] = [nameOf(pc), num(pc.value), bool(pc.globalDefault), age(pc, now)];
    if (wide) cells.push(str(pc.preemptionPolicy));
    return cells;
  },
};

export const LEASES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Holder' }, { name: 'Age' }],
  row: (lease, { now }) => [nameOf(lease), str(at(lease, 'spec.holderIdentity')), age(lease, now)],
};

export const PODTEMPLATES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Containers' }, { name: 'Images' }, { name: 'Pod Labels' }],
  row(template) {
    const containers = arr(at(template, 'template.spec.containers'));
    const labels = Object.entries(obj(at(template, 'template.metadata.labels'))).sort((a, b) => compareStrings(a[0], b[0]));
    return [
      nameOf(template), containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(','),
      labels.length === 0 ? '<none>' : labels.map(([k, v]) => `${k}=${str(v)}`).join(','),
    ];
  },
};

export const RUNTIMECLASSES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Handler' }, { name: 'Age' }],
  row: (rc, { now }) => [nameOf(rc), str(rc.handler), age(rc, now)],
};

export const WEBHOOK_CONFIGURATIONS: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Webhooks' }, { name: 'Age' }],
  row: (config, { now }) => [nameOf(config), arr(config.webhooks).length, age(config, now)],
};

export const CSINODES: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Drivers' }, { name: 'Age' }],
  row: (node, { now }) => [nameOf(node), arr(at(node, 'spec.drivers')).length, age(node, now)],
};

/** The API server's default table for kinds printers.go has no handler for. */
export const DEFAULT_TABLE: TableDefinition = {
  columns: [{ name: 'Name' }, { name: 'Created At' }],
  row: (object) => [nameOf(object), rfc3339(meta(object).creationTimestamp)],
};

