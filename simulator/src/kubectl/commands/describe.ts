/**
 * `kubectl describe TYPE [NAME | NAME_PREFIX]`, `-l`, `-A`, `-f` (kubectl v1.30's
 * describe.go): several objects are separated by a blank line; a name that matches no
 * object describes those whose name starts with it (`kubectl describe pod web` finds
 * `web-7d4b9-xk2pq`), as kubectl's DescribeMatchingResources does. The text itself is
 * the presentation's (kubectl/describe).
 */
import { nameOf } from '../fields';
import type { KindInfo } from '../../api/catalog';
import { StatusError } from '../../api/errors';
import type { KubeObject } from '../../store/store';
import { describe, gatherRelated } from '../describe/index';
import type { Command, CommandContext, ResourceRequest } from './context';
import { KubectlError, throwAll } from './errors';
import { FILENAME_FLAGS, SELECTOR_FLAG, fetch, requestsFromFiles } from './get';
import type { FlagSpec } from './parse';
import { parseResourceArgs } from './resources';

const FLAGS: readonly FlagSpec[] = [
  ...FILENAME_FLAGS,
  SELECTOR_FLAG,
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
];

/** The text of `kubectl describe` for one object. */
export function describeObject(context: CommandContext, info: KindInfo, object: KubeObject): string {
  const { store } = context.cluster;
  // Mirrors kubectl describe: what it looks up around the object (events, owned objects)
  // is left out when the user may not list it, rather than failing the whole describe.
  const related = gatherRelated(info, object, (kind, namespace) => {
    try {
      return store.list(kind, { namespace: namespace ?? '' });
    } catch (error) {
      if (error instanceof StatusError && error.reason === 'Forbidden') return [];
      throw error;
    }
  });
  return describe(info, object, related, { now: context.now, showEvents: context.flags.bool('show-events', true) });
}

function runDescribe(context: CommandContext): void {
  const { flags, args, out } = context;
  const errors: unknown[] = [];
  let requests: ResourceRequest[];
  if (flags.list('filename').length > 0) requests = requestsFromFiles(context, errors);
  else if (args.length > 0) requests = parseResourceArgs(args, 'describe').requests;
  else {
    throw new KubectlError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
      'Dis à kubectl quoi décrire : « kubectl describe pod NOM », « kubectl describe deployment web »...',
    );
  }
  const allNamespaces = flags.bool('all-namespaces');
  const namespace = allNamespaces ? '' : context.namespace;
  const found = fetch(context, requests, namespace, errors);
  const texts: string[] = [];
  for (const { info, objects } of found) for (const object of objects) texts.push(describeObject(context, info, object));
  // Mirrors DescribeMatchingResources: `describe TYPE NAME` with no such name describes the names starting with it.
  const notFound = errors.filter((error) => error instanceof StatusError && error.reason === 'NotFound');
  if (texts.length === 0 && notFound.length === errors.length && requests.length === 1 && requests[0]!.names.length === 1 && flags.list('filename').length === 0) {
    const { info, names } = requests[0]!;
    const matching = context.cluster.store.list(info, { namespace: info.namespaced ? namespace : '' }).filter((object) => nameOf(object).startsWith(names[0]!));
    if (matching.length > 0) {
      for (const object of matching) out.out(`${describeObject(context, info, object)}\n`);
      return;
    }
  }
  out.out(texts.join('\n\n'));
  if (texts.length === 0 && errors.length === 0) {
    const namespaced = !allNamespaces && found.every(({ info }) => info.namespaced);
    out.err(namespaced ? `No resources found in ${context.namespace} namespace.\n` : 'No resources found\n');
  }
  throwAll(errors);
}

export const DESCRIBE: Command = { summary: 'Show details of a specific resource or group of resources', flags: FLAGS, run: runDescribe };
