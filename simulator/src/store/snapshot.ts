/**
 * Saving and loading the object store: a plain-JSON snapshot of every object, the
 * resourceVersion counter and the random generator's state. Lossless (a restored store
 * answers and evolves exactly like the saved one) and canonical (objects in resource,
 * namespace, name order), so the same history always gives the same bytes.
 */
import type { Clock } from '../clock';
import { createRandom, type Random } from '../random';
import { kindInfo } from '../api/catalog';
import { StatusError } from '../api/errors';
import { clone, isJsonObject } from './json';
import { ObjectStore, type KubeObject } from './store';

export const SNAPSHOT_FORMAT = 'atelier-kubernetes/store-v1';

export interface StoreSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  /** The last resourceVersion handed out. */
  resourceVersion: number;
  /** Random.state() when saved: uids and generated names continue from there. */
  random: number;
  /** Every stored object, by group/resource, namespace, name. */
  objects: KubeObject[];
}

export interface RestoreOptions {
  clock: Clock;
  /** Defaults to a generator resumed from the snapshot's state. */
  random?: Random;
  /** As in StoreOptions. */
  gracefulPodDeletion?: boolean;
}

/** A plain-JSON copy of the store's whole state. */
export function snapshot(store: ObjectStore): StoreSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    resourceVersion: store.registry.currentRevision,
    random: store.random.state(),
    objects: store.registry.entries().map((entry) => clone(entry.object)),
  };
}

/** A store in the state a snapshot describes (no event is sent for the loaded objects). */
export function restore(saved: StoreSnapshot, options: RestoreOptions): ObjectStore {
  if (!isJsonObject(saved) || saved.format !== SNAPSHOT_FORMAT || !Array.isArray(saved.objects)) {
    throw new StatusError('BadRequest', 400, `not a store snapshot (expected format ${SNAPSHOT_FORMAT})`, "Ce fichier n'est pas une sauvegarde de cluster de l'atelier (ou d'une version incompatible).");
  }
  const store = new ObjectStore({
    clock: options.clock,
    random: options.random ?? createRandom(saved.random),
    namespaces: [],
    gracefulPodDeletion: options.gracefulPodDeletion,
  });
  for (const object of saved.objects) {
    const info = isJsonObject(object) ? kindInfo(String(object.apiVersion), String(object.kind)) : undefined;
    if (!info) throw new StatusError('BadRequest', 400, `snapshot holds an object of unknown kind ${JSON.stringify(object.kind)} in version ${JSON.stringify(object.apiVersion)}`, "La sauvegarde contient un objet d'un type inconnu.");
    store.registry.put(info, clone(object), false);
  }
  store.registry.restoreRevision(saved.resourceVersion);
  return store;
}
