/**
 * What `kubectl set image|env|resources` share (polymorphichelpers.updatePodSpecForObject):
 * where each kind keeps its pod spec, the objects named by TYPE/NAME or -f, and the
 * merge patch of a pod spec's container lists.
 */
import type { KindInfo } from '../../api/catalog';
import { parseQuantity, formatQuantity } from '../../api/quantity';
import type { JsonObject } from '../../store/json';
import type { KubeObject } from '../../store/store';
import { obj } from '../fields';
import type { CommandContext, ResourceRequest } from './context';
import { KubectlError } from './errors';
import { FILENAME_FLAGS, SELECTOR_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';

/** The flags every `kubectl set` command takes. */
export const SET_FLAGS: readonly FlagSpec[] = [...FILENAME_FLAGS, SELECTOR_FLAG, { name: 'all', type: 'bool' }, { name: 'local', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }, { name: 'dry-run', type: 'string', optional: 'unchanged' }, { name: 'record', type: 'bool' }];

/** Where each kind keeps its pod spec, or undefined for a kind without pods. */
export function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
    case 'ReplicationController':
      return ['spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

/** The pod spec of an object along `path`. */
export function podSpecAt(object: KubeObject, path: readonly string[]): JsonObject {
  return path.reduce<JsonObject>((node, key) => obj(node[key]), object);
}

/** The merge patch that sets a pod spec's fields (whole container lists). */
export function podSpecPatch(path: readonly string[], fields: JsonObject): JsonObject {
  return path.reduceRight<JsonObject>((inner, key) => ({ [key]: inner }), fields);
}

/** The objects `-f` or the TYPE/NAME arguments name, with their kinds. */
export function targets(context: CommandContext, resources: readonly string[], example: string, errors: unknown[]): { info: KindInfo; objects: readonly Readonly<KubeObject>[] }[] {
  let requests: ResourceRequest[];
  if (context.flags.list('filename').length > 0) requests = requestsFromFiles(context, errors);
  else if (resources.length > 0) requests = parseResourceArgs(resources, 'get').requests;
  else throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", `Par exemple : « ${example} ».`);
  return fetch(context, requests, context.namespace, errors);
}

/** kubectl's `*`-glob container selector (`-c`, `--containers`). */
export function matchesContainer(selector: string, name: string): boolean {
  const pattern = new RegExp(`^${selector.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return pattern.test(name);
}

/**
 * generate.populateResourceListV1: `cpu=200m,memory=512Mi` into canonical quantities
 * (`Invalid argument syntax cpu, expected <resource>=<value>`, ParseQuantity's errors).
 */
export function resourceList(spec: string): Record<string, string> | undefined {
  if (spec === '') return undefined;
  const out: Record<string, string> = {};
  for (const statement of spec.split(',')) {
    const parts = statement.split('=');
    if (parts.length !== 2) throw new KubectlError(`Invalid argument syntax ${statement}, expected <resource>=<value>`, 'Écris ressource=quantité, séparées par des virgules : cpu=200m,memory=512Mi.');
    const parsed = parseQuantity(parts[1]!);
    if (!parsed.ok) throw new KubectlError(parsed.error, 'Une quantité s’écrit comme 500m (CPU), 128Mi ou 1Gi (mémoire), 2 (nombre).');
    out[parts[0]!] = formatQuantity(parsed.quantity);
  }
  return out;
}
