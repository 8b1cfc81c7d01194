/**
 * `docker pull` (and the pull `docker run` does when the image is not there): the image
 * from the simulator's catalogue, or the registry's refusal, with the progress docker
 * prints when its output is not a terminal, each layer's last state.
 */
import { hexDigits, between } from '../kubelet/hash';
import { pull } from '../kubelet/images';
import { familiarName, type ImageReference } from '../kubelet/reference';
import type { DockerEngine } from './engine';
import { pullError, pulledRecord, type ImageRecord } from './images';

export type PullResult = { ok: true; record: ImageRecord; progress: string; fresh: boolean } | { ok: false; error: string };

/** `nginx:latest`, `traefik/whoami:v1.10`: how docker names a reference in its messages. */
export const familiarWithTag = (reference: ImageReference): string => `${familiarName(reference)}${reference.digest ? `@${reference.digest}` : `:${reference.tag}`}`;

/** Pulls `reference` into the engine (or finds it up to date). */
export function pullImage(engine: DockerEngine, reference: ImageReference): PullResult {
  const outcome = pull(reference);
  if (!outcome.ok) return { ok: false, error: pullError(reference) };
  const digest = outcome.pulled.imageID.split('@')[1]!;
  const present = engine.imageNamed(reference.normalized);
  const header = `${reference.digest ?? reference.tag}: Pulling from ${reference.path}\n`;
  if (present && !present.config && present.root === reference.normalized) {
    return { ok: true, record: present, progress: `${header}Digest: ${digest}\nStatus: Image is up to date for ${familiarWithTag(reference)}\n`, fresh: false };
  }
  const record = pulledRecord(outcome);
  const stored = engine.add(record);
  engine.tag(stored, reference.normalized);
  const count = outcome.pulled.sizeBytes < 5_000_000 ? 1 : outcome.pulled.sizeBytes < 50_000_000 ? 3 : 5 + between(`${reference.normalized}:layers`, 0, 2);
  const layers = Array.from({ length: count }, (_, i) => `${hexDigits(`${reference.normalized}:layer:${i}`, 12)}: Pull complete\n`).join('');
  return { ok: true, record: stored, progress: `${header}${layers}Digest: ${digest}\nStatus: Downloaded newer image for ${familiarWithTag(reference)}\n`, fresh: true };
}
