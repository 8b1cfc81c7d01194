/**
 * The simulated Docker engine: its images and containers, on the cluster's clock. It holds
 * plain data only (saved with the cluster, so a reload finds them again) and lends its
 * images to the cluster's nodes (LocalImages): a Pod may run `monimage:1.0` once
 * `docker build` made it. What containers do is computed from the data and the time
 * (containers.ts); the docker commands (commands.ts) read and change it. No I/O.
 */
import type { Clock } from '../clock';
import { clone } from '../store/json';
import type { PulledImage } from '../kubelet/images';
import type { LocalImages } from '../kubelet/localImages';
import { parseReference, type ImageReference } from '../kubelet/reference';
import type { ContainerRecord } from './containers';
import { imageInfoOf, type ImageRecord } from './images';

export const DOCKER_FORMAT = 'atelier-kubernetes/docker-v1';

/** The engine's state as plain JSON (ClusterSnapshot.docker). */
export interface DockerSnapshot {
  format: typeof DOCKER_FORMAT;
  /** The last sequence number handed out (container IDs and names derive from it). */
  sequence: number;
  images: ImageRecord[];
  containers: ContainerRecord[];
  /** BuildKit's cache: keys of build steps already done, base images already fetched. */
  cache: string[];
}

/** How many build steps the cache remembers (the oldest go first). */
const CACHE_LIMIT = 2000;

export class DockerEngine implements LocalImages {
  readonly images: ImageRecord[];
  readonly containers: ContainerRecord[];
  private sequence: number;
  private readonly cache: Set<string>;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly clock: Clock,
    saved?: DockerSnapshot,
  ) {
    if (saved !== undefined && (saved.format !== DOCKER_FORMAT || !Array.isArray(saved.images) || !Array.isArray(saved.containers))) {
      throw new Error(`unknown docker state format: ${String((saved as { format?: unknown }).format)}`);
    }
    this.images = clone(saved?.images ?? []);
    this.containers = clone(saved?.containers ?? []);
    this.sequence = saved?.sequence ?? 0;
    this.cache = new Set(saved?.cache ?? []);
  }

  /** Nothing was ever pulled, built or run (the cluster's snapshot then leaves the engine out). */
  get empty(): boolean {
    return this.images.length === 0 && this.containers.length === 0 && this.cache.size === 0 && this.sequence === 0;
  }

  /** The state as plain JSON. */
  save(): DockerSnapshot {
    return { format: DOCKER_FORMAT, sequence: this.sequence, images: clone(this.images), containers: clone(this.containers), cache: [...this.cache] };
  }

  /** Calls `listener` after each change a command made; returns the unsubscribe. */
  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the watchers that the state changed. */
  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** A new sequence number. */
  next(): number {
    return ++this.sequence;
  }

  cached(key: string): boolean {
    return this.cache.has(key);
  }

  remember(key: string): void {
    this.cache.delete(key);
    this.cache.add(key);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.values().next().value!);
  }

  // Images.

  /** The image a normalized reference names. */
  imageNamed(normalized: string): ImageRecord | undefined {
    return this.images.find((image) => image.tags.includes(normalized));
  }

  /** The image `text` names: a reference (`nginx`, `monimage:1.0`) or an ID, whole or a prefix of at least one digit. */
  resolveImage(text: string): ImageRecord | undefined {
    const parsed = parseReference(text);
    const named = parsed.ok ? this.imageNamed(parsed.reference.normalized) : undefined;
    if (named) return named;
    const hex = text.replace(/^sha256:/, '');
    if (!/^[0-9a-f]+$/.test(hex)) return undefined;
    const matches = this.images.filter((image) => image.id.slice('sha256:'.length).startsWith(hex));
    return matches.length === 1 ? matches[0] : undefined;
  }

  /** Stores a new image or names an existing one: `reference` moves to it from any other image. */
  tag(record: ImageRecord, normalized: string): void {
    for (const image of this.images) if (image !== record) image.tags = image.tags.filter((tag) => tag !== normalized);
    if (!this.images.includes(record)) this.images.push(record);
    if (!record.tags.includes(normalized)) record.tags.push(normalized);
    this.dropDanglingUnused();
  }

  /** Adds an image (or the same image again: the stored one is returned). */
  add(record: ImageRecord): ImageRecord {
    const same = this.images.find((image) => image.id === record.id);
    if (same) return same;
    this.images.push(record);
    return record;
  }

  /** Removes an image record entirely. */
  remove(record: ImageRecord): void {
    const index = this.images.indexOf(record);
    if (index >= 0) this.images.splice(index, 1);
  }

  /** Images used by a container. */
  inUse(record: ImageRecord): ContainerRecord | undefined {
    return this.containers.find((container) => container.imageId === record.id);
  }

  /**
   * Pulled images left without a name are gone (a pull is only kept under its names);
   * built ones stay, dangling (`<none>`), as docker keeps the previous build.
   */
  private dropDanglingUnused(): void {
    for (const image of [...this.images]) if (image.tags.length === 0 && !image.config && !this.inUse(image)) this.remove(image);
  }

  /**
   * LocalImages: an image the engine built or named with `docker tag`. A registry image
   * under its own name is left to the registry (the node pulls it as before).
   */
  find(reference: ImageReference): PulledImage | undefined {
    const record = this.imageNamed(reference.normalized);
    if (!record || (!record.config && record.root === reference.normalized)) return undefined;
    const image = imageInfoOf(record, reference);
    return image && { image, reference, sizeBytes: record.size, imageID: record.id };
  }

  // Containers.

  /** The container `text` names: its name, its ID or an unambiguous prefix of it. */
  container(text: string): ContainerRecord | undefined {
    const name = text.replace(/^\//, '');
    const named = this.containers.find((container) => container.name === name);
    if (named) return named;
    if (!/^[0-9a-f]+$/.test(text)) return undefined;
    const matches = this.containers.filter((container) => container.id.startsWith(text));
    return matches.length === 1 ? matches[0] : undefined;
  }

  removeContainer(record: ContainerRecord): void {
    const index = this.containers.indexOf(record);
    if (index >= 0) this.containers.splice(index, 1);
  }
}
