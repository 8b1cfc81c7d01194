/**
 * `kubectl create ingress NAME --rule=host/path=svc:port[,tls[=secret]] [--class=C]
 * [--default-backend=svc:port] [--annotation=k=v]` (alias ing; kubectl v1.30,
 * create_ingress.go): one rule per host (paths of the same host gathered), pathType
 * Exact, or Prefix when the path ends with `*` (the `*` removed); a port that is a number
 * is `port.number`, otherwise `port.name`; `,tls` adds the host to the TLS entry of the
 * same secret, each host once.
 */
import { kindInfo } from '../../../api/catalog';
import type { Command, CommandContext } from '../context';
import { KubectlError } from '../errors';
import { COMMON, oneName } from './common';
import { createOrFail } from './failed';

const INGRESSES = kindInfo('networking.k8s.io/v1', 'Ingress')!;

/**
 * create_ingress.go's ruleRegex as the v1.30 binary has it: `^host/.*=svc:port` and the
 * optional TLS part, not anchored at the end, so `/=a:80,foo` passes (as it does on a real
 * kubectl). Go's \w is ASCII [0-9A-Za-z_].
 */
const RULE = /^[\w*\-.]*\/.*=[\w-]+:[\w-]+/;
const RULE_FR = 'Une règle s’écrit hôte/chemin=service:port, par exemple --rule="exemple.com/api*=api:80" (« * » final : préfixe), avec « ,tls » ou « ,tls=secret » pour HTTPS.';

/** intstr.Parse: a number (Atoi) is `number`, anything else `name`. */
function backend(service: string): Record<string, unknown> {
  const [name, port] = service.split(':') as [string, string];
  const number = /^[+-]?\d+$/.test(port) && Math.abs(Number(port)) <= 2 ** 31 - 1 ? Number(port) : undefined;
  return { service: { name, port: number !== undefined ? { number } : { name: port } } };
}

/** buildHTTPIngressPath: `/` + the path, Prefix when it ends with `*`. */
function httpPath(pathService: string): Record<string, unknown> {
  const [pathPart, service] = pathService.split('=') as [string, string | undefined];
  // `foo.com/a,b=svc:80` passes the regex, then kubectl v1.30 indexes past the split and panics.
  if (service === undefined) throw new KubectlError('panic: runtime error: index out of range [1] with length 1', 'kubectl plante sur cette règle : une virgule n’a sa place qu’avant « tls » (hôte/chemin=service:port,tls=secret).', true);
  let path = `/${pathPart}`;
  let pathType = 'Exact';
  if (path.endsWith('*')) {
    pathType = 'Prefix';
    path = path.slice(0, -1);
  }
  return { path, pathType, backend: backend(service) };
}

/** buildIngressRules: rules gathered by host, in the order hosts first appear. */
function rulesOf(rules: readonly string[]): Record<string, unknown>[] {
  const out: { host?: string; http: { paths: Record<string, unknown>[] } }[] = [];
  for (const rule of rules) {
    const withoutTLS = rule.split(',')[0]!;
    const slash = withoutTLS.indexOf('/');
    const host = withoutTLS.slice(0, slash);
    const path = httpPath(withoutTLS.slice(slash + 1));
    const existing = out.find((entry) => (entry.host ?? '') === host);
    if (existing) existing.http.paths.push(path);
    else out.push({ ...(host !== '' ? { host } : {}), http: { paths: [path] } });
  }
  return out;
}

/** buildTLSRules: one entry per secret (the default certificate when none), each host once. */
function tlsOf(rules: readonly string[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const out: { hosts?: string[]; secretName?: string }[] = [];
  for (const rule of rules) {
    const parts = rule.split(',');
    if (parts.length !== 2) continue;
    const host = rule.split('/')[0]!;
    const secretParts = parts[1]!.split('=');
    const secret = secretParts.length > 1 ? secretParts[1]! : '';
    if (seen.has(host)) continue;
    seen.add(host);
    const same = out.find((entry) => (entry.secretName ?? '') === secret);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const entry = { ...(host !== '' ? { hosts: [host] } : {}), ...(secret !== '' ? { secretName: secret } : {}) };
    if (Object.keys(entry).length > 0) out.push(entry);
  }
  return out;
}

/** CreateIngressOptions.Validate, in its order. */
function validate(context: CommandContext, rules: readonly string[], annotations: readonly string[], defaultBackend: string): void {
  if (defaultBackend === '' && rules.length === 0) {
    throw new KubectlError(
      'not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)',
      `Dis où envoyer le trafic : « kubectl ${context.path} web --rule="exemple.com/*=web:80" » ou --default-backend=web:80.`,
    );
  }
  for (const rule of rules) if (!RULE.test(rule)) throw new KubectlError(`rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`, RULE_FR);
  for (const annotation of annotations) {
    if (!annotation.includes('=')) throw new KubectlError(`annotation ${annotation} is invalid and should be in format key=[value]`, 'Écris --annotation=clé=valeur, par exemple --annotation=nginx.ingress.kubernetes.io/rewrite-target=/.');
  }
  if (defaultBackend !== '' && defaultBackend.split(':').length !== 2) {
    throw new KubectlError('default-backend should be in format servicename:serviceport', 'Écris --default-backend=service:port, par exemple --default-backend=web:80.');
  }
}

export const INGRESS: Command = {
  summary: 'Create an ingress with the specified name',
  flags: [...COMMON, { name: 'class', type: 'string' }, { name: 'rule', type: 'stringArray' }, { name: 'default-backend', type: 'string' }, { name: 'annotation', type: 'stringArray' }],
  run(context) {
    const name = oneName(context, 'kubectl create ingress web --rule="exemple.com/*=web:80"');
    const rules = context.flags.list('rule');
    const annotationFlags = context.flags.list('annotation');
    const defaultBackend = context.flags.string('default-backend');
    validate(context, rules, annotationFlags, defaultBackend);
    const annotations: Record<string, string> = {};
    for (const annotation of annotationFlags) {
      const equals = annotation.indexOf('=');
      annotations[annotation.slice(0, equals)] = annotation.slice(equals + 1);
    }
    const ingressClass = context.flags.string('class');
    const tls = tlsOf(rules);
    const ingressRules = rulesOf(rules);
    // Go struct order: ingressClassName, defaultBackend, tls, rules (empty ones omitted).
    const spec = {
      ...(ingressClass !== '' ? { ingressClassName: ingressClass } : {}),
      ...(defaultBackend !== '' ? { defaultBackend: backend(defaultBackend) } : {}),
      ...(tls.length > 0 ? { tls } : {}),
      ...(ingressRules.length > 0 ? { rules: ingressRules } : {}),
    };
    // ObjectMeta's order: name, namespace (when -n is given), annotations.
    const metadata = { name, ...(context.namespaceGiven ? { namespace: context.namespace } : {}), ...(Object.keys(annotations).length > 0 ? { annotations } : {}) };
    createOrFail(context, INGRESSES, { kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', metadata, spec, status: { loadBalancer: {} } }, 'ingress');
  },
};
