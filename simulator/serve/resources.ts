/**
 * The REST verbs on a resource's collection and objects, as kube-apiserver's generic
 * registry serves them: list (label and field selectors, `limit` and `continue`), watch,
 * get, create, update, patch, delete and deletecollection, each authorized first, with
 * `dryRun=All`, Tables for kubectl, and the store's own errors (NotFound, AlreadyExists,
 * Invalid, Conflict...) as metav1.Status. `fieldManager` is accepted; the simulator keeps
 * no managedFields.
 */
import { kindInfo, type KindInfo } from '../src/api/catalog';
import { conflict } from '../src/api/errors';
import { str } from '../src/kubectl/fields';
import { isJsonObject, type JsonObject } from '../src/store/json';
import type { DeleteOptions, KubeObject, PropagationPolicy } from '../src/store/store';
import { dryRunOf, json, param, type ApiRequest, type ApiResponse, type ServeContext } from './api';
import { authorizeRequest } from './identity';
import { bodyObject, placeObject, withFieldValidation } from './objects';
import { applyPatch, patchTypeOf } from './patch/index';
import { isReview, review } from './reviews';
import type { ResourceTarget } from './routes';
import { badRequest, methodNotAllowed, naming, successStatus } from './status';
import { includeObjectOf, tableContentType, tableVersion, toTable } from './table';
import { prepareWatch } from './watch';
import { formatPosition } from './watchlog';

const metaOf = (object: JsonObject): JsonObject => (isJsonObject(object.metadata) ? object.metadata : {});
const NAMESPACES = kindInfo('v1', 'Namespace')!;

/** The RBAC verb of a request on a collection or an object. */
export function verbOf(request: ApiRequest, target: Pick<ResourceTarget, 'name'>): string {
  const watch = ['true', '1'].includes(param(request, 'watch'));
  switch (request.method) {
    case 'GET':
    case 'HEAD':
      return target.name === '' ? (watch ? 'watch' : 'list') : watch ? 'watch' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return target.name === '' ? 'deletecollection' : 'delete';
    default:
      return request.method.toLowerCase();
  }
}

/** Serves a request on a resource (not a subresource). */
export function handleResource(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace, name } = target;
  const verb = verbOf(request, target);
  const store = context.cluster().store;
  authorizeRequest(store, request.user, { verb, apiGroup: info.group, resource: info.resource, namespace, name: verb === 'create' ? '' : name });
  if (request.method === 'POST' && name !== '') throw methodNotAllowed(`On crée un objet ${info.kind} en envoyant POST sur la collection (${info.resource}), pas sur un objet.`);
  if (!info.verbs.includes(verb)) throw methodNotAllowed(`Les objets ${info.resource} n'acceptent pas l'opération « ${verb} ».`);
  if (verb === 'create' && isReview(info)) return review(context, request, target);
  switch (verb) {
    case 'list':
      return list(context, request, target);
    case 'watch':
      return watch(context, request, target);
    case 'get':
      return respondObject(context, request, info, store.get(info, namespace, name));
    case 'create':
      return create(context, request, target);
    case 'update':
      return update(context, request, target);
    case 'patch':
      return patch(context, request, target);
    case 'delete':
      return remove(context, request, target);
    case 'deletecollection':
      return removeCollection(context, request, target);
    default:
      throw methodNotAllowed(`La méthode ${request.method} n'existe pas dans l'API Kubernetes.`);
  }
}

/** One object as JSON, or as a one-row Table when kubectl asks for one. */
export function respondObject(context: ServeContext, request: ApiRequest, info: KindInfo, object: KubeObject, status = 200, warnings: readonly string[] = []): ApiResponse {
  const version = tableVersion(request.accept);
  if (!version) return json(object, status, undefined, warnings);
  const rv = str(metaOf(object).resourceVersion);
  const table = toTable(info, [object], { now: context.cluster().clock.now(), version, include: includeObjectOf(request.query.get('includeObject')), resourceVersion: rv });
  return json(table, status, tableContentType(version), warnings);
}

interface ContinueToken {
  /** The key (namespace/name) of the last object sent. */
  after: string;
}

const keyOf = (object: KubeObject): string => `${str(metaOf(object).namespace)}/${str(metaOf(object).name)}`;

function list(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace } = target;
  const all = context.cluster().store.list(info, { namespace, labelSelector: param(request, 'labelSelector'), fieldSelector: param(request, 'fieldSelector') });
  let items = all;
  const token = param(request, 'continue');
  if (token !== '') {
    let after: string;
    try {
      after = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as ContinueToken).after;
    } catch {
      throw badRequest('continue key is not valid: illegal base64 data', 'Ce jeton « continue » ne vient pas de ce serveur : relis la liste depuis le début.');
    }
    items = items.filter((object) => keyOf(object) > after);
  }
  const limit = Number(param(request, 'limit'));
  let next: string | undefined;
  if (Number.isInteger(limit) && limit > 0 && items.length > limit) {
    items = items.slice(0, limit);
    next = Buffer.from(JSON.stringify({ after: keyOf(items[items.length - 1]!) } satisfies ContinueToken)).toString('base64url');
  }
  const resourceVersion = formatPosition(context.log().current());
  const version = tableVersion(request.accept);
  if (version) {
    const include = includeObjectOf(request.query.get('includeObject'));
    const table = toTable(info, items, { now: context.cluster().clock.now(), version, include, resourceVersion, ...(next ? { continueToken: next } : {}) });
    return json(table, 200, tableContentType(version));
  }
  const metadata: JsonObject = { resourceVersion };
  if (next) Object.assign(metadata, { continue: next, remainingItemCount: all.length - (all.indexOf(items[items.length - 1]!) + 1) });
  return json({ kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata, items });
}

function watch(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info } = target;
  const version = tableVersion(request.accept);
  const fieldSelector = [param(request, 'fieldSelector'), target.name === '' ? '' : `metadata.name=${target.name}`].filter((part) => part !== '').join(',');
  const start = prepareWatch(
    { store: context.cluster().store, log: context.log(), now: () => context.cluster().clock.now() },
    {
      info,
      namespace: target.namespace,
      labelSelector: param(request, 'labelSelector'),
      fieldSelector,
      resourceVersion: param(request, 'resourceVersion'),
      sendInitialEvents: param(request, 'sendInitialEvents') === 'true',
      ...(version ? { table: { version, include: includeObjectOf(request.query.get('includeObject')) } } : {}),
    },
  );
  // Mirrors the API server: a watch lasts timeoutSeconds, else a while (30 to 60 minutes upstream).
  const seconds = Number(param(request, 'timeoutSeconds')) || 1800;
  return {
    kind: 'stream',
    status: 200,
    contentType: version ? tableContentType(version) : 'application/json',
    start(sink) {
      const stop = start(sink);
      const timer = context.timers.setTimeout(() => sink.end(), seconds * 1000);
      return () => {
        context.timers.clearTimeout(timer);
        stop();
      };
    },
  };
}

function create(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace } = target;
  const dryRun = dryRunOf(request);
  const object = placeObject(info, namespace, '', bodyObject(request));
  const name = (object.metadata as JsonObject).name;
  const { result, warnings } = naming(name, () => withFieldValidation(request, object, (input) => context.cluster().store.create(input, { dryRun })));
  if (!dryRun) context.changed();
  return respondObject(context, request, info, result, 201, warnings);
}

function update(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace, name } = target;
  const dryRun = dryRunOf(request);
  const object = placeObject(info, namespace, name, bodyObject(request));
  const { result, warnings } = withFieldValidation(request, object, (input) => context.cluster().store.update(input, { dryRun }));
  if (!dryRun) context.changed();
  return respondObject(context, request, info, result, 200, warnings);
}

/** The object after a PATCH body, checked not to rename or move it. */
export function patched(info: KindInfo, live: KubeObject, request: ApiRequest, namespace: string, name: string): KubeObject {
  const result = applyPatch(info, live, patchTypeOf(request.contentType), request.body);
  result.apiVersion ??= live.apiVersion;
  result.kind ??= live.kind;
  return placeObject(info, namespace, name, result);
}

function patch(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace, name } = target;
  const store = context.cluster().store;
  const dryRun = dryRunOf(request);
  const type = patchTypeOf(request.contentType);
  if (type === 'application/apply-patch+yaml' && param(request, 'fieldManager') === '') {
    throw badRequest('PATCH /apply requires fieldManager', 'Un apply côté serveur doit nommer son gestionnaire de champs (fieldManager), comme le fait kubectl apply --server-side.');
  }
  const live = store.find(info, namespace, name);
  let result: KubeObject;
  let warnings: string[];
  let status = 200;
  if (!live && type === 'application/apply-patch+yaml') {
    // Server-side apply creates what does not exist yet.
    const object = placeObject(info, namespace, name, applyPatch(info, {}, type, request.body));
    ({ result, warnings } = withFieldValidation(request, object, (input) => store.create(input, { dryRun })));
    status = 201;
  } else {
    const object = patched(info, live ?? store.get(info, namespace, name), request, namespace, name);
    ({ result, warnings } = withFieldValidation(request, object, (input) => store.update(input, { dryRun })));
  }
  if (!dryRun) context.changed();
  return respondObject(context, request, info, result, status, warnings);
}

/** DeleteOptions from the body (kubectl sends them there) and the query. */
function deleteOptions(request: ApiRequest): DeleteOptions & { preconditions?: { uid?: string; resourceVersion?: string } } {
  const body: JsonObject = request.body.trim() === '' ? {} : bodyObject(request);
  const options: DeleteOptions & { preconditions?: { uid?: string; resourceVersion?: string } } = { dryRun: dryRunOf(request) || (Array.isArray(body.dryRun) && body.dryRun.includes('All')) };
  const policy = (body.propagationPolicy ?? (param(request, 'propagationPolicy') || undefined)) as string | undefined;
  if (policy !== undefined) {
    if (!['Background', 'Foreground', 'Orphan'].includes(policy)) {
      throw badRequest(`propagationPolicy: Unsupported value: ${JSON.stringify(policy)}: supported values: "Foreground", "Background", "Orphan"`, 'propagationPolicy accepte Background, Foreground ou Orphan.');
    }
    options.propagationPolicy = policy as PropagationPolicy;
  } else if (body.orphanDependents === true || param(request, 'orphanDependents') === 'true') options.propagationPolicy = 'Orphan';
  const grace = body.gracePeriodSeconds ?? (param(request, 'gracePeriodSeconds') === '' ? undefined : Number(param(request, 'gracePeriodSeconds')));
  if (typeof grace === 'number' && Number.isFinite(grace)) options.gracePeriodSeconds = Math.max(0, grace);
  if (isJsonObject(body.preconditions)) options.preconditions = body.preconditions;
  return options;
}

function remove(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace, name } = target;
  const store = context.cluster().store;
  const options = deleteOptions(request);
  const live = store.get(info, namespace, name);
  const meta = metaOf(live);
  const { preconditions } = options;
  if (preconditions?.uid && preconditions.uid !== meta.uid) {
    throw Object.assign(conflict(info, name), { message: `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${String(meta.uid)}` });
  }
  if (preconditions?.resourceVersion && preconditions.resourceVersion !== meta.resourceVersion) {
    throw Object.assign(conflict(info, name), { message: `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${String(meta.resourceVersion)}` });
  }
  const result = store.delete(info, namespace, name, options);
  if (!options.dryRun) context.changed();
  const stillThere = !options.dryRun && store.find(info, namespace, name) !== undefined;
  // Mirrors the generic registry: the object while it waits (grace period, finalizers), and
  // for Pods and Namespaces always; else a Status naming what went, with its uid.
  if (stillThere || info.kind === 'Pod' || info === NAMESPACES) return json(result);
  return json(successStatus({ name, group: info.group, kind: info.resource, uid: meta.uid }));
}

function removeCollection(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace } = target;
  const store = context.cluster().store;
  const options = deleteOptions(request);
  const items = store.list(info, { namespace, labelSelector: param(request, 'labelSelector'), fieldSelector: param(request, 'fieldSelector') });
  const deleted = items.map((object) => store.delete(info, str(metaOf(object).namespace), str(metaOf(object).name), options));
  if (!options.dryRun) context.changed();
  return json({ kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata: { resourceVersion: formatPosition(context.log().current()) }, items: deleted });
}
