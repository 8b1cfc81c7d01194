/**
 * `kubectl create token SA [--duration=1h] [--audience=A]... [--bound-object-kind=Pod|Secret
 * --bound-object-name=N [--bound-object-uid=U]]` (kubectl v1.30, create_token.go, and
 * kube-apiserver's serviceaccounts/token subresource): a TokenRequest for an existing
 * ServiceAccount, answered with a JWT shaped as kube-apiserver's (header RS256 + kid,
 * claims aud, exp, iat, iss, jti, kubernetes.io, nbf, sub). The token is signed by
 * nothing: its third segment is seeded random bytes, so no server could verify it.
 * Times come from the cluster's clock and randomness from its seed (one seed, one token).
 */
import { kindInfo } from '../../../api/catalog';
import { notFound } from '../../../api/errors';
import { formatTimestamp } from '../../../clock';
import { compareStrings } from '../../../store/json';
import type { KubeObject } from '../../../store/store';
import { meta, obj, str } from '../../fields';
import { printObject } from '../../output';
import type { Command, CommandContext } from '../context';
import { KubectlError } from '../errors';
import { base64Url, utf8 } from '../../../bytes';
import { goJson } from './goJson';
import { COMMON, oneName } from './common';

const SERVICE_ACCOUNTS = kindInfo('v1', 'ServiceAccount')!;
const NODES = kindInfo('v1', 'Node')!;
/** create_token.go's boundObjectKindToAPIVersions (Node only with KUBECTL_NODE_BOUND_TOKENS=true). */
const BOUND_KINDS: Record<string, string> = { Pod: 'v1', Secret: 'v1' };
/** kube-apiserver's --service-account-issuer and --api-audiences, as kubeadm and kind set them. */
const ISSUER = 'https://kubernetes.default.svc.cluster.local';
/** The key id of the (absent) signing key: a fixed value, the shape of a real one (43 base64url characters). */
const KEY_ID = 'QXRlbGllcktzU2ltdWxhdGVkU2lnbmluZ0tleUlkMDA';
/** TokenRequestSpec's default expirationSeconds and ValidateTokenRequest's bounds. */
const DEFAULT_SECONDS = 3600;
const MIN_SECONDS = 600;
const MAX_SECONDS = 2 ** 32;

/** go-jose serialises the claims through a map: keys sorted at every level. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareStrings(a, b));
  return Object.fromEntries(entries.map(([key, item]) => [key, sortKeys(item)]));
}

const ref = (object: KubeObject): Record<string, string> => ({ name: str(meta(object).name), uid: str(meta(object).uid) });

/** CreateTokenOptions.Validate, in its order. */
function validate(context: CommandContext, durationMs: number): void {
  if (durationMs < 0) throw new KubectlError('--duration must be greater than or equal to 0', 'Une durée positive : --duration=1h (ou 30m, 24h).');
  if (durationMs % 1000 !== 0) throw new KubectlError('--duration cannot be expressed in units less than seconds', 'La durée se compte en secondes entières au moins : --duration=90s, --duration=1h.');
  if (context.flags.list('audience').includes('')) throw new KubectlError('--audience must not be an empty string', 'Donne une audience non vide : --audience=https://mon-service.exemple.com.');
  const kind = context.flags.string('bound-object-kind');
  const name = context.flags.string('bound-object-name');
  if (kind === '') {
    if (name !== '') throw new KubectlError('--bound-object-name can only be set if --bound-object-kind is provided', 'Ajoute --bound-object-kind=Pod (ou Secret) pour lier le jeton à cet objet.');
    if (context.flags.string('bound-object-uid') !== '') throw new KubectlError('--bound-object-uid can only be set if --bound-object-kind is provided', 'Ajoute --bound-object-kind=Pod (ou Secret) et --bound-object-name.');
    return;
  }
  if (!BOUND_KINDS[kind]) throw new KubectlError(`supported --bound-object-kind values are ${Object.keys(BOUND_KINDS).sort().join(', ')}`, 'Un jeton se lie à un Pod ou à un Secret : --bound-object-kind=Pod.');
  if (name === '') throw new KubectlError('--bound-object-name is required if --bound-object-kind is provided', 'Nomme l’objet lié : --bound-object-name=NOM.');
}

/** The server's side of a bound token: the object must exist (and have the given uid). */
function boundClaims(context: CommandContext, kind: string, name: string, uid: string): Record<string, unknown> {
  const info = kindInfo('v1', kind)!;
  const object = context.cluster.store.find(info, context.namespace, name);
  if (!object) throw new KubectlError(`failed to create token: ${notFound(info, name).message}`, `Aucun ${kind} « ${name} » dans le namespace ${context.namespace} : le jeton ne peut s’y lier.`);
  if (uid !== '' && uid !== str(meta(object).uid)) {
    throw new KubectlError(`failed to create token: the UID in the bound object reference (${uid}) does not match the UID in record. The object might have been deleted and then recreated`, `L’uid donné n’est pas celui du ${kind} « ${name} » : enlève --bound-object-uid, kubectl prend celui de l’objet.`);
  }
  const claims: Record<string, unknown> = { [kind.toLowerCase()]: ref(object) };
  // ServiceAccountTokenPodNodeInfo (beta, on in v1.30): a pod-bound token names the pod's node.
  const nodeName = kind === 'Pod' ? str(obj(object.spec).nodeName) : '';
  const node = nodeName !== '' ? context.cluster.store.find(NODES, '', nodeName) : undefined;
  if (node) claims.node = ref(node);
  return claims;
}

function randomBytes(context: CommandContext, count: number): number[] {
  return Array.from({ length: count }, () => context.cluster.store.random.int(256));
}

export const TOKEN: Command = {
  summary: 'Request a service account token',
  flags: [
    ...COMMON.filter((flag) => ['output', 'show-managed-fields', 'template', 'allow-missing-template-keys'].includes(flag.name)),
    { name: 'audience', type: 'stringArray' },
    { name: 'duration', type: 'duration' },
    { name: 'bound-object-kind', type: 'string' },
    { name: 'bound-object-name', type: 'string' },
    { name: 'bound-object-uid', type: 'string' },
  ],
  run(context) {
    const name = oneName(context, 'kubectl create token robot --duration=1h');
    const durationMs = context.flags.int('duration', 0);
    validate(context, durationMs);
    const output = context.flags.string('output');
    if (output !== '' && output !== 'yaml' && output !== 'json' && output !== 'name') {
      throw new KubectlError(
        `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
        'Formats de sortie possibles ici : -o yaml, -o json ou -o name (sans -o : le jeton seul).',
      );
    }
    const account = context.cluster.store.find(SERVICE_ACCOUNTS, context.namespace, name);
    if (!account) {
      throw new KubectlError(`failed to create token: ${notFound(SERVICE_ACCOUNTS, name).message}`, `Aucun ServiceAccount « ${name} » dans le namespace ${context.namespace} : crée-le d’abord (« kubectl create serviceaccount ${name} »).`);
    }
    const seconds = durationMs > 0 ? durationMs / 1000 : DEFAULT_SECONDS;
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      const why = seconds < MIN_SECONDS ? 'may not specify a duration less than 10 minutes' : 'may not specify a duration larger than 2^32 seconds';
      throw new KubectlError(`failed to create token: TokenRequest.authentication.k8s.io ${JSON.stringify(name)} is invalid: spec.expirationSeconds: Invalid value: ${seconds}: ${why}`, 'Un jeton vit entre 10 minutes et 2^32 secondes : --duration=10m au moins (1h par défaut).');
    }
    const audiences = context.flags.list('audience');
    const kind = context.flags.string('bound-object-kind');
    const boundName = context.flags.string('bound-object-name');
    const bound = kind !== '' ? boundClaims(context, kind, boundName, context.flags.string('bound-object-uid')) : {};
    const iat = Math.floor(context.now / 1000);
    const claims = sortKeys({
      aud: audiences.length > 0 ? audiences : [ISSUER],
      exp: iat + seconds,
      iat,
      iss: ISSUER,
      jti: context.cluster.store.random.uid(),
      'kubernetes.io': { namespace: context.namespace, serviceaccount: ref(account), ...bound },
      nbf: iat,
      sub: `system:serviceaccount:${context.namespace}:${name}`,
    });
    const header = { alg: 'RS256', kid: KEY_ID };
    // Unsigned: 256 seeded random bytes stand where an RS256 (2048-bit) signature would be.
    const token = [base64Url(utf8(goJson(header))), base64Url(utf8(goJson(claims))), base64Url(randomBytes(context, 256))].join('.');
    if (output === '') {
      // create_token.go: a newline only when stdout is a terminal.
      context.out.out(context.terminal ? `${token}\n` : token);
      return;
    }
    const boundObjectRef = kind !== '' ? { kind, apiVersion: BOUND_KINDS[kind], name: boundName, ...(context.flags.string('bound-object-uid') !== '' ? { uid: context.flags.string('bound-object-uid') } : {}) } : null;
    const request = {
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      // The token subresource fills name and namespace from the ServiceAccount; no creationTimestamp.
      metadata: { name, namespace: context.namespace, creationTimestamp: null },
      spec: { audiences: audiences.length > 0 ? audiences : [ISSUER], expirationSeconds: seconds, boundObjectRef },
      status: { token, expirationTimestamp: formatTimestamp((iat + seconds) * 1000) },
    };
    context.out.out(printObject(request, output));
  },
};
