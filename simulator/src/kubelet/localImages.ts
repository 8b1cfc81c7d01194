/**
 * Images a node's container runtime holds without any registry: the ones `docker build`
 * made or `docker tag` named. The simulated Docker engine shares its image store with the
 * cluster's nodes, as Docker Desktop's Kubernetes does (`kind load docker-image` and
 * `minikube image load` get the same result): a Pod finds them with imagePullPolicy
 * IfNotPresent (`already present on machine`), while a pull (policy Always, the `latest`
 * tag) asks the registry, which does not know them.
 */
import type { PulledImage } from './images';
import type { ImageReference } from './reference';

export interface LocalImages {
  /** The local image `reference` names, or undefined when only a registry could have it. */
  find(reference: ImageReference): PulledImage | undefined;
}

/**
 * The local images of each cluster, by its store: the one handle every reader of the
 * cluster has (readerOf(store) carries them to the replays of logs, usage and HTTP answers).
 */
const BY_STORE = new WeakMap<object, LocalImages>();

/** Makes `images` the local images of the cluster whose store is `store`. */
export function attachLocalImages(store: object, images: LocalImages): void {
  BY_STORE.set(store, images);
}

/** The local images of the cluster whose store is `store`, if it has any. */
export function localImagesOf(store: object): LocalImages | undefined {
  return BY_STORE.get(store);
}
