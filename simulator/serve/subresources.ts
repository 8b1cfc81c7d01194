/**
 * Subresources: `status` (what controllers write; GET, PUT, PATCH), `scale` (an
 * autoscaling/v1 Scale over spec.replicas, what `kubectl scale` patches), `pods/log`,
 * `pods/eviction` (`kubectl drain`), `pods/binding` (the scheduler's), and, since the
 * simulated containers are not processes, a clear refusal for exec, attach,
 * port-forward and the proxies.
 */
import type { KindInfo } from '../src/api/catalog';
import { evictPod } from '../src/admission/eviction';
import { invalidError } from '../src/api/errors';
import { invalid } from '../src/api/validation/finding';
import { isJsonObject, type JsonObject } from '../src/store/json';
import { formatLabelSelector } from '../src/store/selectors';
import type { KubeObject } from '../src/store/store';
import { dryRunOf, json, type ApiRequest, type ApiResponse, type ServeContext } from './api';
import { servesSubresource } from './discovery';
import { authorizeRequest } from './identity';
import { podLog } from './logs';
import { bodyObject, placeObject } from './objects';
import { applyPatch, patchTypeOf } from './patch/index';
import { patched, respondObject, verbOf } from './resources';
import type { ResourceTarget } from './routes';
import { ApiFailure, badRequest, methodNotAllowed, pathNotFound, successStatus } from './status';

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const SCALE_INFO = { kind: 'Scale', group: 'autoscaling' };

/** The verbs each subresource serves, by HTTP method. */
const METHODS: Readonly<Record<string, readonly string[]>> = {
  status: ['GET', 'PUT', 'PATCH'],
  scale: ['GET', 'PUT', 'PATCH'],
  log: ['GET'],
  eviction: ['POST'],
  binding: ['POST'],
};

/** Serves RESOURCE/NAME/SUBRESOURCE. */
export function handleSubresource(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace, name, subresource } = target;
  if (name === '' || !servesSubresource(info, subresource)) throw pathNotFound();
  const store = context.cluster().store;
  authorizeRequest(store, request.user, { verb: verbOf(request, target), apiGroup: info.group, resource: info.resource, subresource, namespace, name });
  if (!Object.hasOwn(METHODS, subresource)) throw unsupported(subresource);
  if (!METHODS[subresource]!.includes(request.method)) throw methodNotAllowed(`${info.resource}/${subresource} n'accepte pas la méthode ${request.method}.`);
  switch (subresource) {
    case 'status':
      return status(context, request, target);
    case 'scale':
      return scale(context, request, target);
    case 'log':
      return podLog(context, request, namespace, name);
    case 'eviction': {
      const body = bodyObject(request);
      const options = obj(body.deleteOptions);
      const dryRun = dryRunOf(request) || (Array.isArray(options.dryRun) && options.dryRun.includes('All'));
      // The API server's eviction rules (PodDisruptionBudgets) are the simulator's own.
      evictPod(store, namespace, name, { dryRun, ...(typeof options.gracePeriodSeconds === 'number' ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}) });
      if (!dryRun) context.changed();
      return json({ ...successStatus(), code: 201 }, 201);
    }
    default: {
      const target = obj(bodyObject(request).target);
      store.bindPod(namespace, name, typeof target.name === 'string' ? target.name : '');
      context.changed();
      return json({ ...successStatus(), code: 201 }, 201);
    }
  }
}

/** exec, attach, port-forward, proxy: the simulated containers are not processes one can reach. */
function unsupported(subresource: string): ApiFailure {
  const what = subresource === 'exec' ? 'kubectl exec' : subresource === 'attach' ? 'kubectl attach' : subresource === 'portforward' ? 'kubectl port-forward' : `the ${subresource} subresource`;
  const fr =
    subresource === 'exec' || subresource === 'portforward'
      ? `« ${what} » ne passe pas par ce serveur : les conteneurs simulés ne sont pas des processus. Utilise le terminal de l'Atelier dans VS Code (ou « atelier kubectl »), qui les simule.`
      : `${what} n'est pas disponible sur le cluster simulé de l'Atelier.`;
  return new ApiFailure(400, 'BadRequest', `${what} is not supported by the Atelier's simulated cluster. ${fr}`, fr);
}

function status(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace, name } = target;
  const store = context.cluster().store;
  if (request.method === 'GET') return respondObject(context, request, info, store.get(info, namespace, name));
  const dryRun = dryRunOf(request);
  const live = store.get(info, namespace, name);
  const object = request.method === 'PUT' ? placeObject(info, namespace, name, bodyObject(request)) : patched(info, live, request, namespace, name);
  if (dryRun) return respondObject(context, request, info, { ...live, status: object.status });
  const result = store.updateStatus(object);
  context.changed();
  return respondObject(context, request, info, result);
}

/** The autoscaling/v1 Scale of a Deployment, ReplicaSet, StatefulSet or ReplicationController. */
export function scaleOf(info: Pick<KindInfo, 'kind'>, object: KubeObject): JsonObject {
  const meta = obj(object.metadata);
  const spec = obj(object.spec);
  const selector = info.kind === 'ReplicationController' ? formatLabelSelector({ matchLabels: spec.selector }) : formatLabelSelector(spec.selector);
  const replicas = typeof spec.replicas === 'number' ? spec.replicas : 1;
  const metadata: JsonObject = {};
  for (const key of ['name', 'namespace', 'uid', 'resourceVersion', 'creationTimestamp']) if (meta[key] !== undefined) metadata[key] = meta[key];
  const statusReplicas = obj(object.status).replicas;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata,
    spec: replicas === 0 ? {} : { replicas },
    status: { replicas: typeof statusReplicas === 'number' ? statusReplicas : 0, ...(selector === '<none>' ? {} : { selector }) },
  };
}

function scale(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace, name } = target;
  const store = context.cluster().store;
  const live = store.get(info, namespace, name);
  const current = scaleOf(info, live);
  if (request.method === 'GET') return json(current);
  const dryRun = dryRunOf(request);
  const wanted = request.method === 'PUT' ? bodyObject(request) : applyPatch(info, current, patchTypeOf(request.contentType), request.body);
  const replicas = obj(wanted.spec).replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw badRequest(`json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`, 'spec.replicas est un entier.');
  if (replicas < 0) {
    const fr = 'Le nombre de réplicas est un entier positif ou nul.';
    throw invalidError(SCALE_INFO, name, [invalid({ code: 'replicas-negative', path: ['spec', 'replicas'], fr }, replicas, 'must be greater than or equal to 0')]);
  }
  const precondition = obj(wanted.metadata).resourceVersion;
  const patch: JsonObject = { spec: { replicas } };
  if (typeof precondition === 'string' && precondition !== '') patch.metadata = { resourceVersion: precondition };
  const result = store.patch(info, namespace, name, patch, { dryRun });
  if (!dryRun) context.changed();
  return json(scaleOf(info, result));
}
