/**
 * Who a request runs as, and whether it may. The bearer token of the kubeconfig is the
 * cluster's administrator (kind's `kubernetes-admin`, in `system:masters`); the
 * impersonation headers kubectl sends for `--as` and `--as-group` (Impersonate-User,
 * Impersonate-Group) switch to that identity, built by the API server's impersonation
 * filter (simulator/src/rbac/identity.ts). Every request of a non-administrator is then
 * put to the RBAC authorizer, resource and non-resource requests alike.
 */
import { timingSafeEqual } from 'node:crypto';
import { authorize, type UserInfo } from '../src/rbac/authorizer';
import { ADMIN_USER, impersonatedUser } from '../src/rbac/identity';
import { forbidden } from '../src/rbac/messages';
import type { RequestAttributes } from '../src/rbac/rules';
import { isPrivileged } from '../src/kubectl/commands/authorization';
import type { ObjectStore } from '../src/store/store';
import { ApiFailure } from './status';

/** True when the Authorization header carries this bearer token (compared in constant time). */
export function hasToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The 401 the API server answers without valid credentials (kubectl: `You must be logged in to the server`). */
export function unauthorized(): ApiFailure {
  return new ApiFailure(401, 'Unauthorized', 'Unauthorized', "Le jeton (token) de la requête manque ou n'est pas celui du cluster simulé : utilise le kubeconfig écrit par « atelier serve ».");
}

/**
 * The identity of a request with a valid token: the administrator, or the impersonated
 * user. `Impersonate-Group` without `Impersonate-User` is refused, as upstream.
 */
export function identityOf(users: readonly string[], groups: readonly string[]): UserInfo {
  const user = users[0];
  if (user === undefined || user === '') {
    if (groups.length > 0) {
      throw new ApiFailure(
        400,
        'BadRequest',
        'requested [' + groups.map((group) => `{Group  ${group}  authentication.k8s.io/v1  }`).join(' ') + '] without impersonating a user',
        'Impersonate-Group (--as-group) ne va pas sans Impersonate-User (--as) : dis au nom de quel utilisateur agir.',
      );
    }
    return ADMIN_USER;
  }
  return impersonatedUser(user, groups);
}

/** Throws the API server's 403 (`pods is forbidden: User "jane" cannot list...`) unless RBAC allows the request. */
export function authorizeRequest(store: ObjectStore, user: UserInfo, request: RequestAttributes): void {
  if (isPrivileged(user)) return;
  const decision = authorize(store, user, request);
  if (!decision.allowed) throw forbidden(user, request, decision.reason);
}
