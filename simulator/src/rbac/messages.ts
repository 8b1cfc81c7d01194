/**
 * The API server's Forbidden answer to a request the authorizer refused, with
 * Kubernetes' own text (apiserver endpoints/handlers/responsewriters/errors.go,
 * forbiddenMessage, and apimachinery errors.NewForbidden, v1.30), and a French
 * explanation beside it:
 *
 *   pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"
 *   nodes is forbidden: User "jane" cannot list resource "nodes" in API group "" at the cluster scope
 *   pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the namespace "default"
 */
import { StatusError } from '../api/errors';
import type { UserInfo } from './authorizer';
import { isResourceRequest, type RequestAttributes } from './rules';

/** Mirrors forbiddenMessage: `User "jane" cannot list resource "pods" in API group "" in the namespace "default"`. */
export function forbiddenReason(user: UserInfo, request: RequestAttributes): string {
  const who = JSON.stringify(user.name);
  if (!isResourceRequest(request)) return `User ${who} cannot ${request.verb} path ${JSON.stringify(request.path)}`;
  const resource = request.subresource ? `${request.resource ?? ''}/${request.subresource}` : (request.resource ?? '');
  const scope = request.namespace ? `in the namespace ${JSON.stringify(request.namespace)}` : 'at the cluster scope';
  return `User ${who} cannot ${request.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(request.apiGroup ?? '')} ${scope}`;
}

/** The subject of errors.NewForbidden: `pods`, `deployments.apps`, `pods "web"`, or `forbidden` for a path. */
function forbiddenSubject(request: RequestAttributes): string {
  const resource = request.resource ?? '';
  const groupResource = request.apiGroup ? `${resource}.${request.apiGroup}` : resource;
  return request.name ? `${groupResource} ${JSON.stringify(request.name)}` : groupResource;
}

/** The French line: who, what, where, and how to grant it. */
export function forbiddenFr(user: UserInfo, request: RequestAttributes): string {
  const where = request.namespace ? `dans le namespace « ${request.namespace} »` : "à l'échelle du cluster";
  if (!isResourceRequest(request)) {
    return `Accès refusé (403) : « ${user.name} » n'a pas le droit « ${request.verb} » sur le chemin ${request.path ?? ''}.`;
  }
  const resource = request.subresource ? `${request.resource ?? ''}/${request.subresource}` : (request.resource ?? '');
  const group = request.apiGroup ? `du groupe « ${request.apiGroup} »` : 'du groupe principal (apiGroups: [""])';
  const grant = request.namespace
    ? `un Role (ou une ClusterRole) et un RoleBinding dans « ${request.namespace} »`
    : 'une ClusterRole et un ClusterRoleBinding (une ressource sans namespace, ou tous les namespaces à la fois, ne se donne pas avec un RoleBinding)';
  return [
    `Accès refusé (403) : l'authentification a réussi, mais RBAC n'autorise pas « ${user.name} » à faire « ${request.verb} » sur « ${resource} » ${group} ${where}.`,
    `Il faut ${grant} qui donnent le verbe « ${request.verb} » sur « ${resource} » à cet utilisateur, à un de ses groupes ou à son ServiceAccount.`,
    `« kubectl auth can-i --list --as ${user.name}${request.namespace ? ` -n ${request.namespace}` : ''} » montre ce qui est permis.`,
  ].join('\n');
}

/**
 * errors.NewForbidden for a refused request: the status the API server answers (403),
 * its reason appended after `: ` when the authorizer gave one.
 */
export function forbidden(user: UserInfo, request: RequestAttributes, reason = ''): StatusError {
  const detail = reason === '' ? forbiddenReason(user, request) : `${forbiddenReason(user, request)}: ${reason}`;
  const message = isResourceRequest(request) ? `${forbiddenSubject(request)} is forbidden: ${detail}` : `forbidden: ${detail}`;
  return new StatusError('Forbidden', 403, message, forbiddenFr(user, request));
}
