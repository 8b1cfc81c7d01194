/**
 * The PersistentVolume controller (kube-controller-manager's persistentvolume-binder,
 * v1.30) with what sits around it on a kind cluster: the pvc-protection and pv-protection
 * controllers, the retroactive default StorageClass, and the local-path provisioner.
 * Keys are `pvc/<namespace>/<name>` (syncClaim) and `pv/<name>` (syncVolume).
 */
import type { KubeObject, WatchEvent } from '../store/store';
import { keyOf, splitKey, type Action, type Controller, type Reader, type ReconcileResult } from './types';
import { LOCAL_PATH_PROVISIONER, defaultClassName } from './storageclass';
import {
  ANN_BETA_STORAGE_CLASS, ANN_SELECTED_NODE, BINDER_COMPONENT, NODES, PODS, PVCS, PVS, STORAGE_CLASSES,
  annotationsOf, bindActions, claimBoundActions, classOf, findBestMatch, isDeleting, isPreboundTo, metaOf, nodeLabelsOf, obj, str, withVolumePhase,
} from './persistentvolume/binder';
import { handOverActions, localPathActions, provisionerOf } from './persistentvolume/provisioner';
import { claimNamesOf, pvcProtection, syncVolume } from './persistentvolume/reclaim';

export const PV_CONTROLLER_NAME = 'persistentvolume-binder-controller';

const NO_CLASS_MESSAGE = 'no persistent volumes available for this claim and no storage class is set';
const WAIT_MESSAGE = 'waiting for first consumer to be created before binding';

const claimKeyOf = (namespace: string, name: string): string => `pvc/${namespace}/${name}`;

/**
 * Creates the controller. It remembers which claims are still Pending, so that a new PV or
 * StorageClass looks at them again (a real controller resyncs every 15 s); a fresh runtime's
 * resyncAll fills that set again after a load.
 */
export function createPersistentVolumeController(): Controller {
  const pending = new Set<string>();

  function onClaim(event: WatchEvent): string[] {
    const meta = metaOf(event.object);
    const key = claimKeyOf(str(meta.namespace), str(meta.name));
    if (event.type === 'DELETED') pending.delete(key);
    const volume = str(obj(event.object.spec).volumeName);
    return volume === '' ? [key] : [key, `pv/${volume}`];
  }

  function onVolume(event: WatchEvent): string[] {
    const ref = obj(obj(event.object.spec).claimRef);
    const keys = event.type === 'DELETED' ? [] : [`pv/${keyOf(event.object)}`];
    if (ref.name !== undefined) keys.push(claimKeyOf(str(ref.namespace) || 'default', str(ref.name)));
    else if (event.type !== 'DELETED') keys.push(...pending);
    return keys;
  }

  function onPod(event: WatchEvent): string[] {
    // The pvc-protection controller looks again when a Pod that used a claim goes away.
    const phase = obj(event.object.status).phase;
    if (event.type !== 'DELETED' && phase !== 'Succeeded' && phase !== 'Failed') return [];
    const namespace = str(metaOf(event.object).namespace);
    return claimNamesOf(event.object).map((name) => claimKeyOf(namespace, name));
  }

  function reconcile(key: string, reader: Reader): ReconcileResult {
    if (key.startsWith('pv/')) {
      const pv = reader.get(PVS, '', key.slice(3));
      return { actions: pv ? syncVolume(pv, reader) : [] };
    }
    const { namespace, name } = splitKey(key.slice(4));
    const claim = reader.get(PVCS, namespace, name);
    if (!claim) {
      pending.delete(key);
      return { actions: [] };
    }
    const actions = syncClaim(claim, reader);
    if (str(obj(claim.spec).volumeName) === '' && !isDeleting(claim)) pending.add(key);
    else pending.delete(key);
    return { actions };
  }

  return {
    name: PV_CONTROLLER_NAME,
    triggers: [
      { info: PVCS, keys: onClaim },
      { info: PVS, keys: onVolume },
      { info: STORAGE_CLASSES, keys: () => [...pending] },
      { info: PODS, keys: onPod },
    ],
    reconcile,
  };
}

/** Mirrors syncClaim: protection first, then syncUnboundClaim or syncBoundClaim. */
function syncClaim(claim: KubeObject, reader: Reader): Action[] {
  const protection = pvcProtection(claim, reader);
  if (protection) return [protection];
  if (isDeleting(claim)) return [];
  const volumeName = str(obj(claim.spec).volumeName);
  return volumeName === '' ? syncUnboundClaim(claim, reader) : syncBoundClaim(claim, volumeName, reader);
}

function event(claim: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): Action {
  return { type: 'event', event: { involved: claim, type, reason, message, component: BINDER_COMPONENT } };
}

function syncUnboundClaim(claim: KubeObject, reader: Reader): Action[] {
  const spec = obj(claim.spec);
  const now = reader.now();
  // Mirrors RetroactiveDefaultStorageClass (GA in v1.28): a claim created before any default
  // class existed (or without the admission plugin) gets the default class once there is one.
  if ((spec.storageClassName === undefined || spec.storageClassName === null) && annotationsOf(claim)[ANN_BETA_STORAGE_CLASS] === undefined) {
    const name = defaultClassName(reader.list(STORAGE_CLASSES));
    if (name !== undefined) return [{ type: 'update', object: { ...claim, spec: { ...spec, storageClassName: name } } }];
  }
  const className = classOf(claim);
  const storageClass = className === '' ? undefined : reader.get(STORAGE_CLASSES, '', className);
  const delayed = storageClass?.volumeBindingMode === 'WaitForFirstConsumer';
  const selectedNode = str(annotationsOf(claim)[ANN_SELECTED_NODE]);
  if (delayed && selectedNode === '') {
    // Mirrors syncUnboundClaim with delayBinding: nothing happens before a Pod is scheduled.
    return [event(claim, 'Normal', 'WaitForFirstConsumer', WAIT_MESSAGE)];
  }
  const nodeObject = delayed ? reader.get(NODES, '', selectedNode) : undefined;
  const volume = findBestMatch(claim, reader.list(PVS), nodeObject ? nodeLabelsOf(nodeObject) : undefined);
  if (volume) return bindActions(volume, claim, now);
  if (className === '') return [event(claim, 'Normal', 'FailedBinding', NO_CLASS_MESSAGE)];
  if (!storageClass) return [event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`)];
  const provisioner = str(storageClass.provisioner);
  if (provisionerOf(claim) !== provisioner) return handOverActions(claim, provisioner);
  // The provisioner's own loop: only local-path runs in this cluster.
  if (provisioner !== LOCAL_PATH_PROVISIONER) return [];
  const exists = reader.get(PVS, '', `pvc-${str(metaOf(claim).uid)}`) !== undefined;
  return [...handOverActions(claim, provisioner), ...localPathActions(claim, storageClass, exists)];
}

function syncBoundClaim(claim: KubeObject, volumeName: string, reader: Reader): Action[] {
  const pv = reader.get(PVS, '', volumeName);
  const lost = (reason: string, message: string): Action[] => {
    const actions = [event(claim, 'Warning', reason, message)];
    if (obj(claim.status).phase !== 'Lost') {
      const copy = { ...claim, metadata: { ...metaOf(claim) }, status: { ...obj(claim.status), phase: 'Lost' } };
      delete (copy.metadata as { resourceVersion?: unknown }).resourceVersion;
      actions.push({ type: 'updateStatus', object: copy });
    }
    return actions;
  };
  if (!pv) return lost('ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  const ref = obj(obj(pv.spec).claimRef);
  if (ref.name === undefined) {
    // The user named the volume in the claim: the controller binds the PV to it.
    return bindActions(pv, claim, reader.now());
  }
  if (!isPreboundTo(pv, claim)) return lost('ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
  if (str(ref.uid) === '') return bindActions(pv, claim, reader.now());
  const actions = claimBoundActions(claim, pv);
  const bound = withVolumePhase(pv, 'Bound', reader.now());
  if (bound) actions.unshift({ type: 'updateStatus', object: bound });
  return actions;
}
