/**
 * The images of the simulated Docker engine: registry images pulled from the simulator's
 * catalogue (kubelet/images.ts) and images built with `docker build` (or named again with
 * `docker tag`). A built image is kept flat: the catalogue image it comes from (its root,
 * through any chain of FROM), the configuration its Dockerfiles set, and the files they
 * added. What it runs is its root's programs with that configuration.
 */
import { findImage, isAlpine, pull, versionOf, type ImageInfo, type PullOutcome } from '../kubelet/images';
import { hexDigits, between } from '../kubelet/hash';
import { familiarName, parseReference, type ImageReference } from '../kubelet/reference';

/** The image configuration docker keeps (`docker inspect`'s Config, the part that matters here). */
export interface RunConfig {
  entrypoint: string[];
  cmd: string[];
  /** ENV beyond the default PATH. */
  env: Record<string, string>;
  workdir?: string;
  user?: string;
  /** `80/tcp`, in order. */
  exposedPorts: string[];
  labels: Record<string, string>;
}

export interface ImageRecord {
  /** `sha256:` and 64 hex digits. */
  id: string;
  /** The normalized references that name it (`docker.io/library/monimage:1.0`); none: dangling. */
  tags: string[];
  /** Epoch ms. */
  created: number;
  /** Uncompressed size in bytes, as `docker images` shows it. */
  size: number;
  /** The catalogue image it is, or is built from (normalized reference). */
  root: string;
  /** Set for a built image: its whole configuration. */
  config?: RunConfig;
  /** Files a build added or replaced (path -> content). */
  files?: Record<string, string>;
}

/** Registry layers are compressed: an image takes about this much more once unpacked. */
const UNPACKED_RATIO = 2.6;

/** When the catalogue's images were published: some weeks before the simulation starts. */
const PUBLISHED = Date.UTC(2023, 10, 1);

/** The catalogue entry behind a normalized reference, with its tag. */
export function catalogueOf(normalized: string): { info: ImageInfo; reference: ImageReference } | undefined {
  const parsed = parseReference(normalized);
  const info = parsed.ok ? findImage(normalized) : undefined;
  return parsed.ok && info ? { info, reference: parsed.reference } : undefined;
}

/** A registry image as docker holds it once pulled. */
export function pulledRecord(outcome: Extract<PullOutcome, { ok: true }>): ImageRecord {
  const { reference, sizeBytes } = outcome.pulled;
  return {
    id: `sha256:${hexDigits(`docker-image:${reference.normalized}`)}`,
    tags: [reference.normalized],
    created: PUBLISHED + between(`published:${reference.normalized}`, 0, 40) * 86_400_000,
    size: Math.round(sizeBytes * UNPACKED_RATIO),
    root: reference.normalized,
  };
}

/** The unpacked size of a registry image ('' or unknown: 0). */
export function registrySize(normalized: string): number {
  const parsed = parseReference(normalized);
  const outcome = parsed.ok ? pull(parsed.reference) : undefined;
  return outcome?.ok ? Math.round(outcome.pulled.sizeBytes * UNPACKED_RATIO) : 0;
}

/** What a catalogue image's configuration is. */
export function catalogueConfig(info: ImageInfo): RunConfig {
  return { entrypoint: [...info.entrypoint], cmd: [...info.cmd], env: { ...info.env }, exposedPorts: info.ports.map((port) => `${port}/tcp`), labels: {} };
}

/** The record's configuration: its own when built, else its catalogue image's. */
export function configOf(record: ImageRecord): RunConfig {
  if (record.config) return record.config;
  const root = catalogueOf(record.root);
  return root ? catalogueConfig(root.info) : { entrypoint: [], cmd: [], env: {}, exposedPorts: [], labels: {} };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the record runs, named `reference`: its root's programs, shell and files, with the
 * configuration and files its builds set. Undefined when the root is not in the catalogue.
 */
export function imageInfoOf(record: ImageRecord, reference: ImageReference): ImageInfo | undefined {
  const root = catalogueOf(record.root);
  if (!root) return undefined;
  const config = configOf(record);
  const version = versionOf(root.info, root.reference.tag);
  const ports = config.exposedPorts.filter((port) => port.endsWith('/tcp')).map((port) => Number(port.split('/')[0]));
  const { aliases: _aliases, versions: _versions, alpineSizeBytes: _alpine, ...base } = root.info;
  return {
    ...base,
    name: familiarName(reference),
    summary: `Image locale construite à partir de ${familiarName(root.reference)}:${root.reference.tag}.`,
    tags: new RegExp(`^${escapeRegExp(reference.tag)}$`),
    suggestedTag: reference.tag,
    latest: version,
    sizeBytes: record.size,
    entrypoint: config.entrypoint,
    cmd: config.cmd,
    ports,
    files: { ...root.info.files, ...record.files },
    env: config.env,
    builtFrom: { name: root.info.name, version, alpine: isAlpine(root.reference.tag) },
  };
}

/** Docker's pull error for a reference the catalogue does not have (`docker pull`, `docker run`). */
export function pullError(reference: ImageReference): string {
  const outcome = pull(reference);
  const why = outcome.ok ? '' : (/failed to resolve reference "[^"]*": (.*)$/.exec(outcome.error)?.[1] ?? outcome.error);
  const familiar = familiarName(reference);
  if (reference.domain === 'docker.io' && why.startsWith('pull access denied')) {
    return `pull access denied for ${familiar}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
  }
  if (why.endsWith(': not found')) return `manifest for ${familiar}:${reference.tag} not found: manifest unknown: manifest unknown`;
  return why.replace(/^failed to do request: Head "https:\/\/([^/]+)\/.*?": /, 'Get "https://$1/v2/": ');
}

/** BuildKit's reason when FROM names an image no registry has (`... : not found`, `pull access denied ...`). */
export function resolveError(reference: ImageReference): string {
  const outcome = pull(reference);
  return outcome.ok ? '' : (/failed to resolve reference "[^"]*": (.*)$/.exec(outcome.error)?.[1] ?? outcome.error);
}
