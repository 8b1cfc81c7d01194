/**
 * Who a kubectl request runs as. Without `--as`, the kubeconfig's administrator, as kind
 * writes it: user `kubernetes-admin` in group `system:masters`. With `--as`, the API
 * server's impersonation filter (apiserver endpoints/filters/impersonation.go, v1.30)
 * builds the user: a ServiceAccount user name brings the groups `system:serviceaccounts`
 * and `system:serviceaccounts:NS` when no `--as-group` is given, and every user but
 * `system:anonymous` is also in `system:authenticated` (unless `--as-group` already names
 * system:authenticated or system:unauthenticated).
 */
import { ALL_AUTHENTICATED, ALL_UNAUTHENTICATED, SYSTEM_MASTERS, type UserInfo } from './authorizer';

/** The default identity: kind's kubeconfig user. */
export const ADMIN_USER: UserInfo = { name: 'kubernetes-admin', groups: [SYSTEM_MASTERS, ALL_AUTHENTICATED] };

export const ANONYMOUS = 'system:anonymous';

/** serviceaccount.SplitUsername: `system:serviceaccount:NS:NAME` to its parts. */
export function splitServiceAccount(user: string): { namespace: string; name: string } | undefined {
  const prefix = 'system:serviceaccount:';
  if (!user.startsWith(prefix)) return undefined;
  const parts = user.slice(prefix.length).split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return undefined;
  return { namespace: parts[0]!, name: parts[1]! };
}

/** The user the API server sees for `--as USER --as-group G...`. */
export function impersonatedUser(user: string, asGroups: readonly string[]): UserInfo {
  let groups = [...asGroups];
  const serviceAccount = splitServiceAccount(user);
  if (serviceAccount && groups.length === 0) groups = ['system:serviceaccounts', `system:serviceaccounts:${serviceAccount.namespace}`];
  if (user !== ANONYMOUS && !groups.includes(ALL_AUTHENTICATED) && !groups.includes(ALL_UNAUTHENTICATED)) groups.push(ALL_AUTHENTICATED);
  return { name: user, groups };
}
