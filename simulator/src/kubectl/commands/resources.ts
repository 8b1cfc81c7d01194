/**
 * The resource arguments of get, describe, delete, label...: `TYPE [NAME...]`,
 * `TYPE1,TYPE2`, `TYPE/NAME...`, and the `all` category, resolved the way kubectl's
 * resource builder does it against discovery (plural, singular, short name, optionally
 * qualified by group), with its errors.
 */
import { closest, distance } from 'fastest-levenshtein';
import { KINDS, findResource, type KindInfo } from '../../api/catalog';
import type { ResourceRequest } from './context';
import { KubectlError } from './errors';

/** Mirrors the `all` category of discovery (v1.30), in discovery order. */
const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps', 'statefulsets.apps', 'horizontalpodautoscalers.autoscaling', 'cronjobs.batch', 'jobs.batch'];

const RESOURCE_WORDS: readonly string[] = [...new Set(KINDS.flatMap((info) => [info.resource, info.singular, ...info.shortNames]))];

/** `the server doesn't have a resource type "deploymnt"`, with a French did-you-mean. */
export function unknownResourceType(word: string): KubectlError {
  const guess = closest(word.toLowerCase(), [...RESOURCE_WORDS]);
  const near = distance(word.toLowerCase(), guess) <= Math.max(2, Math.floor(word.length / 3));
  const fr = near
    ? `Ce type de ressource n'existe pas : voulais-tu dire « ${guess} » ? (kubectl api-resources liste les types connus)`
    : "Ce type de ressource n'existe pas : « kubectl api-resources » liste les types connus (noms, noms courts, groupes).";
  return new KubectlError(`the server doesn't have a resource type ${JSON.stringify(word)}`, fr);
}

/** One resource word (`deploy`, `deployments.apps`, `Pod`) to its kind, or the kubectl error. */
export function resolveType(word: string): KindInfo {
  const info = findResource(word);
  if (!info) throw unknownResourceType(word);
  return info;
}

/** `pods,svc` (and `all`) to kinds, without duplicates. */
export function resolveTypes(words: string): KindInfo[] {
  const out: KindInfo[] = [];
  for (const word of words.split(',')) {
    if (word === '') continue;
    const infos = word.toLowerCase() === 'all' ? ALL_CATEGORY.map((name) => findResource(name)!) : [resolveType(word)];
    for (const info of infos) if (!out.includes(info)) out.push(info);
  }
  return out;
}

export interface ResourceArgs {
  requests: ResourceRequest[];
  /** kubectl shows `kind/name` when several types were asked for (MultipleTypesRequested). */
  multipleTypes: boolean;
}

/**
 * Mirrors resource.Builder.ResourceTypeOrNameArgs: either every argument is `TYPE/NAME`,
 * or the first is `TYPE[,TYPE...]` and the others names. `verb` names the command in the
 * mixed-form error (`get`).
 */
export function parseResourceArgs(args: readonly string[], verb: string): ResourceArgs {
  const slashed = args.filter((arg) => arg.includes('/')).length;
  if (slashed > 0) {
    if (slashed !== args.length) {
      throw new KubectlError(
        `there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl ${verb} resource/<resource_name>' instead of 'kubectl ${verb} resource resource/<resource_name>'`,
        `Écris soit « kubectl ${verb} TYPE NOM », soit « kubectl ${verb} TYPE/NOM », mais pas les deux à la fois.`,
      );
    }
    const requests: ResourceRequest[] = [];
    for (const arg of args) {
      const [type, name, ...extra] = arg.split('/');
      if (!type || !name || extra.length > 0) {
        throw new KubectlError(`arguments in resource/name form must have a single resource and name`, 'La forme TYPE/NOM attend exactement un type et un nom, par exemple deployment/web.');
      }
      const info = resolveType(type);
      const last = requests[requests.length - 1];
      if (last && last.info === info) last.names.push(name);
      else requests.push({ info, names: [name] });
    }
    return { requests, multipleTypes: new Set(requests.map((request) => request.info)).size > 1 };
  }
  const [types, ...names] = args;
  if (types === undefined) return { requests: [], multipleTypes: false };
  const infos = resolveTypes(types);
  if (infos.length > 1 && names.length > 0) {
    // kubectl asks each type for each name; so do we.
    return { requests: infos.map((info) => ({ info, names: [...names] })), multipleTypes: true };
  }
  return { requests: infos.map((info) => ({ info, names: [...names] })), multipleTypes: infos.length > 1 || types.toLowerCase() === 'all' };
}
