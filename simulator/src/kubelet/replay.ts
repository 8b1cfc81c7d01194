/**
 * Replays a container instance from what the Pod's status says about it (image,
 * startedAt, finishedAt): its process is rebuilt from the spec and the image, so logs and
 * usage are pure functions of the cluster's state and the time, never stored anywhere.
 */
import { kindInfo } from '../api/catalog';
import type { Reader } from '../controllers/types';
import type { JsonObject } from '../store/json';
import type { ObjectStore } from '../store/store';
import { containerEnv, serviceEnv } from './config';
import { pull } from './images';
import { localImagesOf, type LocalImages } from './localImages';
import type { PrometheusHistory } from '../metrics/history';
import { prometheusHistoryOf } from '../metrics/attach';
import { processFor, type ProcessSpec } from './machine';
import { planRun, type Plan } from './plan';
import { parseReference } from './reference';
import { list, obj, text } from './util';

const NODES = kindInfo('v1', 'Node')!;

/**
 * Read access to the cluster: a controller's Reader, or readerOf(store); with the images
 * built locally, if any, and the simulated Prometheus' scraped history (metrics/scraper.ts).
 */
export type StateReader = Pick<Reader, 'get' | 'list'> & { images?: LocalImages; prometheus?: PrometheusHistory };

/** A StateReader over an ObjectStore (whose get() throws NotFound where a Reader returns undefined). */
export function readerOf(store: Pick<ObjectStore, 'find' | 'list'>): StateReader {
  const images = localImagesOf(store);
  const prometheus = prometheusHistoryOf(store);
  return { get: (info, namespace, name) => store.find(info, namespace, name), list: (info, options) => store.list(info, options), ...(images ? { images } : {}), ...(prometheus ? { prometheus } : {}) };
}

export interface Replayed {
  process: ProcessSpec;
  plan: Plan;
}

/** The container's spec (regular or init). */
export function containerSpec(pod: JsonObject, name: string): JsonObject | undefined {
  const spec = obj(pod.spec);
  return [...list(spec.initContainers), ...list(spec.containers)].find((c) => c.name === name);
}

/** Rebuilds the process of the instance started at `startedAt` from `image` (the normalized name in the status). */
export function replay(reader: StateReader, pod: JsonObject, name: string, image: string, startedAt: number, restartCount: number): Replayed | undefined {
  const spec = containerSpec(pod, name);
  const parsed = parseReference(image);
  if (!spec || !parsed.ok) return undefined;
  const outcome = pull(parsed.reference, reader.images);
  if (!outcome.ok) return undefined;
  const status = obj(pod.status);
  const podIP = typeof status.podIP === 'string' ? status.podIP : '';
  const node = reader.get(NODES, '', text(obj(pod.spec).nodeName));
  const env = containerEnv({ reader, pod, container: spec, podIP, hostIP: text(status.hostIP), allocatable: obj(obj(node?.status).allocatable) });
  const meta = obj(pod.metadata);
  const process = processFor({
    pulled: outcome.pulled,
    pod,
    container: spec,
    env: env.ok ? env.env : {},
    serviceEnv: () => serviceEnv(reader, text(meta.namespace, 'default'), obj(pod.spec).enableServiceLinks !== false),
    podIP,
  });
  return { process, plan: planRun(process, startedAt, spec, `${String(meta.uid)}:${name}:${restartCount + 1}`) };
}
