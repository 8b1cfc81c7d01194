/**
 * What each node's container runtime holds besides containers: the images already pulled
 * (reported in node.status.images, which the scheduler's ImageLocality reads) and the
 * image puller, serial as the kubelet's default (serializeImagePulls: true), so a second
 * pull waits for the first (`in 1.2s (3.4s including waiting)`).
 */
import { isJsonObject, type JsonObject } from '../store/json';
import { between } from './hash';
import type { PulledImage } from './images';
import { text } from './util';

/** node.status.images keeps the 50 largest (nodeStatusMaxImages). */
const MAX_IMAGES = 50;
/** Registry throughput of the simulated nodes, bytes per ms (25 MB/s). */
const BYTES_PER_MS = 25_000;

interface NodeRuntime {
  images: Map<string, { names: string[]; sizeBytes: number }>;
  busyUntil: number;
  inflight: Map<string, number>;
  dirty: boolean;
}

export class NodeRuntimes {
  private readonly nodes = new Map<string, NodeRuntime>();

  /** The node's runtime, seeded from its reported images the first time. */
  private of(node: JsonObject): NodeRuntime {
    const name = text((node.metadata as JsonObject | undefined)?.name);
    let runtime = this.nodes.get(name);
    if (!runtime) {
      runtime = { images: new Map(), busyUntil: 0, inflight: new Map(), dirty: false };
      const status = isJsonObject(node.status) ? node.status : {};
      for (const image of Array.isArray(status.images) ? status.images.filter(isJsonObject) : []) {
        const names = Array.isArray(image.names) ? image.names.map(String) : [];
        for (const tagged of names.filter((n) => !n.includes('@'))) runtime.images.set(tagged, { names, sizeBytes: Number(image.sizeBytes ?? 0) });
      }
      this.nodes.set(name, runtime);
    }
    return runtime;
  }

  present(node: JsonObject, normalized: string): boolean {
    return this.of(node).images.has(normalized);
  }

  /** Queues a pull; failed pulls fail fast, pulls of present images only check the manifest. */
  schedule(node: JsonObject, now: number, pulled: PulledImage | undefined, normalized: string, key: string): { doneAt: number; pullMs: number } {
    const runtime = this.of(node);
    const inflight = runtime.inflight.get(normalized);
    if (pulled && inflight !== undefined && inflight > now) {
      // The same image is already coming: containerd shares the download.
      const pullMs = between(`${key}:shared`, 40, 250);
      return { doneAt: inflight + pullMs, pullMs };
    }
    let pullMs: number;
    if (!pulled) pullMs = between(`${key}:fail`, 400, 1600);
    else if (runtime.images.has(normalized)) pullMs = between(`${key}:manifest`, 250, 900);
    else pullMs = 300 + Math.round((pulled.sizeBytes / BYTES_PER_MS) * (0.85 + 0.4 * (between(`${key}:speed`, 0, 1000) / 1000)));
    const doneAt = Math.max(now, runtime.busyUntil) + pullMs;
    runtime.busyUntil = doneAt;
    if (pulled) runtime.inflight.set(normalized, doneAt);
    return { doneAt, pullMs };
  }

  /** The image is on the node now. */
  add(node: JsonObject, pulled: PulledImage): void {
    const runtime = this.of(node);
    const normalized = pulled.reference.normalized;
    runtime.inflight.delete(normalized);
    if (runtime.images.has(normalized)) return;
    runtime.images.set(normalized, { names: [pulled.imageID, normalized], sizeBytes: pulled.sizeBytes });
    runtime.dirty = true;
  }

  /** The node's status with its images, when they changed since the last write. */
  statusUpdate(node: JsonObject): JsonObject | undefined {
    const runtime = this.of(node);
    if (!runtime.dirty) return undefined;
    runtime.dirty = false;
    const seen = new Set<string>();
    const images = [...runtime.images.values()]
      .filter((image) => !seen.has(image.names[0]!) && seen.add(image.names[0]!))
      .sort((a, b) => b.sizeBytes - a.sizeBytes || a.names[0]!.localeCompare(b.names[0]!))
      .slice(0, MAX_IMAGES)
      .map((image) => ({ names: image.names, sizeBytes: image.sizeBytes }));
    const status = isJsonObject(node.status) ? node.status : {};
    return { ...node, status: { ...status, images } };
  }
}
