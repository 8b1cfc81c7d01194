/**
 * The review resources, answered rather than stored, as kube-apiserver does:
 * SelfSubjectAccessReview (`kubectl auth can-i`), SubjectAccessReview,
 * LocalSubjectAccessReview, SelfSubjectRulesReview (`kubectl auth can-i --list`),
 * SelfSubjectReview (`kubectl auth whoami`) and TokenReview. Decisions come from the
 * simulator's RBAC authorizer, so `kubectl auth can-i --as jane` says what the built-in
 * kubectl says.
 */
import type { KindInfo } from '../src/api/catalog';
import { authorize, rulesFor, type UserInfo } from '../src/rbac/authorizer';
import type { RequestAttributes } from '../src/rbac/rules';
import { isJsonObject, type JsonObject } from '../src/store/json';
import { json, type ApiRequest, type ApiResponse, type ServeContext } from './api';
import { bodyObject, placeObject } from './objects';
import type { ResourceTarget } from './routes';
import { badRequest } from './status';

const REVIEWS = new Set([
  'authorization.k8s.io/selfsubjectaccessreviews',
  'authorization.k8s.io/subjectaccessreviews',
  'authorization.k8s.io/localsubjectaccessreviews',
  'authorization.k8s.io/selfsubjectrulesreviews',
  'authentication.k8s.io/selfsubjectreviews',
  'authentication.k8s.io/tokenreviews',
]);

/** True for the resources that are reviews (created, never stored). */
export const isReview = (info: KindInfo): boolean => REVIEWS.has(`${info.group}/${info.resource}`);

const obj = (value: unknown): JsonObject => (isJsonObject(value) ? value : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** spec.resourceAttributes or spec.nonResourceAttributes as the authorizer's request. */
function attributesOf(spec: JsonObject): RequestAttributes {
  if (isJsonObject(spec.nonResourceAttributes)) {
    const attributes = spec.nonResourceAttributes;
    return { verb: text(attributes.verb), path: text(attributes.path) };
  }
  if (!isJsonObject(spec.resourceAttributes)) {
    throw badRequest('spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified', 'Une revue d’accès dit ce qui est demandé : spec.resourceAttributes (ou spec.nonResourceAttributes pour un chemin).');
  }
  const attributes = spec.resourceAttributes;
  return {
    verb: text(attributes.verb),
    apiGroup: text(attributes.group),
    resource: text(attributes.resource),
    subresource: text(attributes.subresource),
    namespace: text(attributes.namespace),
    name: text(attributes.name),
  };
}

function accessStatus(context: ServeContext, user: UserInfo, spec: JsonObject): JsonObject {
  const decision = authorize(context.cluster().store, user, attributesOf(spec));
  const status: JsonObject = { allowed: decision.allowed };
  if (decision.reason !== '') status.reason = decision.reason;
  return status;
}

/** POST on a review resource: the review with its status filled in (201, as upstream). */
export function review(context: ServeContext, request: ApiRequest, target: ResourceTarget): ApiResponse {
  const { info, namespace } = target;
  const object = placeObject(info, namespace, '', bodyObject(request));
  const spec = obj(object.spec);
  const metadata = obj(object.metadata);
  // Mirrors the API server: a review is not stored; its metadata comes back as sent, with a creationTimestamp of null.
  const answer = (status: JsonObject): ApiResponse => json({ ...object, metadata: { ...metadata, creationTimestamp: null }, status }, 201);
  switch (info.resource) {
    case 'selfsubjectaccessreviews':
      return answer(accessStatus(context, request.user, spec));
    case 'subjectaccessreviews':
      return answer(accessStatus(context, { name: text(spec.user), groups: strings(spec.groups) }, spec));
    case 'localsubjectaccessreviews': {
      const attributes = obj(spec.resourceAttributes);
      if (text(attributes.namespace) !== namespace) {
        throw badRequest(`spec.resourceAttributes.namespace: Invalid value: ${JSON.stringify(text(attributes.namespace))}: must match metadata.namespace`, "Une LocalSubjectAccessReview porte sur son propre namespace : spec.resourceAttributes.namespace doit être celui de l'URL.");
      }
      return answer(accessStatus(context, { name: text(spec.user), groups: strings(spec.groups) }, spec));
    }
    case 'selfsubjectrulesreviews': {
      const { rules, incomplete } = rulesFor(context.cluster().store, request.user, text(spec.namespace));
      const resourceRules = rules.filter((rule) => (rule.nonResourceURLs ?? []).length === 0).map((rule) => ({ verbs: rule.verbs, apiGroups: rule.apiGroups ?? [], resources: rule.resources ?? [], ...(rule.resourceNames ? { resourceNames: rule.resourceNames } : {}) }));
      const nonResourceRules = rules.filter((rule) => (rule.nonResourceURLs ?? []).length > 0).map((rule) => ({ verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs }));
      return answer({ resourceRules, nonResourceRules, incomplete: incomplete !== '', ...(incomplete === '' ? {} : { evaluationError: incomplete }) });
    }
    case 'selfsubjectreviews':
      return answer({ userInfo: { username: request.user.name, groups: [...request.user.groups] } });
    default:
      // tokenreviews: only the facade's own token is known, and it never travels in a body here.
      return answer({ authenticated: false, error: 'token not recognized by the simulated cluster' });
  }
}
