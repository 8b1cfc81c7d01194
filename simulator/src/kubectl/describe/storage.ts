/**
 * `kubectl describe persistentvolume|persistentvolumeclaim|storageclass`
 * (describePersistentVolume, describePersistentVolumeClaim, describeStorageClass in
 * k8s.io/kubectl/pkg/describe, v1.30), with the volume sources the course meets (hostPath,
 * local, NFS, CephFS, Glusterfs, CSI); the others print `<unknown>` as kubectl does for
 * sources it has no printer for.
 */
import { canonicalQuantity } from '../../api/quantity';
import { compareStrings } from '../../store/json';
import { since } from '../age';
import { arr, at, bool, formatLabels, meta, nameOf, obj, str, strs, type Json } from '../fields';
import { claimClass } from './apps';
import { type DescribeWriter, writeAnnotations, writeEvents, writeLabels } from './writer';

const quantity = (value: unknown): string => (value === undefined || value === null ? '0' : canonicalQuantity(value));
/** Go's %v of a []string: `[a b]`. */
const goList = (value: unknown): string => `[${strs(value).join(' ')}]`;

/** GetAccessModesAsString: `RWO,ROX,RWX,RWOP` in that order. */
export function accessModes(modes: unknown): string {
  const list = strs(modes);
  const order: [string, string][] = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];
  return order.filter(([mode]) => list.includes(mode)).map(([, short]) => short).join(',');
}

/** The generated String() of a *SecretReference (`&SecretReference{Name:x,Namespace:y,}`), `nil` when unset. */
function secretRef(value: unknown): string {
  if (value === undefined || value === null) return 'nil';
  return `&SecretReference{Name:${str(obj(value).name)},Namespace:${str(obj(value).namespace)},}`;
}

/** printCSIPersistentVolumeAttributesMultiline. */
function writeAttributes(w: DescribeWriter, attributes: unknown): void {
  w.write(2, 'VolumeAttributes:\t');
  const keys = Object.keys(obj(attributes)).sort(compareStrings);
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((key, i) => {
    if (i !== 0) w.write(2, '\t');
    const line = `${key}=${str(obj(attributes)[key])}`;
    w.write(2, `${line.length > 140 ? `${line.slice(0, 140)}...` : line}\n`);
  });
}

function describeSource(w: DescribeWriter, spec: Json): void {
  if (spec.hostPath) {
    const type = at(spec, 'hostPath.type');
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(at(spec, 'hostPath.path'))}\n    HostPathType:\t${type === undefined ? '<none>' : str(type)}\n`);
  } else if (spec.nfs) {
    const nfs = obj(spec.nfs);
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(nfs.server)}\n    Path:\t${str(nfs.path)}\n    ReadOnly:\t${bool(nfs.readOnly)}\n`);
  } else if (spec.glusterfs) {
    const g = obj(spec.glusterfs);
    const endpointsNamespace = g.endpointsNamespace === undefined ? '<unset>' : str(g.endpointsNamespace);
    w.write(2, `Type:\tGlusterfs (a Glusterfs mount on the host that shares a pod's lifetime)\n    EndpointsName:\t${str(g.endpoints)}\n    EndpointsNamespace:\t${endpointsNamespace}\n    Path:\t${str(g.path)}\n    ReadOnly:\t${bool(g.readOnly)}\n`);
  } else if (spec.local) {
    w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${str(at(spec, 'local.path'))}\n`);
  } else if (spec.cephfs) {
    const c = obj(spec.cephfs);
    w.write(2, `Type:\tCephFS (a CephFS mount on the host that shares a pod's lifetime)\n    Monitors:\t${goList(c.monitors)}\n    Path:\t${str(c.path)}\n    User:\t${str(c.user)}\n    SecretFile:\t${str(c.secretFile)}\n    SecretRef:\t${secretRef(c.secretRef)}\n    ReadOnly:\t${bool(c.readOnly)}\n`);
  } else if (spec.csi) {
    const csi = obj(spec.csi);
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(csi.driver)}\n    FSType:\t${str(csi.fsType)}\n    VolumeHandle:\t${str(csi.volumeHandle)}\n    ReadOnly:\t${bool(csi.readOnly)}\n`);
    writeAttributes(w, csi.volumeAttributes);
  } else {
    w.write(1, '<unknown>\n');
  }
}

/** printVolumeNodeAffinity. */
function describeNodeAffinity(w: DescribeWriter, affinity: unknown): void {
  w.write(0, 'Node Affinity:\t');
  const required = at(affinity, 'required');
  if (required === undefined || required === null) return w.line('<none>');
  w.line('');
  w.write(1, 'Required Terms:\t');
  const terms = arr(obj(required).nodeSelectorTerms);
  if (terms.length === 0) return w.line('<none>');
  w.line('');
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const expressions = arr(term.matchExpressions);
    if (expressions.length === 0) return w.line('<none>');
    expressions.forEach((req, j) => {
      if (j !== 0) w.write(2, '\t');
      const values = strs(req.values);
      w.write(0, `${str(req.key)} ${str(req.operator).toLowerCase()}${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`);
    });
  });
}

/** storageutil.GetPersistentVolumeClass. */
const volumeClass = (pv: Json): string =>
  typeof at(pv, 'spec.storageClassName') === 'string' ? str(at(pv, 'spec.storageClassName')) : str(obj(meta(pv).annotations)['volume.beta.kubernetes.io/storage-class']);

export function describePersistentVolume(w: DescribeWriter, pv: Json, events: readonly Json[] | undefined, now: number): void {
  const spec = obj(pv.spec);
  w.write(0, `Name:\t${nameOf(pv)}\n`);
  writeLabels(w, 'Labels', meta(pv).labels);
  writeAnnotations(w, 'Annotations', meta(pv).annotations);
  w.write(0, `Finalizers:\t${goList(meta(pv).finalizers)}\n`);
  w.write(0, `StorageClass:\t${volumeClass(pv)}\n`);
  const deleting = meta(pv).deletionTimestamp;
  w.write(0, `Status:\t${deleting ? `Terminating (lasts ${since(deleting, now)})` : str(at(pv, 'status.phase'))}\n`);
  w.write(0, `Claim:\t${spec.claimRef ? `${str(at(spec, 'claimRef.namespace'))}/${str(at(spec, 'claimRef.name'))}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${str(spec.persistentVolumeReclaimPolicy)}\n`);
  w.write(0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  if (spec.volumeMode !== undefined) w.write(0, `VolumeMode:\t${str(spec.volumeMode)}\n`);
  w.write(0, `Capacity:\t${quantity(at(spec, 'capacity.storage'))}\n`);
  describeNodeAffinity(w, spec.nodeAffinity);
  w.write(0, `Message:\t${str(at(pv, 'status.message'))}\n`);
  w.write(0, 'Source:\n');
  describeSource(w, spec);
  writeEvents(w, events, now);
}

/** The Pods using a claim (getPodsForPVC): those mounting it, then those owning it, by name. */
export function podsUsingClaim(claim: Json, pods: readonly Json[]): Json[] {
  const using = pods.filter((pod) => arr(at(pod, 'spec.volumes')).some((v) => str(at(v, 'persistentVolumeClaim.claimName')) === nameOf(claim)));
  for (const ref of arr(meta(claim).ownerReferences)) {
    if (str(ref.kind) !== 'Pod') continue;
    const owner = pods.find((pod) => str(meta(pod).uid) === str(ref.uid));
    if (owner && !using.includes(owner)) using.push(owner);
  }
  return using;
}

export function describePersistentVolumeClaim(w: DescribeWriter, claim: Json, pods: readonly Json[], events: readonly Json[] | undefined, now: number): void {
  const spec = obj(claim.spec);
  w.write(0, `Name:\t${nameOf(claim)}\n`);
  w.write(0, `Namespace:\t${str(meta(claim).namespace)}\n`);
  w.write(0, `StorageClass:\t${claimClass(claim)}\n`);
  const deleting = meta(claim).deletionTimestamp;
  w.write(0, `Status:\t${deleting ? `Terminating (lasts ${since(deleting, now)})` : str(at(claim, 'status.phase'))}\n`);
  w.write(0, `Volume:\t${str(spec.volumeName)}\n`);
  writeLabels(w, 'Labels', meta(claim).labels);
  writeAnnotations(w, 'Annotations', meta(claim).annotations);
  w.write(0, `Finalizers:\t${goList(meta(claim).finalizers)}\n`);
  const bound = str(spec.volumeName) !== '';
  w.write(0, `Capacity:\t${bound ? quantity(at(claim, 'status.capacity.storage')) : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModes(at(claim, 'status.accessModes')) : ''}\n`);
  if (spec.volumeMode !== undefined) w.write(0, `VolumeMode:\t${str(spec.volumeMode)}\n`);
  const source = obj(spec.dataSource);
  if (Object.keys(source).length > 0) {
    w.write(0, 'DataSource:\n');
    if (source.apiGroup !== undefined) w.write(1, `APIGroup:\t${str(source.apiGroup)}\n`);
    w.write(1, `Kind:\t${str(source.kind)}\n`);
    w.write(1, `Name:\t${str(source.name)}\n`);
  }
  // printPodsMultiline: the Pods' names, sorted.
  w.write(0, 'Used By:\t');
  const names = podsUsingClaim(claim, pods).map(nameOf).sort(compareStrings);
  if (names.length === 0) w.line('<none>');
  names.forEach((name, i) => w.write(0, i === 0 ? `${name}\n` : `\t${name}\n`));
  writeEvents(w, events, now);
}

export function describeStorageClass(w: DescribeWriter, sc: Json, events: readonly Json[] | undefined, now: number): void {
  const annotations = obj(meta(sc).annotations);
  const isDefault = str(annotations['storageclass.kubernetes.io/is-default-class']) === 'true' || str(annotations['storageclass.beta.kubernetes.io/is-default-class']) === 'true';
  w.write(0, `Name:\t${nameOf(sc)}\n`);
  w.write(0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(annotations)}\n`);
  w.write(0, `Provisioner:\t${str(sc.provisioner)}\n`);
  w.write(0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion === true ? 'True' : 'False'}\n`);
  const options = strs(sc.mountOptions);
  if (options.length === 0) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const option of options) w.write(1, `${option}\n`);
  }
  if (sc.reclaimPolicy !== undefined) w.write(0, `ReclaimPolicy:\t${str(sc.reclaimPolicy)}\n`);
  if (sc.volumeBindingMode !== undefined) w.write(0, `VolumeBindingMode:\t${str(sc.volumeBindingMode)}\n`);
  const topologies = sc.allowedTopologies;
  if (Array.isArray(topologies)) {
    w.write(0, 'AllowedTopologies:\t');
    if (topologies.length === 0) w.line('<none>');
    else {
      w.line('');
      arr(topologies).forEach((term, i) => {
        w.write(1, `Term ${i}:\t`);
        const expressions = arr(term.matchLabelExpressions);
        if (expressions.length === 0) return w.line('<none>');
        expressions.forEach((req, j) => {
          if (j !== 0) w.write(1, '\t');
          const values = strs(req.values);
          w.write(0, `${str(req.key)} in${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`);
        });
      });
    }
  }
  writeEvents(w, events, now);
}
