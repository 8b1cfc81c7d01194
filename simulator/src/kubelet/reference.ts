/**
 * Image references as containerd normalises them (distribution/reference's
 * ParseNormalizedNamed): `nginx` is `docker.io/library/nginx:latest`, `traefik/whoami:v1.10`
 * is `docker.io/traefik/whoami:v1.10`. The kubelet reports the normalised name in
 * `status.containerStatuses[].image` and pulls under it.
 */

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:(?<domain>${DOMAIN})/)?(?<path>${COMPONENT}(?:/${COMPONENT})*)(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$`,
);

export const DOCKER_HUB = 'docker.io';

export interface ImageReference {
  /** What the manifest said: `nginx:1.27`. */
  written: string;
  /** Registry host: `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  domain: string;
  /** Repository path in that registry: `library/nginx`, `traefik/whoami`. */
  path: string;
  /** `latest` when neither tag nor digest was given. */
  tag: string;
  digest?: string;
  /** `docker.io/library/nginx`. */
  repository: string;
  /** `docker.io/library/nginx:1.27` (or `...@sha256:...` for a digest): what containerd pulls. */
  normalized: string;
}

export type ReferenceResult = { ok: true; reference: ImageReference } | { ok: false; error: string };

/**
 * Parses and normalises an image reference. Errors carry distribution/reference's texts
 * (`invalid reference format`, `repository name must be lowercase`).
 */
export function parseReference(written: string): ReferenceResult {
  let result = PARSED.get(written);
  if (!result) {
    result = parse(written);
    if (PARSED.size > 10_000) PARSED.clear();
    PARSED.set(written, result);
  }
  return result;
}

/** Parsed references are immutable: one parse per distinct text. */
const PARSED = new Map<string, ReferenceResult>();

function parse(written: string): ReferenceResult {
  const match = REFERENCE.exec(written);
  if (!match?.groups) {
    const lowered = REFERENCE.exec(written.toLowerCase());
    return { ok: false, error: lowered ? 'repository name must be lowercase' : 'invalid reference format' };
  }
  let { domain, path } = match.groups as { domain?: string; path: string };
  // Mirrors splitDockerDomain: a first component is a registry only if it looks like a host.
  if (domain !== undefined && !domain.includes('.') && !domain.includes(':') && domain !== 'localhost' && domain.toLowerCase() === domain) {
    path = `${domain}/${path}`;
    domain = undefined;
  }
  if (domain !== undefined && domain !== domain.toLowerCase() && !domain.includes('.') && !domain.includes(':')) {
    return { ok: false, error: 'repository name must be lowercase' };
  }
  if (domain === undefined || domain === 'index.docker.io') domain = DOCKER_HUB;
  if (domain === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  const digest = match.groups.digest;
  const tag = match.groups.tag ?? (digest ? '' : 'latest');
  const repository = `${domain}/${path}`;
  const normalized = digest ? `${repository}@${digest}` : `${repository}:${tag}`;
  return { ok: true, reference: { written, domain, path, tag, ...(digest ? { digest } : {}), repository, normalized } };
}

/** `nginx` for `docker.io/library/nginx`, `traefik/whoami` for `docker.io/traefik/whoami`: the short name people write. */
export function familiarName(reference: Pick<ImageReference, 'domain' | 'path'>): string {
  if (reference.domain !== DOCKER_HUB) return `${reference.domain}/${reference.path}`;
  return reference.path.startsWith('library/') ? reference.path.slice('library/'.length) : reference.path;
}
