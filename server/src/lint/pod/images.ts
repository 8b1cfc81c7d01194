/**
 * Image references (`[registry/]repository[:tag][@digest]`) and the current tags of the
 * images the course uses, for the "pin the tag" quick fix of `image-latest`.
 */

/**
 * Known current tags of common images (mid-2024, the Kubernetes 1.30 era the course
 * targets), keyed by Docker Hub repository without `docker.io/` nor `library/`.
 */
export const KNOWN_IMAGE_TAGS: Readonly<Record<string, string>> = {
  nginx: '1.27',
  redis: '7.2',
  postgres: '16',
  mysql: '8.4',
  mongo: '7.0',
  busybox: '1.36',
  alpine: '3.20',
  ubuntu: '24.04',
  node: '20',
  python: '3.12',
  httpd: '2.4',
  'traefik/whoami': 'v1.10',
  'hashicorp/http-echo': '1.0',
  'prom/prometheus': 'v2.53.0',
  'grafana/grafana': '11.1.0',
};

export interface ImageReference {
  /** Everything before the tag and digest, as written: `docker.io/library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits an image reference; the registry's port (`localhost:5000/app`) is not a tag. */
export function parseImage(image: string): ImageReference {
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const name = at === -1 ? image : image.slice(0, at);
  const colon = name.lastIndexOf(':');
  if (colon === -1 || colon < name.lastIndexOf('/')) return { repository: name, digest };
  return { repository: name.slice(0, colon), tag: name.slice(colon + 1), digest };
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The Docker Hub name of a repository (`nginx`, `prom/prometheus`), or the name as written elsewhere. */
export function hubName(repository: string): string {
  const parts = repository.split('/');
  // The first part is a registry when it looks like a host: `ghcr.io`, `localhost:5000`, `localhost`.
  if (parts.length > 1 && (DOCKER_HUB.has(parts[0]!) || /[.:]/.test(parts[0]!) || parts[0] === 'localhost')) {
    if (!DOCKER_HUB.has(parts[0]!)) return repository;
    parts.shift();
  }
  if (parts.length === 2 && parts[0] === 'library') parts.shift();
  return parts.join('/');
}

/** True when the image floats: no tag (Docker then pulls `latest`) or `latest`, and no digest. */
export function isFloating(image: string): boolean {
  const reference = parseImage(image);
  return reference.digest === undefined && (reference.tag === undefined || reference.tag === 'latest');
}

/** The same image pinned to a known current tag (`nginx` → `nginx:1.27`), when the image is known. */
export function pinnedImage(image: string): string | undefined {
  const reference = parseImage(image);
  const name = hubName(reference.repository);
  return Object.hasOwn(KNOWN_IMAGE_TAGS, name) ? `${reference.repository}:${KNOWN_IMAGE_TAGS[name]}` : undefined;
}
