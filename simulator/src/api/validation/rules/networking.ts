/**
 * Ingress, IngressClass and NetworkPolicy. Mirrors validateIngressSpec,
 * validateHTTPIngressPath, validateIngressBackend, validateIngressClassSpec,
 * ValidateNetworkPolicySpec, ValidateNetworkPolicyPort and ValidateNetworkPolicyPeer
 * (pkg/apis/networking/validation/validation.go, v1.30).
 */
import { forbidden, invalid, required, type Finding } from '../finding';
import type { KubeObject, ValidationRule } from '../rule';
import { asArray, asNumber, asString, child, get, invalidGo, isRecord, type Path } from './common';
import { isDNS1035Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from './formats';
import { validateLabelSelector } from './selectors';

const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];
const BACKEND_FR = 'Un backend désigne un Service : `service.name` et `service.port.number` (ou `service.port.name`).';

function backend(value: unknown, path: Path): Finding[] {
  const service = child(value, 'service');
  if (isRecord(child(value, 'resource')) && isRecord(service)) return [invalid({ code: 'ingress-backend', path, fr: BACKEND_FR }, '', 'cannot set both resource and service backends')];
  if (isRecord(child(value, 'resource'))) return [];
  if (!isRecord(service)) return [invalid({ code: 'ingress-backend', path, fr: BACKEND_FR }, '', 'resource or service backend is required')];
  const findings: Finding[] = [];
  const name = asString(service.name) ?? '';
  if (name === '' && service.name !== undefined) findings.push(required({ code: 'ingress-backend', path: [...path, 'service', 'name'], fr: BACKEND_FR }));
  else if (name !== '') isDNS1035Label(name).forEach((message) => findings.push(invalid({ code: 'ingress-backend-name', path: [...path, 'service', 'name'], fr: 'Le backend nomme un Service : son nom est un label DNS-1035 (minuscules, chiffres, « - », commençant par une lettre).' }, name, message)));
  const portName = asString(get(service, 'port', 'name')) ?? '';
  const portNumber = asNumber(get(service, 'port', 'number')) ?? 0;
  if (portName !== '' && portNumber !== 0) findings.push(invalid({ code: 'ingress-backend-port', path, fr: 'Donne le port du Service soit par son numéro, soit par son nom, pas les deux.' }, '', 'cannot set both port name & port number'));
  else if (portName !== '') isValidPortName(portName).forEach((message) => findings.push(invalid({ code: 'port-name-invalid', path: [...path, 'service', 'port', 'name'], fr: 'Le nom de port doit être celui d’un port du Service.' }, portName, message)));
  else if (portNumber !== 0) isValidPortNum(portNumber).forEach((message) => findings.push(invalid({ code: 'port-invalid', path: [...path, 'service', 'port', 'number'], fr: 'Un numéro de port va de 1 à 65535.' }, portNumber, message)));
  else findings.push(required({ code: 'ingress-backend-port', path, fr: 'Indique le port du Service visé : `service.port.number: 80` par exemple.' }, 'port name or number is required'));
  return findings;
}

function httpPath(value: unknown, path: Path): Finding[] {
  const findings: Finding[] = [];
  const type = asString(child(value, 'pathType'));
  const text = asString(child(value, 'path')) ?? '';
  const fr = 'Le chemin d’une règle Ingress commence par « / » (par exemple « /api »).';
  if (type === 'Exact' || type === 'Prefix') {
    if (!text.startsWith('/')) findings.push(invalid({ code: 'ingress-path-invalid', path: [...path, 'path'], fr }, text, 'must be an absolute path'));
    if (text !== '') {
      for (const sequence of INVALID_SEQUENCES) if (text.includes(sequence)) findings.push(invalid({ code: 'ingress-path-invalid', path: [...path, 'path'], fr }, text, `must not contain '${sequence}'`));
      for (const suffix of INVALID_SUFFIXES) if (text.endsWith(suffix)) findings.push(invalid({ code: 'ingress-path-invalid', path: [...path, 'path'], fr }, text, `cannot end with '${suffix}'`));
    }
  } else if (type === 'ImplementationSpecific' && text !== '' && !text.startsWith('/')) {
    findings.push(invalid({ code: 'ingress-path-invalid', path: [...path, 'path'], fr }, text, 'must be an absolute path'));
  }
  return [...findings, ...backend(child(value, 'backend'), [...path, 'backend'])];
}

function rules(list: unknown[]): Finding[] {
  const findings: Finding[] = [];
  list.forEach((rule, index) => {
    const host = asString(child(rule, 'host')) ?? '';
    const at: Path = ['spec', 'rules', index];
    const fr = 'L’hôte d’une règle est un nom DNS en minuscules (www.example.com), éventuellement avec un joker en tête (*.example.com), sans port ni adresse IP.';
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.includes(':')) findings.push(invalid({ code: 'ingress-host-invalid', path: [...at, 'host'], fr }, host, 'must be a DNS name, not an IP address'));
    if (host.includes('*')) {
      const rest = host.slice(2);
      if (!host.startsWith('*.') || isDNS1123Subdomain(rest).length > 0) {
        findings.push(invalid({ code: 'ingress-host-invalid', path: [...at, 'host'], fr }, host, "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
      }
    } else if (host !== '') isDNS1123Subdomain(host).forEach((message) => findings.push(invalid({ code: 'ingress-host-invalid', path: [...at, 'host'], fr }, host, message)));
    const http = child(rule, 'http');
    if (!isRecord(http)) return;
    const paths = asArray(http.paths);
    if (paths.length === 0) findings.push(required({ code: 'ingress-paths-required', path: [...at, 'http', 'paths'], fr: 'Une règle http liste au moins un chemin (`paths`).' }));
    paths.forEach((value, i) => findings.push(...httpPath(value, [...at, 'http', 'paths', i])));
  });
  return findings;
}

function ingressSpec(object: KubeObject): Finding[] {
  const spec = object.spec;
  const list = child(spec, 'rules');
  const findings: Finding[] = [];
  if (asArray(list).length === 0 && !isRecord(child(spec, 'defaultBackend'))) {
    findings.push(
      invalidGo(
        { code: 'ingress-empty', path: ['spec'], fr: 'Un Ingress sans règle ni defaultBackend ne route rien : ajoute des `rules` (hôte, chemins, Service) ou un `defaultBackend`.' },
        Array.isArray(list) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)',
        'either `defaultBackend` or `rules` must be specified',
      ),
    );
  }
  if (isRecord(child(spec, 'defaultBackend'))) findings.push(...backend(child(spec, 'defaultBackend'), ['spec', 'defaultBackend']));
  findings.push(...rules(asArray(list)));
  const className = asString(child(spec, 'ingressClassName'));
  if (className !== undefined) isDNS1123Subdomain(className).forEach((message) => findings.push(invalid({ code: 'ingress-class-name', path: ['spec', 'ingressClassName'], fr: 'ingressClassName est le nom d’un objet IngressClass.' }, className, message)));
  return findings;
}

/** Mirrors validateIngressSpec. */
export const ingressRule: ValidationRule = { id: 'ingress', kinds: ['Ingress'], check: ingressSpec };

/** Mirrors validateIngressClassSpec: the controller is a domain-prefixed path, 250 characters at most. */
export const ingressClassRule: ValidationRule = {
  id: 'ingressclass',
  kinds: ['IngressClass'],
  check(object) {
    const controller = asString(get(object, 'spec', 'controller'));
    const path: Path = ['spec', 'controller'];
    const fr = 'Le contrôleur d’une IngressClass se nomme « domaine/chemin », par exemple « k8s.io/ingress-nginx ».';
    if (controller === undefined || controller === '') return [required({ code: 'ingress-class-controller', path, fr })];
    const [host, rest] = [controller.split('/')[0]!, controller.split('/').slice(1).join('/')];
    if (!controller.includes('/') || host === '' || rest === '') return [invalid({ code: 'ingress-class-controller', path, fr }, controller, 'must be a domain-prefixed path (such as "acme.io/foo")')];
    return isDNS1123Subdomain(host).map((message) => invalid({ code: 'ingress-class-controller', path, fr }, host, message));
  },
};

function policyPort(port: unknown, path: Path): Finding[] {
  const value = child(port, 'port');
  const end = asNumber(child(port, 'endPort'));
  const findings: Finding[] = [];
  if (typeof value === 'number') {
    isValidPortNum(value).forEach((message) => findings.push(invalid({ code: 'port-invalid', path: [...path, 'port'], fr: 'Un numéro de port va de 1 à 65535.' }, value, message)));
    if (end !== undefined) {
      if (end < value) findings.push(invalid({ code: 'end-port-invalid', path: [...path, 'endPort'], fr: 'endPort doit être supérieur ou égal à port.' }, value, 'must be greater than or equal to `port`'));
      isValidPortNum(end).forEach((message) => findings.push(invalid({ code: 'port-invalid', path: [...path, 'endPort'], fr: 'Un numéro de port va de 1 à 65535.' }, end, message)));
    }
  } else if (typeof value === 'string') {
    if (end !== undefined) findings.push(invalid({ code: 'end-port-invalid', path: [...path, 'endPort'], fr: 'Une plage de ports (endPort) demande un port numérique.' }, end, 'may not be specified when `port` is non-numeric'));
    isValidPortName(value).forEach((message) => findings.push(invalid({ code: 'port-name-invalid', path: [...path, 'port'], fr: 'Le port est un numéro ou le nom d’un port des Pods visés.' }, value, message)));
  } else if (end !== undefined) {
    findings.push(invalid({ code: 'end-port-invalid', path: [...path, 'endPort'], fr: 'endPort demande aussi port.' }, end, 'may not be specified when `port` is not specified'));
  }
  return findings;
}

function peer(value: unknown, path: Path): Finding[] {
  const kinds = ['podSelector', 'namespaceSelector', 'ipBlock'].filter((key) => isRecord(child(value, key)));
  const findings: Finding[] = [];
  for (const key of ['podSelector', 'namespaceSelector']) if (kinds.includes(key)) findings.push(...validateLabelSelector(child(value, key), [...path, key]));
  if (kinds.includes('ipBlock') && (asString(get(value, 'ipBlock', 'cidr')) ?? '') === '') findings.push(required({ code: 'ip-block-cidr', path: [...path, 'ipBlock', 'cidr'], fr: 'Donne le bloc d’adresses, par exemple « 10.0.0.0/16 ».' }));
  if (kinds.length === 0) findings.push(required({ code: 'network-peer-required', path, fr: 'Chaque entrée from/to choisit des Pods (podSelector), des namespaces (namespaceSelector) ou des adresses (ipBlock).' }, 'must specify a peer'));
  else if (kinds.length > 1 && kinds.includes('ipBlock')) findings.push(forbidden({ code: 'network-peer-both', path, fr: 'ipBlock ne se combine pas avec un selector dans la même entrée : fais deux entrées.' }, 'may not specify both ipBlock and another peer'));
  return findings;
}

/** Mirrors ValidateNetworkPolicySpec (policyTypes values are checked by the enums rule). */
export const networkPolicyRule: ValidationRule = {
  id: 'networkpolicy',
  kinds: ['NetworkPolicy'],
  check(object) {
    const spec = object.spec;
    const findings = validateLabelSelector(child(spec, 'podSelector'), ['spec', 'podSelector']);
    for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      asArray(child(spec, direction)).forEach((rule, index) => {
        const at: Path = ['spec', direction, index];
        asArray(child(rule, 'ports')).forEach((port, i) => findings.push(...policyPort(port, [...at, 'ports', i])));
        asArray(child(rule, peers)).forEach((value, i) => findings.push(...peer(value, [...at, peers, i])));
      });
    }
    const types = child(spec, 'policyTypes');
    if (Array.isArray(types) && types.length > 2) {
      findings.push(invalidGo({ code: 'policy-types-too-many', path: ['spec', 'policyTypes'], fr: 'policyTypes contient au plus Ingress et Egress.' }, `[]networking.PolicyType{${types.map((type) => JSON.stringify(String(type))).join(', ')}}`, 'may not specify more than two policyTypes'));
    }
    return findings;
  },
};
