/**
 * The image catalogue: what the simulated registries hold. Each image has its tags, its
 * size, its ENTRYPOINT and CMD, its shell (if any), and its programs (servers and their
 * logs, in webservers.ts, databases.ts, runtimes.ts). An image that is not here does not
 * exist: pulling it fails as containerd fails on a real node.
 */
import type { ShellFlavor } from './model';
import { familiarName, parseReference, type ImageReference } from './reference';
import { grafana, helloApp, httpEcho, httpd, kubeStateMetrics, nginx, phpApache, prometheus, whoami, type ImageProgram } from './webservers';
import { mongo, mysql, postgres, redis } from './databases';
import { node, python, stress } from './runtimes';
import { hexDigits } from './hash';
import type { LocalImages } from './localImages';

export interface ImageInfo {
  /** The name people write: `nginx`, `traefik/whoami`, `registry.k8s.io/hpa-example`. */
  name: string;
  /** Other names for the same image (mirrors the Kubernetes documentation uses). */
  aliases?: string[];
  /** One line in French, for completion and hovers. */
  summary: string;
  /** The tags that exist; any other tag is `not found`. */
  tags: RegExp;
  /** A tag worth suggesting. */
  suggestedTag: string;
  /** The version `latest` (and the other moving tags) stands for. */
  latest: string;
  /** Full versions of the `major.minor` tags. */
  versions?: Record<string, string>;
  /** Compressed size, as the kubelet reports it (`Image size: ... bytes.`); alpine and slim variants are smaller. */
  sizeBytes: number;
  alpineSizeBytes?: number;
  flavor: ShellFlavor | undefined;
  entrypoint: string[];
  cmd: string[];
  /** An entrypoint script that runs setup, then `exec "$@"`, putting `program` first when `$1` is a flag. */
  wrapper?: { script: string; program: string; prependFiles?: boolean };
  /** Ports the default program listens on. */
  ports: number[];
  /** Files in the image (path -> content), beyond what the kubelet mounts. */
  files?: Record<string, string>;
  program?: ImageProgram;
  /** The image's ENV (beyond PATH), which the container's own env overrides. */
  env?: Record<string, string>;
  /**
   * A locally built image runs its base's programs: the catalogue name, the program
   * version and the variant its FROM tag stands for (`nginx`, `1.27.3`, not alpine).
   */
  builtFrom?: { name: string; version: string; alpine: boolean };
}

const NGINX_INDEX = '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n</body>\n</html>\n';

export const IMAGES: readonly ImageInfo[] = [
  {
    name: 'nginx', summary: 'Serveur web nginx, écoute sur le port 80.',
    tags: /^(latest|stable|mainline|alpine|perl|alpine-slim|bookworm|(stable|mainline)-(alpine|perl|bookworm)|1(\.(1[5-9]|2[0-7])(\.([0-9]|1[0-2]))?)?(-(alpine|alpine-slim|alpine-perl|perl|bookworm|bullseye))?)$/,
    suggestedTag: '1.27', latest: '1.27.3', versions: { '1.27': '1.27.3', '1.26': '1.26.2', '1.25': '1.25.5', '1.24': '1.24.0', '1.23': '1.23.4', '1.22': '1.22.1', '1.21': '1.21.6' },
    sizeBytes: 72_099_410, alpineSizeBytes: 20_506_312, flavor: 'dash',
    entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], wrapper: { script: 'docker-entrypoint.sh', program: 'nginx' },
    ports: [80], files: { '/usr/share/nginx/html/index.html': NGINX_INDEX, '/usr/share/nginx/html/50x.html': '<h1>An error occurred.</h1>\n', '/etc/nginx/nginx.conf': 'worker_processes auto;\n' }, program: nginx,
  },
  {
    name: 'httpd', summary: 'Serveur web Apache httpd, écoute sur le port 80.',
    tags: /^(latest|alpine|bookworm|2(\.4(\.([0-9]|[1-5][0-9]|6[0-2]))?)?(-(alpine|bookworm))?)$/,
    suggestedTag: '2.4', latest: '2.4.62', versions: { '2.4': '2.4.62' },
    sizeBytes: 58_102_117, alpineSizeBytes: 24_010_443, flavor: 'dash',
    entrypoint: [], cmd: ['httpd-foreground'], ports: [80], files: { '/usr/local/apache2/htdocs/index.html': '<html><body><h1>It works!</h1></body></html>\n' }, program: httpd,
  },
  {
    name: 'redis', summary: 'Base clé-valeur en mémoire Redis, port 6379.',
    tags: /^(latest|alpine|bookworm|[67](\.[0-4](\.\d{1,2})?)?(-(alpine|bookworm))?)$/,
    suggestedTag: '7.4', latest: '7.4.1', versions: { '7.4': '7.4.1', '7.2': '7.2.6', '7.0': '7.0.15', '6.2': '6.2.16', '7': '7.4.1', '6': '6.2.16' },
    sizeBytes: 45_035_301, alpineSizeBytes: 17_252_089, flavor: 'dash',
    entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], wrapper: { script: 'docker-entrypoint.sh', program: 'redis-server', prependFiles: true },
    ports: [6379], program: redis,
  },
  {
    name: 'postgres', summary: 'Base de données PostgreSQL, port 5432 ; exige POSTGRES_PASSWORD.',
    tags: /^(latest|alpine|bookworm|(1[0-7]|9\.6)(\.\d{1,2})?(-(alpine|bookworm|bullseye))?)$/,
    suggestedTag: '16', latest: '17.2', versions: { '17': '17.2', '16': '16.6', '15': '15.10', '14': '14.15', '13': '13.18', '12': '12.22' },
    sizeBytes: 158_104_992, alpineSizeBytes: 104_226_311, flavor: 'dash',
    entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], wrapper: { script: 'docker-entrypoint.sh', program: 'postgres' },
    ports: [5432], program: postgres,
  },
  {
    name: 'mysql', summary: 'Base de données MySQL, port 3306 ; exige MYSQL_ROOT_PASSWORD (ou une variante).',
    tags: /^(latest|lts|innovation|oracle|debian|[58](\.\d)?(\.\d{1,2})?(-(oracle|debian))?|9(\.[01])?(\.\d)?(-oracle)?)$/,
    suggestedTag: '8.4', latest: '9.1.0', versions: { '8.4': '8.4.3', '8.0': '8.0.40', '8': '8.4.3', '9': '9.1.0', '5.7': '5.7.44' },
    sizeBytes: 172_609_119, flavor: 'bash',
    entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], wrapper: { script: 'docker-entrypoint.sh', program: 'mysqld' },
    ports: [3306, 33060], program: mysql,
  },
  {
    name: 'mongo', summary: 'Base de données documents MongoDB, port 27017.',
    tags: /^(latest|[4-8](\.\d{1,2}(\.\d{1,2})?)?(-(jammy|noble|focal))?)$/,
    suggestedTag: '7.0', latest: '8.0.3', versions: { '8.0': '8.0.3', '7.0': '7.0.15', '6.0': '6.0.19', '8': '8.0.3', '7': '7.0.15', '6': '6.0.19' },
    sizeBytes: 290_412_880, flavor: 'dash',
    entrypoint: ['docker-entrypoint.sh'], cmd: ['mongod'], wrapper: { script: 'docker-entrypoint.sh', program: 'mongod' },
    ports: [27017], program: mongo,
  },
  {
    name: 'busybox', summary: 'Boîte à outils Unix minimale (sh, sleep, echo, wget...) : parfaite pour tester.',
    aliases: ['registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox'],
    tags: /^(latest|stable|musl|glibc|uclibc|1(\.(2[4-9]|3[0-7])(\.\d)?)?(-(musl|glibc|uclibc))?)$/,
    suggestedTag: '1.36', latest: '1.37.0', sizeBytes: 2_167_176, flavor: 'busybox', entrypoint: [], cmd: ['sh'], ports: [],
  },
  {
    name: 'alpine', summary: 'Distribution Alpine Linux minimale (sh de busybox).',
    tags: /^(latest|edge|3(\.(1[0-9]|2[01]))?(\.\d{1,2})?)$/,
    suggestedTag: '3.20', latest: '3.20.3', sizeBytes: 3_653_068, flavor: 'busybox', entrypoint: [], cmd: ['/bin/sh'], ports: [],
  },
  {
    name: 'ubuntu', summary: 'Distribution Ubuntu (bash et les outils GNU).',
    tags: /^(latest|rolling|devel|(18|20|22|24)\.04|24\.10|bionic|focal|jammy|noble|oracular)$/,
    suggestedTag: '24.04', latest: '24.04', sizeBytes: 29_754_290, flavor: 'bash', entrypoint: [], cmd: ['/bin/bash'], ports: [],
  },
  {
    name: 'node', summary: 'Environnement Node.js ; sans script à lancer, le conteneur se termine aussitôt.',
    tags: /^(latest|current|lts|alpine|slim|lts-(alpine|slim)|(1[4-9]|2[0-3])(\.\d+(\.\d+)?)?(-(alpine|slim|bookworm|bullseye|alpine3\.\d+))?)$/,
    suggestedTag: '22', latest: '23.3.0', versions: { '22': '22.11.0', '20': '20.18.1', '18': '18.20.5', '23': '23.3.0' },
    sizeBytes: 390_240_562, alpineSizeBytes: 57_803_110, flavor: 'dash',
    entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], wrapper: { script: 'docker-entrypoint.sh', program: 'node', prependFiles: true },
    ports: [], program: node,
  },
  {
    name: 'python', summary: 'Environnement Python 3 ; `python -m http.server 8000` sert un répertoire.',
    tags: /^(latest|alpine|slim|bookworm|3(\.\d{1,2}(\.\d{1,2})?)?(-(alpine|slim|bookworm|slim-bookworm|alpine3\.\d+))?)$/,
    suggestedTag: '3.12', latest: '3.13.0', versions: { '3.13': '3.13.0', '3.12': '3.12.7', '3.11': '3.11.10', '3.10': '3.10.15', '3': '3.13.0' },
    sizeBytes: 385_470_190, alpineSizeBytes: 18_402_001, flavor: 'dash', entrypoint: [], cmd: ['python3'], ports: [], program: python,
  },
  {
    name: 'traefik/whoami', summary: 'Petit serveur HTTP qui renvoie le nom du pod et la requête, port 80.',
    tags: /^(latest|v1\.(\d|10)(\.\d)?)$/, suggestedTag: 'v1.10', latest: '1.10.3', sizeBytes: 3_418_022, flavor: undefined,
    entrypoint: ['/whoami'], cmd: [], ports: [80], program: whoami,
  },
  {
    name: 'hashicorp/http-echo', summary: 'Serveur HTTP qui répond le texte de -text, port 5678.',
    tags: /^(latest|0\.2\.3|1\.0(\.0)?)$/, suggestedTag: '1.0', latest: '1.0.0', sizeBytes: 3_121_451, flavor: undefined,
    entrypoint: ['/http-echo'], cmd: [], ports: [5678], program: httpEcho,
  },
  {
    name: 'prom/prometheus', summary: 'Serveur de métriques Prometheus, port 9090.',
    tags: /^(latest|main|v[23]\.\d{1,2}\.\d{1,2})$/, suggestedTag: 'v2.54.1', latest: '2.54.1', sizeBytes: 113_202_001, flavor: 'busybox',
    entrypoint: ['/bin/prometheus'], cmd: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.path=/prometheus'], ports: [9090], program: prometheus,
  },
  {
    // distroless: no shell; its Dockerfile's ENTRYPOINT carries the two ports.
    name: 'registry.k8s.io/kube-state-metrics/kube-state-metrics', summary: "kube-state-metrics : l'état des objets du cluster en métriques Prometheus, port 8080.",
    tags: /^v2\.(1[0-3]|[0-9])\.\d{1,2}$/, suggestedTag: 'v2.13.0', latest: '2.13.0', sizeBytes: 17_510_221, flavor: undefined,
    entrypoint: ['/kube-state-metrics', '--port=8080', '--telemetry-port=8081'], cmd: [], ports: [8080, 8081], program: kubeStateMetrics,
  },
  {
    name: 'grafana/grafana', summary: 'Tableaux de bord Grafana, port 3000.',
    tags: /^(latest|main|(9|10|11)\.\d{1,2}(\.\d{1,2})?(-ubuntu)?)$/, suggestedTag: '11.3.0', latest: '11.3.0', sizeBytes: 143_501_232, flavor: 'busybox',
    entrypoint: ['/run.sh'], cmd: [], ports: [3000], program: grafana,
  },
  {
    name: 'polinux/stress', summary: 'Outil stress : consomme CPU ou mémoire (exemple des limites mémoire, OOMKilled).',
    tags: /^(latest|1\.0\.4)$/, suggestedTag: 'latest', latest: '1.0.4', sizeBytes: 4_141_332, flavor: 'busybox',
    entrypoint: [], cmd: ['stress'], ports: [], program: stress,
  },
  {
    name: 'registry.k8s.io/hpa-example', summary: "Serveur php-apache de l'exemple HorizontalPodAutoscaler, port 80.",
    tags: /^latest$/, suggestedTag: 'latest', latest: '1.0', sizeBytes: 169_221_001, flavor: 'dash',
    entrypoint: [], cmd: ['apache2-foreground'], ports: [80], program: phpApache,
  },
  {
    name: 'gcr.io/google-samples/hello-app', summary: 'Application « Hello, world! » des tutoriels Google, port 8080.',
    tags: /^(latest|1\.0|2\.0)$/, suggestedTag: '1.0', latest: '2.0', sizeBytes: 11_240_131, flavor: undefined,
    entrypoint: ['/hello-app'], cmd: [], ports: [8080], program: helloApp,
  },
];

/** The image names the catalogue knows, for editor completion. */
export const IMAGE_NAMES: readonly string[] = IMAGES.map((image) => image.name);

const BY_NAME = new Map(IMAGES.flatMap((image) => [image.name, ...(image.aliases ?? [])].map((name) => [name, image] as const)));

/**
 * The catalogue entry of an image reference (`nginx:1.27`, `docker.io/library/nginx`),
 * whatever its tag; with `local`, a locally built image of that exact reference first.
 */
export function findImage(reference: string, local?: LocalImages): ImageInfo | undefined {
  const parsed = parseReference(reference);
  if (!parsed.ok) return undefined;
  return local?.find(parsed.reference)?.image ?? BY_NAME.get(familiarName(parsed.reference));
}

/** The program version a tag stands for: `1.27` -> `1.27.3`, `latest` -> the newest (a built image: its base's). */
export function versionOf(image: ImageInfo, tag: string): string {
  if (image.builtFrom) return image.builtFrom.version;
  const bare = tag.replace(/^v/, '').replace(/-.*$/, '');
  if (!/^\d/.test(bare)) return image.latest;
  if (bare.split('.').length >= 3 || (image.versions === undefined && bare.split('.').length === 2)) return bare;
  return image.versions?.[bare] ?? (bare.includes('.') ? `${bare}.0` : image.latest);
}

/** The tag asks for the alpine (busybox) variant. */
export const isAlpine = (tag: string): boolean => /alpine/.test(tag);

/** The image runs the alpine variant: its tag says so, or (a built image) its base's tag did. */
export const runsAlpine = (image: ImageInfo, tag: string): boolean => image.builtFrom?.alpine ?? isAlpine(tag);

export interface PulledImage {
  image: ImageInfo;
  reference: ImageReference;
  sizeBytes: number;
  /** `docker.io/library/nginx@sha256:...`, what the kubelet reports as imageID. */
  imageID: string;
}

export type PullOutcome = { ok: true; pulled: PulledImage } | { ok: false; error: string };

const PUBLIC_REGISTRIES = new Set(['docker.io', 'registry.k8s.io', 'k8s.gcr.io', 'gcr.io', 'ghcr.io', 'quay.io', 'mcr.microsoft.com', 'public.ecr.aws', 'registry.gitlab.com', 'us-docker.pkg.dev']);

/**
 * What pulling `reference` gives: the image, or containerd's error as the kubelet
 * reports it (`rpc error: code = NotFound desc = failed to pull and unpack image ...`).
 * With `local`, an image the node already holds without a registry (localImages.ts)
 * comes first: pass it to find an image, not to model a registry pull.
 */
export function pull(reference: ImageReference, local?: LocalImages): PullOutcome {
  const held = local?.find(reference);
  if (held) return { ok: true, pulled: held };
  let outcome = PULLS.get(reference.normalized);
  if (!outcome) {
    outcome = resolvePull(reference);
    if (PULLS.size > 10_000) PULLS.clear();
    PULLS.set(reference.normalized, outcome);
  }
  return outcome;
}

/** What a registry answers does not change: one answer per normalized reference. */
const PULLS = new Map<string, PullOutcome>();

function resolvePull(reference: ImageReference): PullOutcome {
  const image = BY_NAME.get(familiarName(reference));
  const ref = reference.normalized;
  const failed = (code: string, why: string): PullOutcome => ({ ok: false, error: `rpc error: code = ${code} desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${why}` });
  if (!image) {
    if (reference.domain === 'docker.io') return failed('Unknown', 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed');
    if (PUBLIC_REGISTRIES.has(reference.domain)) return failed('NotFound', `${ref}: not found`);
    return failed('Unknown', `failed to do request: Head "https://${reference.domain}/v2/${reference.path}/manifests/${reference.digest ?? reference.tag}": dial tcp: lookup ${reference.domain.replace(/:\d+$/, '')}: no such host`);
  }
  if (!reference.digest && !image.tags.test(reference.tag)) return failed('NotFound', `${ref}: not found`);
  const sizeBytes = isAlpine(reference.tag) || /slim/.test(reference.tag) ? (image.alpineSizeBytes ?? image.sizeBytes) : image.sizeBytes;
  const digest = reference.digest ?? `sha256:${hexDigits(`image:${ref}`)}`;
  return { ok: true, pulled: { image, reference, sizeBytes, imageID: `${reference.repository}@${digest}` } };
}
