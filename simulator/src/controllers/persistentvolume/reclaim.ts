/**
 * The volume side of the PV controller (syncVolume, v1.30) and the two protection
 * controllers: a PV's phase follows its claim (Available, Bound, Released), a released
 * volume is kept (Retain), deleted (Delete: by its provisioner) or scrubbed (Recycle), and
 * the kubernetes.io/pv-protection and kubernetes.io/pvc-protection finalizers hold a volume
 * while it is bound and a claim while a Pod uses it.
 */
import { LOCAL_PATH_PROVISIONER } from '../storageclass';
import type { KubeObject } from '../../store/store';
import type { Action, Reader } from '../types';
import {
  ANN_BOUND_BY_CONTROLLER, ANN_PROVISIONED_BY, BINDER_COMPONENT, PODS, PVCS, PVS, PVC_PROTECTION, PV_PROTECTION,
  annotationsOf, finalizersOf, isDeleting, metaOf, obj, str, withVolumePhase,
} from './binder';

/** Adds or removes one finalizer: the update to write, if anything changes. */
export function finalizerUpdate(object: KubeObject, finalizer: string, wanted: boolean): Action | undefined {
  const finalizers = finalizersOf(object);
  if (finalizers.includes(finalizer) === wanted) return undefined;
  const next = wanted ? [...finalizers, finalizer] : finalizers.filter((item) => item !== finalizer);
  const metadata = { ...metaOf(object), finalizers: next };
  if (next.length === 0) delete (metadata as { finalizers?: unknown }).finalizers;
  return { type: 'update', object: { ...object, metadata } };
}

/** The claims a Pod's volumes name (persistentVolumeClaim sources). */
export function claimNamesOf(pod: KubeObject): string[] {
  const volumes = obj(pod.spec).volumes;
  if (!Array.isArray(volumes)) return [];
  const names: string[] = [];
  for (const volume of volumes) {
    const name = str(obj(obj(volume).persistentVolumeClaim).claimName);
    if (name !== '') names.push(name);
  }
  return names;
}

/**
 * Mirrors the pvc-protection-controller: a claim being deleted keeps its finalizer while a
 * Pod that is not finished uses it (such a claim shows Terminating in `kubectl get pvc`);
 * a live claim gets the finalizer if admission did not add it.
 */
export function pvcProtection(claim: KubeObject, reader: Reader): Action | undefined {
  if (!isDeleting(claim)) return finalizerUpdate(claim, PVC_PROTECTION, true);
  if (!finalizersOf(claim).includes(PVC_PROTECTION)) return undefined;
  const name = str(metaOf(claim).name);
  const inUse = reader.list(PODS, { namespace: str(metaOf(claim).namespace) }).some((pod) => {
    const phase = obj(pod.status).phase;
    return phase !== 'Succeeded' && phase !== 'Failed' && claimNamesOf(pod).includes(name);
  });
  return inUse ? undefined : finalizerUpdate(claim, PVC_PROTECTION, false);
}

/** Mirrors the pv-protection-controller: a PV being deleted keeps its finalizer while Bound. */
export function pvProtection(pv: KubeObject): Action | undefined {
  if (!isDeleting(pv)) return finalizerUpdate(pv, PV_PROTECTION, true);
  return str(obj(pv.status).phase) === 'Bound' ? undefined : finalizerUpdate(pv, PV_PROTECTION, false);
}

/**
 * Mirrors syncVolume and reclaimVolume. A volume whose claim is gone (or was replaced by
 * another with the same name) is Released, then its reclaim policy applies.
 */
export function syncVolume(pv: KubeObject, reader: Reader): Action[] {
  const now = reader.now();
  const protection = pvProtection(pv);
  if (protection) return [protection];
  const ref = obj(obj(pv.spec).claimRef);
  if (ref.name === undefined) {
    const available = withVolumePhase(pv, 'Available', now);
    return available ? [{ type: 'updateStatus', object: available }] : [];
  }
  const claim = reader.get(PVCS, str(ref.namespace) || 'default', str(ref.name));
  const uid = str(ref.uid);
  if (claim && (uid === '' || uid === metaOf(claim).uid)) {
    // The binder finishes a half-done binding from the claim's side.
    if (str(obj(claim.spec).volumeName) !== str(metaOf(pv).name)) return [];
    const bound = withVolumePhase(pv, 'Bound', now);
    return bound ? [{ type: 'updateStatus', object: bound }] : [];
  }
  if (uid === '') return [];
  const phase = str(obj(pv.status).phase);
  if (phase !== 'Released' && phase !== 'Failed') {
    const released = withVolumePhase(pv, 'Released', now);
    return released ? [{ type: 'updateStatus', object: released }] : [];
  }
  if (phase === 'Failed' || isDeleting(pv)) return [];
  return reclaim(pv, now);
}

function reclaim(pv: KubeObject, now: number): Action[] {
  const name = str(metaOf(pv).name);
  const event = (type: 'Normal' | 'Warning', reason: string, message: string): Action => ({ type: 'event', event: { involved: pv, type, reason, message, component: BINDER_COMPONENT } });
  switch (str(obj(pv.spec).persistentVolumeReclaimPolicy) || 'Retain') {
    case 'Retain':
      // Mirrors reclaimVolume: "policy is Retain, nothing to do". The data stays; an admin
      // must clear claimRef (or delete the PV) before it can be bound again.
      return [];
    case 'Delete':
      if (str(annotationsOf(pv)[ANN_PROVISIONED_BY]) === LOCAL_PATH_PROVISIONER) {
        // The provisioner removes the directory, then the PV object.
        return [{ type: 'delete', info: PVS, namespace: '', name }];
      }
      return [
        event('Warning', 'VolumeFailedDelete', `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`),
        ...optional(withVolumePhase(pv, 'Failed', now, `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`)),
      ];
    case 'Recycle': {
      // Mirrors the recycler: the volume is scrubbed (rm -rf) and offered again.
      const spec = { ...obj(pv.spec) };
      delete spec.claimRef;
      const annotations = { ...annotationsOf(pv) };
      delete annotations[ANN_BOUND_BY_CONTROLLER];
      return [{ type: 'update', object: { ...pv, metadata: { ...metaOf(pv), annotations }, spec } }, event('Normal', 'VolumeRecycled', 'Volume recycled')];
    }
    default:
      return [];
  }
}

const optional = (object: KubeObject | undefined): Action[] => (object ? [{ type: 'updateStatus', object }] : []);
